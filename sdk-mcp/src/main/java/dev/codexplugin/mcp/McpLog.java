package dev.codexplugin.mcp;

/**
 * Logs to the client through MCP logging ({@code notifications/message}), under the tool's name as logger.
 * Messages below the level the client set with {@code logging/setLevel} (default {@code info}) are not sent.
 * A tool parameter of this type is not part of the input schema.
 */
public interface McpLog {
  /** Sends {@code message} at {@code level}, unless the client asked for a higher level. */
  void log(LogLevel level, String message);

  /** {@link #log} at {@link LogLevel#DEBUG}. */
  default void debug(String message) {
    log(LogLevel.DEBUG, message);
  }

  /** {@link #log} at {@link LogLevel#INFO}. */
  default void info(String message) {
    log(LogLevel.INFO, message);
  }

  /** {@link #log} at {@link LogLevel#WARNING}. */
  default void warning(String message) {
    log(LogLevel.WARNING, message);
  }

  /** {@link #log} at {@link LogLevel#ERROR}. */
  default void error(String message) {
    log(LogLevel.ERROR, message);
  }
}
