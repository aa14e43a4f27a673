package dev.codexplugin.mcp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Completes the arguments of a prompt or the variables of a resource template ({@code completion/complete}).
 *
 * @param kind what is completed
 * @param name the prompt's name, or the template's URI template
 * @param complete computes the suggestions
 */
public record CompletionMethod(Kind kind, String name, Completer complete) {
  /** Checks that nothing is {@code null}. */
  public CompletionMethod {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(complete, "complete");
  }

  /** What a completion is for. */
  public enum Kind {
    /** A prompt's argument ({@code ref/prompt}). */
    PROMPT,
    /** A resource template's variable ({@code ref/resource}). */
    RESOURCE_TEMPLATE
  }

  /** Computes suggestions. */
  @FunctionalInterface
  public interface Completer {
    /**
     * Suggests values.
     *
     * @return a {@code List<String>} (at most 100 are sent) or a {@link Suggestions}
     */
    Object complete(Request request) throws Exception;
  }

  /** One {@code completion/complete}. */
  public interface Request {
    /** The argument (or variable) being completed. */
    String argument();

    /** What the user typed so far. */
    String value();

    /** The other arguments already resolved ({@code context.arguments}); may be empty. */
    Map<String, String> resolved();
  }

  /**
   * Suggestions with paging hints.
   *
   * @param total how many exist, or {@code null}
   * @param hasMore whether more exist than sent
   */
  public record Suggestions(List<String> values, Integer total, boolean hasMore) {
    /** Copies the values. */
    public Suggestions {
      values = List.copyOf(values);
    }
  }
}
