package dev.codexplugin.mcp;

import java.util.List;

/**
 * The client's roots (the folders or files it lets the server work in, {@code roots/list}). A tool parameter
 * of this type is not part of the input schema.
 */
public interface Roots {
  /** Whether the client declared the {@code roots} capability. */
  boolean supported();

  /**
   * Asks the client for its roots.
   *
   * @throws McpCapabilityException when the client does not support roots
   */
  List<Root> list();

  /**
   * A root.
   *
   * @param uri a {@code file://} URI
   * @param name may be {@code null}
   */
  record Root(String uri, String name) {}
}
