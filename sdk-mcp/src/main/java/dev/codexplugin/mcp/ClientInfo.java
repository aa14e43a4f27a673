package dev.codexplugin.mcp;

/**
 * The client of the current session, as it introduced itself in {@code initialize}.
 *
 * @param name the client's name, e.g. {@code codex-mcp-client}
 * @param version its version
 * @param protocolVersion the negotiated protocol version, e.g. {@code 2025-11-25}
 * @param sampling whether it declared the {@code sampling} capability
 * @param elicitation whether it declared the {@code elicitation} capability
 * @param roots whether it declared the {@code roots} capability
 */
public record ClientInfo(String name, String version, String protocolVersion, boolean sampling,
    boolean elicitation, boolean roots) {}
