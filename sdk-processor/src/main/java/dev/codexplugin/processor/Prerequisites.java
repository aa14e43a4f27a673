package dev.codexplugin.processor;

import java.util.Set;

/**
 * Which stdio commands need no stated requirements: those whose prerequisites {@code codexplugin doctor} checks
 * itself ({@code java} against the bundle's class files, {@code npx} and {@code node} against Node.js 18+), and
 * commands shipped in the plugin (a relative or absolute path), whose presence it checks in the plugin folder.
 */
final class Prerequisites {
  /** Commands the doctor knows how to check. */
  static final Set<String> KNOWN = Set.of("java", "npx", "node");

  private Prerequisites() {}

  static boolean selfChecked(String command) {
    String c = command.strip();
    return KNOWN.contains(c) || c.contains("/") || c.contains("\\") || c.startsWith(".");
  }
}
