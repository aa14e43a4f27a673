package dev.codexplugin.runtime;

/** How serious a {@link Finding} is. */
public enum Severity {
  /** The bundle is broken: the processor fails the build, the loader throws {@link PluginLoadException}. */
  ERROR,
  /** Worth fixing, but the bundle works as it is. */
  WARNING
}
