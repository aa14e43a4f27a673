package dev.codexplugin.runtime;

/**
 * One app connector of {@code .app.json}. Codex reads only {@link #id()}; the rest describes the app.
 *
 * @param key the key in {@code apps}
 * @param id the connector id
 * @param category {@code category}, or {@code ""}
 * @param type {@code type}, or {@code ""}
 * @param baseUrl {@code baseUrl}, or {@code ""}
 */
public record AppSpec(String key, String id, String category, String type, String baseUrl) {
  /** Normalizes {@code null} to {@code ""}. */
  public AppSpec {
    key = Values.text(key);
    id = Values.text(id);
    category = Values.text(category);
    type = Values.text(type);
    baseUrl = Values.text(baseUrl);
  }
}
