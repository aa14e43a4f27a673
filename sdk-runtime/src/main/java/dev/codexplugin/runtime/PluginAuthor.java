package dev.codexplugin.runtime;

/**
 * The author of a plugin ({@code author} in {@code plugin.json}).
 *
 * @param name the author's name
 * @param email the e-mail address, or {@code ""}
 * @param url the web page, or {@code ""}
 */
public record PluginAuthor(String name, String email, String url) {
  /** Normalizes {@code null} to {@code ""}. */
  public PluginAuthor {
    name = Values.text(name);
    email = Values.text(email);
    url = Values.text(url);
  }
}
