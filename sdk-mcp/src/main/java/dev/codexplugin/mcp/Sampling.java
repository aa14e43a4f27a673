package dev.codexplugin.mcp;

import java.util.List;
import java.util.Objects;

/**
 * Asks the client's model for a completion ({@code sampling/createMessage}). A tool parameter of this type is
 * not part of the input schema.
 */
public interface Sampling {
  /** Whether the client declared the {@code sampling} capability. */
  boolean supported();

  /**
   * Sends the request and waits for the client's answer.
   *
   * @throws McpCapabilityException when the client does not support sampling
   */
  Result createMessage(Request request);

  /** One user message of text, answered as text. */
  default String ask(String prompt, int maxTokens) {
    return createMessage(new Request(List.of(Message.user(prompt)), null, maxTokens, null)).text();
  }

  /** A message of the conversation to complete. */
  record Message(Role role, Content content) {
    /** Checks the fields. */
    public Message {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(content, "content");
    }

    /** A user message of text. */
    public static Message user(String text) {
      return new Message(Role.USER, Content.text(text));
    }
  }

  /** Who speaks. */
  enum Role {
    USER, ASSISTANT
  }

  /**
   * A sampling request.
   *
   * @param systemPrompt may be {@code null}
   * @param temperature may be {@code null}
   */
  record Request(List<Message> messages, String systemPrompt, int maxTokens, Double temperature) {
    /** Copies the messages. */
    public Request {
      messages = List.copyOf(messages);
    }
  }

  /**
   * The client's answer.
   *
   * @param model the model that answered, as the client names it
   * @param stopReason may be {@code null}
   */
  record Result(Role role, Content content, String model, String stopReason) {
    /** The text of the answer; empty when it is not text. */
    public String text() {
      return content instanceof Content.Text t ? t.text() : "";
    }
  }
}
