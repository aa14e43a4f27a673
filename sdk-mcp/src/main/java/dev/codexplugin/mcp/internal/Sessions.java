package dev.codexplugin.mcp.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The protocol version each session negotiated, by the SDK's session id, recorded when the SDK answers
 * {@code initialize}. Bounded (the oldest sessions are forgotten first), so a long-running HTTP server whose
 * clients never delete their sessions does not grow without end; a forgotten session is served as the newest
 * revision.
 */
final class Sessions {
  private static final int MAX = 10_000;

  private final Map<String, String> versions = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX;
    }
  });

  void negotiated(String sessionId, String version) {
    if (sessionId != null && version != null) {
      versions.put(sessionId, version);
    }
  }

  /** The negotiated version, or {@code null} when unknown (treated as the newest). */
  String version(String sessionId) {
    return sessionId == null ? null : versions.get(sessionId);
  }
}
