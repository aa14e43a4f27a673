package dev.codexplugin.hooks;

import dev.codexplugin.api.HookEvent;
import java.util.Map;

/**
 * UserPromptSubmit: the user sent a prompt, before the model sees it. The handler returns a
 * {@link BlockOrContextDecision}: add context (both hosts put it right after the prompt), block the prompt, or
 * proceed. Matchers do not apply: the hook runs for every prompt.
 */
public final class UserPromptSubmit extends HookInput {
  private final String prompt;

  UserPromptSubmit(Host host, JsonObject json, Map<String, String> env) {
    super(host, json, env);
    this.prompt = json.string("prompt");
  }

  @Override
  public HookEvent event() {
    return HookEvent.USER_PROMPT_SUBMIT;
  }

  /** {@code prompt}: the user's text. */
  public String prompt() {
    return prompt;
  }
}
