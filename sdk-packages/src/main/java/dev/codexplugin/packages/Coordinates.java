package dev.codexplugin.packages;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The Maven coordinates of a plugin artifact without a version: {@code groupId:artifactId}. The artifact is
 * the plugin's jar (extension {@code jar}, no classifier).
 *
 * @param groupId the group id, e.g. {@code com.acme}
 * @param artifactId the artifact id, e.g. {@code team-workflow}
 */
public record Coordinates(String groupId, String artifactId) implements Comparable<Coordinates> {
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]+");

  /** Checks both parts. */
  public Coordinates {
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(artifactId, "artifactId");
    if (!PART.matcher(groupId).matches() || !PART.matcher(artifactId).matches()) {
      throw new IllegalArgumentException("\"" + groupId + ":" + artifactId + "\" must be groupId:artifactId"
          + " (letters, digits, '.', '_' and '-'), e.g. com.acme:team-workflow");
    }
  }

  /**
   * Parses {@code groupId:artifactId}.
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static Coordinates parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.strip().split(":", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("\"" + text + "\" must be groupId:artifactId, e.g. com.acme:team-workflow");
    }
    return new Coordinates(parts[0], parts[1]);
  }

  @Override
  public int compareTo(Coordinates o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId;
  }
}
