package dev.codexplugin.mcp;

/** The MCP logging levels (RFC 5424 severities), lowest first. */
public enum LogLevel {
  DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY
}
