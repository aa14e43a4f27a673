package dev.codexplugin.mcp;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A prompt as generated code hands it to the server.
 *
 * @param name the prompt's name
 * @param descriptor the JSON {@code prompts/list} returns for it: {@code name}, optionally {@code title},
 *     {@code description} and {@code arguments} ({@code name}, {@code description}, {@code required})
 * @param get renders it
 */
public record PromptMethod(String name, String descriptor, Renderer get) {
  /** Checks that nothing is {@code null}. */
  public PromptMethod {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(get, "get");
  }

  /** Renders a prompt. */
  @FunctionalInterface
  public interface Renderer {
    /**
     * Renders the prompt.
     *
     * @return a {@code String} (one user message of text), a {@link Message}, a {@code List} of them, or a
     *     {@link Result}
     * @throws Exception whatever the method throws: the client gets a JSON-RPC error with its message
     */
    Object render(Arguments arguments) throws Exception;
  }

  /** The arguments of one {@code prompts/get}; the required ones were checked to be present. */
  public interface Arguments {
    /** The argument's value, or {@code null} when absent. */
    String get(String name);

    /** Every argument given. */
    Map<String, String> all();

    /** The request's context (as for a resource; the logger is the prompt's name). */
    ToolContext context();
  }

  /** One message of a prompt. */
  public record Message(Sampling.Role role, Content content) {
    /** Checks the fields. */
    public Message {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(content, "content");
    }

    /** A user message of text. */
    public static Message user(String text) {
      return new Message(Sampling.Role.USER, Content.text(text));
    }

    /** A user message of any content. */
    public static Message user(Content content) {
      return new Message(Sampling.Role.USER, content);
    }

    /** An assistant message of text. */
    public static Message assistant(String text) {
      return new Message(Sampling.Role.ASSISTANT, Content.text(text));
    }
  }

  /**
   * A rendered prompt.
   *
   * @param description may be {@code null}
   */
  public record Result(String description, List<Message> messages) {
    /** Copies the messages. */
    public Result {
      messages = List.copyOf(messages);
    }
  }
}
