package dev.codexplugin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.PluginUi;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.ToolSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON the command line prints with {@code --json}: the model as the CLI reports it (camelCase keys named
 * after the runtime's accessors), pretty-printed with two spaces and {@code \n} on every platform. This is the
 * CLI's own report format, not a file of the plugin format; the format's files are written by the runtime.
 */
final class CliJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator("")));

  private CliJson() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode strings(Collection<String> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return array;
  }

  static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode node = object();
    map.forEach(node::put);
    return node;
  }

  /** {@code node} as pretty-printed text with a final newline. */
  static String text(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArrayNode findings(List<Finding> findings) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Finding f : findings) {
      ObjectNode finding = array.addObject();
      finding.put("code", f.code().id());
      finding.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
      finding.put("location", f.location());
      finding.put("file", f.file());
      finding.put("field", f.field());
      finding.put("message", f.toString());
    }
    return array;
  }

  /** One bundle: manifest, skills, MCP servers, Java tools, apps, hooks, commands, agents, files and warnings. */
  static ObjectNode bundle(PluginBundle b) {
    PluginManifest m = b.manifest();
    ObjectNode json = object();
    json.put("name", m.name());
    json.put("version", m.version());
    json.put("description", m.description());
    m.author().ifPresent(a -> {
      ObjectNode author = json.putObject("author");
      author.put("name", a.name());
      author.put("email", a.email());
      author.put("url", a.url());
    });
    json.put("homepage", m.homepage());
    json.put("repository", m.repository());
    json.put("license", m.license());
    json.set("keywords", strings(m.keywords()));
    json.set("interface", ui(m.ui()));
    ArrayNode skills = json.putArray("skills");
    for (SkillSpec s : b.skills()) {
      ObjectNode skill = skills.addObject();
      skill.put("name", s.name());
      skill.put("qualifiedName", b.name() + ":" + s.name());
      skill.put("description", s.description());
      skill.put("folder", s.folder());
      skill.put("license", s.license());
      skill.put("compatibility", s.compatibility());
      skill.set("allowedTools", strings(s.allowedTools()));
      skill.set("metadata", stringMap(s.metadata()));
      skill.set("requires", strings(s.requires()));
      ObjectNode ui = skill.putObject("ui");
      ui.put("displayName", s.ui().displayName());
      ui.put("shortDescription", s.ui().shortDescription());
      ui.put("defaultPrompt", s.ui().defaultPrompt());
      ui.put("brandColor", s.ui().brandColor());
      ui.put("iconSmall", s.ui().iconSmall());
      ui.put("iconLarge", s.ui().iconLarge());
      s.allowImplicitInvocation().ifPresent(v -> skill.put("allowImplicitInvocation", v));
      skill.put("instructions", s.instructions());
    }
    ArrayNode servers = json.putArray("mcpServers");
    b.mcpServers().forEach(s -> servers.add(server(s)));
    ArrayNode tools = json.putArray("tools");
    for (ToolSpec t : b.tools()) {
      ObjectNode tool = tools.addObject();
      tool.put("server", t.server());
      tool.put("name", t.name());
      tool.put("qualifiedName", t.qualifiedName());
      tool.put("title", t.title());
      tool.put("description", t.description());
      tool.set("inputSchema", parse(t.inputSchema()));
      if (!t.outputSchema().isEmpty()) {
        tool.set("outputSchema", parse(t.outputSchema()));
      }
      t.readOnlyHint().ifPresent(v -> tool.put("readOnlyHint", v));
      t.destructiveHint().ifPresent(v -> tool.put("destructiveHint", v));
      t.idempotentHint().ifPresent(v -> tool.put("idempotentHint", v));
      t.openWorldHint().ifPresent(v -> tool.put("openWorldHint", v));
    }
    ArrayNode apps = json.putArray("apps");
    for (AppSpec a : b.apps()) {
      ObjectNode app = apps.addObject();
      app.put("key", a.key());
      app.put("id", a.id());
      app.put("category", a.category());
      app.put("type", a.type());
      app.put("baseUrl", a.baseUrl());
    }
    ArrayNode hooks = json.putArray("hooks");
    for (HookSpec h : b.hooks()) {
      ObjectNode hook = hooks.addObject();
      hook.put("event", h.event());
      hook.put("matcher", h.matcher());
      hook.put("command", h.command());
      h.timeoutSec().ifPresent(t -> hook.put("timeoutSec", t));
      hook.put("statusMessage", h.statusMessage());
    }
    ArrayNode commands = json.putArray("commands");
    for (dev.codexplugin.runtime.CommandSpec c : b.commands()) {
      ObjectNode command = commands.addObject();
      command.put("name", c.name());
      command.put("file", c.file());
      command.put("description", c.description());
      command.put("argumentHint", c.argumentHint());
      command.set("allowedTools", strings(c.allowedTools()));
      command.put("model", c.model());
      command.put("codexSkill", c.codexSkill().isEmpty() ? "" : b.name() + ":" + c.codexSkill());
      command.put("claudeSkill", c.claudeSkill());
    }
    ArrayNode agents = json.putArray("agents");
    for (dev.codexplugin.runtime.AgentSpec a : b.agents()) {
      ObjectNode agent = agents.addObject();
      agent.put("name", a.name());
      agent.put("file", a.file());
      agent.put("description", a.description());
      agent.set("tools", strings(a.tools()));
      agent.put("model", a.model());
      agent.put("color", a.color());
      agent.put("frontMatterRead", a.frontMatterRead());
    }
    json.put("location", b.location());
    json.set("files", strings(b.files()));
    json.set("executableFiles", strings(b.executableFiles()));
    json.set("warnings", findings(b.warnings()));
    return json;
  }

  private static ObjectNode ui(PluginUi ui) {
    ObjectNode json = object();
    json.put("displayName", ui.displayName());
    json.put("shortDescription", ui.shortDescription());
    json.put("longDescription", ui.longDescription());
    json.put("developerName", ui.developerName());
    json.put("category", ui.category());
    json.set("capabilities", strings(ui.capabilities()));
    json.put("websiteUrl", ui.websiteUrl());
    json.put("privacyPolicyUrl", ui.privacyPolicyUrl());
    json.put("termsOfServiceUrl", ui.termsOfServiceUrl());
    json.set("defaultPrompts", strings(ui.defaultPrompts()));
    json.put("brandColor", ui.brandColor());
    json.put("composerIcon", ui.composerIcon());
    json.put("logo", ui.logo());
    json.put("logoDark", ui.logoDark());
    json.set("screenshots", strings(ui.screenshots()));
    return json;
  }

  private static ObjectNode server(McpServerSpec s) {
    ObjectNode json = object();
    json.put("name", s.name());
    json.put("transport", s.transport().name().toLowerCase(Locale.ROOT));
    json.put("description", s.description());
    json.put("command", s.command());
    json.set("args", strings(s.args()));
    json.set("env", stringMap(s.env()));
    json.set("envVars", strings(s.envVars()));
    json.put("cwd", s.cwd());
    json.put("url", s.url());
    json.put("bearerTokenEnvVar", s.bearerTokenEnvVar());
    json.set("httpHeaders", stringMap(s.httpHeaders()));
    json.set("envHttpHeaders", stringMap(s.envHttpHeaders()));
    s.enabled().ifPresent(v -> json.put("enabled", v));
    s.required().ifPresent(v -> json.put("required", v));
    s.startupTimeoutSec().ifPresent(v -> json.put("startupTimeoutSec", v));
    s.toolTimeoutSec().ifPresent(v -> json.put("toolTimeoutSec", v));
    json.set("enabledTools", strings(s.enabledTools()));
    json.set("disabledTools", strings(s.disabledTools()));
    json.set("requirements", strings(s.requirements()));
    json.set("requiredEnvironment", strings(s.requiredEnvironment()));
    return json;
  }

  /** A schema kept as compact JSON text in the model, as a JSON value again (text when it is not JSON). */
  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      return TextNode.valueOf(json);
    }
  }
}
