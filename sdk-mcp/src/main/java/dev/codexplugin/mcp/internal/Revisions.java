package dev.codexplugin.mcp.internal;

/** The MCP protocol revisions the server speaks and what each added that matters to the server. */
final class Revisions {
  static final String V2024_11_05 = "2024-11-05";
  static final String V2025_03_26 = "2025-03-26";
  static final String V2025_06_18 = "2025-06-18";
  static final String V2025_11_25 = "2025-11-25";

  private Revisions() {}

  /** Whether {@code negotiated} is {@code revision} or later (revisions are dates, so they sort as text). */
  static boolean atLeast(String negotiated, String revision) {
    return negotiated == null || negotiated.compareTo(revision) >= 0;
  }

  /** Audio content and tool annotations. */
  static boolean hasAudio(String negotiated) {
    return atLeast(negotiated, V2025_03_26);
  }

  /** {@code title}, {@code outputSchema}, {@code structuredContent} and resource links. */
  static boolean hasStructuredOutput(String negotiated) {
    return atLeast(negotiated, V2025_06_18);
  }

  /** SEP-1303: input validation errors are tool results with {@code isError}, not protocol errors. */
  static boolean validationErrorsAreResults(String negotiated) {
    return atLeast(negotiated, V2025_11_25);
  }
}
