/**
 * The Codex plugin bundle model, its validation rules and {@link dev.codexplugin.runtime.PluginLoader}.
 * Only {@code dev.codexplugin.runtime} is API; {@code dev.codexplugin.runtime.internal} is shared with the
 * SDK's own tools (processor, CLI, MCP server) and may change without notice.
 */
module dev.codexplugin.runtime {
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;
  requires org.semver4j;
  requires java.net.http;

  exports dev.codexplugin.runtime;
}
