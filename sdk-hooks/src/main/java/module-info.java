/**
 * Runs a plugin's {@code @HookHandler} methods as command hooks of Codex and Claude Code: the typed inputs
 * ({@link dev.codexplugin.hooks.PreToolUse}, ...) and decisions ({@link dev.codexplugin.hooks.PreToolUseDecision},
 * ...), and {@link dev.codexplugin.hooks.HookRunner}, which the generated {@code <Plugin>Hooks} launcher calls.
 * Nothing but {@code dev.codexplugin.api} is needed on the hook path; OpenTelemetry is used only when its API is
 * on the class path. Only {@code dev.codexplugin.hooks} is API.
 */
module dev.codexplugin.hooks {
  requires transitive dev.codexplugin.api;
  requires static io.opentelemetry.api;
  requires static io.opentelemetry.context;

  exports dev.codexplugin.hooks;
}
