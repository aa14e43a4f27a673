package dev.codexplugin.runtime.internal;

import dev.codexplugin.runtime.format.BundleWriter;
import dev.codexplugin.runtime.format.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.SkillSpec;
import java.util.List;

/** The bundle model as JSON, for tools ({@code codexplugin inspect --json}). Keys are camelCase. */
public final class BundleJson {
  private BundleJson() {}

  public static ObjectNode bundle(PluginBundle b) {
    PluginManifest m = b.manifest();
    ObjectNode json = Json.object();
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
    json.set("keywords", Json.strings(m.keywords()));
    json.set("interface", BundleWriter.manifest(b).path("interface").deepCopy());
    ArrayNode skills = json.putArray("skills");
    for (SkillSpec s : b.skills()) {
      ObjectNode skill = skills.addObject();
      skill.put("name", s.name());
      skill.put("qualifiedName", b.name() + ":" + s.name());
      skill.put("description", s.description());
      skill.put("folder", s.folder());
      skill.put("license", s.license());
      skill.put("compatibility", s.compatibility());
      skill.set("allowedTools", Json.strings(s.allowedTools()));
      skill.set("metadata", Json.stringMap(s.metadata()));
      skill.set("requires", Json.strings(s.requires()));
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
    for (McpServerSpec s : b.mcpServers()) {
      ObjectNode server = servers.addObject();
      server.put("name", s.name());
      server.put("transport", s.transport().name().toLowerCase(java.util.Locale.ROOT));
      server.setAll(BundleWriter.server(s));
    }
    ArrayNode tools = json.putArray("tools");
    for (dev.codexplugin.runtime.ToolSpec t : b.tools()) {
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
    json.put("location", b.location());
    json.set("files", Json.strings(b.files()));
    json.set("warnings", findings(b.warnings()));
    return json;
  }

  /** A schema kept as compact JSON text in the model, as a JSON value again (text when it is not JSON). */
  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      return com.fasterxml.jackson.databind.node.TextNode.valueOf(json);
    }
  }

  public static ArrayNode findings(List<Finding> findings) {
    ArrayNode array = Json.object().arrayNode();
    for (Finding f : findings) {
      ObjectNode finding = array.addObject();
      finding.put("code", f.code().id());
      finding.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
      finding.put("location", f.location());
      finding.put("file", f.file());
      finding.put("field", f.field());
      finding.put("message", f.toString());
    }
    return array;
  }
}
