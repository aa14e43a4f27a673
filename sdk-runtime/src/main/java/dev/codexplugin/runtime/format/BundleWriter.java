package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginAuthor;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.PluginUi;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.SkillUi;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes a bundle in the Codex-native layout: {@code .codex-plugin/plugin.json}, {@code skills/<s>/SKILL.md}
 * (+ {@code agents/openai.yaml}), {@code .mcp.json}, {@code .app.json} and {@code hooks/hooks.json}. The
 * output is deterministic: fixed key order, sorted maps, {@code \n} line ends.
 */
public final class BundleWriter {
  private BundleWriter() {}

  /**
   * Every file of the bundle: the {@code packaged} files as they are (local skills, assets, ...) plus the
   * generated ones. A skill whose {@code SKILL.md} is among the packaged files is not rendered again.
   */
  public static SortedMap<String, byte[]> write(PluginBundle bundle, Map<String, byte[]> packaged) {
    SortedMap<String, byte[]> files = new TreeMap<>(packaged);
    files.put(FormatFiles.MANIFEST, Json.bytes(manifest(bundle)));
    for (SkillSpec skill : bundle.skills()) {
      if (packaged.containsKey(skill.skillFile())) {
        continue;
      }
      files.put(skill.skillFile(), utf8(skillMarkdown(skill)));
      if (skill.hasAgentFile()) {
        files.put(skill.folder() + "/agents/openai.yaml", utf8(agentYaml(skill, bundle)));
      }
    }
    if (!bundle.mcpServers().isEmpty()) {
      files.put(FormatFiles.MCP_FILE, Json.bytes(mcpConfig(bundle.mcpServers())));
    }
    ToolFiles.writeRequirements(bundle.mcpServers()).ifPresent(bytes -> files.put(FormatFiles.REQUIREMENTS_FILE, bytes));
    if (!bundle.apps().isEmpty()) {
      files.put(FormatFiles.APP_FILE, Json.bytes(appConfig(bundle.apps())));
    }
    if (!bundle.hooks().isEmpty()) {
      files.put(FormatFiles.HOOKS_FILE, Json.bytes(hooksConfig(bundle.hooks())));
    }
    return files;
  }

  /** {@code .codex-plugin/plugin.json}. */
  public static ObjectNode manifest(PluginBundle bundle) {
    PluginManifest m = bundle.manifest();
    ObjectNode json = Json.object();
    json.put("name", m.name());
    json.put("version", m.version());
    json.put("description", m.description());
    m.author().ifPresent(a -> author(json, a));
    provenance(json, m);
    if (!bundle.skills().isEmpty()) {
      json.put("skills", "./skills/");
    }
    if (!bundle.mcpServers().isEmpty()) {
      json.put("mcpServers", "./" + FormatFiles.MCP_FILE);
    }
    if (!bundle.apps().isEmpty()) {
      json.put("apps", "./" + FormatFiles.APP_FILE);
    }
    if (!m.ui().isEmpty()) {
      json.set("interface", ui(m.ui()));
    }
    return json;
  }

  private static ObjectNode ui(PluginUi ui) {
    ObjectNode json = Json.object();
    putText(json, "displayName", ui.displayName());
    putText(json, "shortDescription", ui.shortDescription());
    putText(json, "longDescription", ui.longDescription());
    putText(json, "developerName", ui.developerName());
    putText(json, "category", ui.category());
    putList(json, "capabilities", ui.capabilities());
    putText(json, "websiteURL", ui.websiteUrl());
    putText(json, "privacyPolicyURL", ui.privacyPolicyUrl());
    putText(json, "termsOfServiceURL", ui.termsOfServiceUrl());
    putList(json, "defaultPrompt", ui.defaultPrompts());
    putText(json, "brandColor", ui.brandColor());
    putText(json, "composerIcon", ui.composerIcon());
    putText(json, "logo", ui.logo());
    putText(json, "logoDark", ui.logoDark());
    putList(json, "screenshots", ui.screenshots());
    return json;
  }

  /** {@code SKILL.md}: block-style front matter with every string double-quoted, then the body. */
  public static String skillMarkdown(SkillSpec skill) {
    YamlOut yaml = new YamlOut();
    yaml.string(0, "name", skill.name());
    yaml.string(0, "description", skill.description());
    if (!skill.license().isEmpty()) {
      yaml.string(0, "license", skill.license());
    }
    if (!skill.compatibility().isEmpty()) {
      yaml.string(0, "compatibility", skill.compatibility());
    }
    if (!skill.allowedTools().isEmpty()) {
      yaml.string(0, "allowed-tools", String.join(" ", skill.allowedTools()));
    }
    if (!skill.metadata().isEmpty()) {
      yaml.open(0, "metadata");
      skill.metadata().forEach((k, v) -> yaml.string(1, k, v));
    }
    return "---\n" + yaml + "---\n" + body(skill.instructions());
  }

  /** The Markdown body with {@code \n} line ends, no leading blank lines and exactly one final newline. */
  static String body(String instructions) {
    String text = instructions.replace("\r\n", "\n").replace('\r', '\n');
    text = text.replaceFirst("^(\\s*\\n)+", "");
    text = text.stripTrailing();
    return text.isEmpty() ? "" : text + "\n";
  }

  /** {@code agents/openai.yaml}. */
  public static String agentYaml(SkillSpec skill, PluginBundle bundle) {
    YamlOut yaml = new YamlOut();
    SkillUi ui = skill.ui();
    if (!ui.isEmpty()) {
      yaml.open(0, "interface");
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("display_name", ui.displayName());
      fields.put("short_description", ui.shortDescription());
      fields.put("icon_small", ui.iconSmall());
      fields.put("icon_large", ui.iconLarge());
      fields.put("brand_color", ui.brandColor());
      fields.put("default_prompt", ui.defaultPrompt());
      fields.forEach((k, v) -> {
        if (!v.isEmpty()) {
          yaml.string(1, k, v);
        }
      });
    }
    List<McpServerSpec> servers = skill.requires().stream()
        .map(bundle::mcpServer).flatMap(Optional::stream).toList();
    if (!servers.isEmpty()) {
      yaml.open(0, "dependencies").open(1, "tools");
      for (McpServerSpec server : servers) {
        yaml.item(2, "type", "mcp");
        yaml.string(3, "value", server.name());
        yaml.string(3, "description", serverDescription(server));
        if (server.transport() == McpServerSpec.Transport.HTTP) {
          yaml.string(3, "transport", "streamable_http");
          yaml.string(3, "url", server.url());
        } else {
          yaml.string(3, "transport", "stdio");
          yaml.string(3, "command", server.command());
        }
      }
    }
    skill.allowImplicitInvocation().ifPresent(allow ->
        yaml.open(0, "policy").bool(1, "allow_implicit_invocation", allow));
    return yaml.toString();
  }

  /**
   * How {@code agents/openai.yaml} describes a server a skill depends on: its description, and what it needs on
   * the user's machine, e.g. {@code GitHub tools. Requires Node.js 18+.}
   */
  public static String serverDescription(McpServerSpec server) {
    String description = server.description().isEmpty()
        ? "The " + server.name() + " MCP server of this plugin" : server.description().strip();
    if (server.requirements().isEmpty()) {
      return description;
    }
    return description + (description.endsWith(".") ? "" : ".") + " Requires "
        + String.join(", ", server.requirements()) + ".";
  }

  /** {@code .mcp.json} in the Codex dialect. */
  public static ObjectNode mcpConfig(List<McpServerSpec> servers) {
    ObjectNode json = Json.object();
    ObjectNode map = json.putObject("mcpServers");
    for (McpServerSpec s : servers) {
      map.set(s.name(), server(s));
    }
    return json;
  }

  /** One server entry of {@code .mcp.json}. */
  public static ObjectNode server(McpServerSpec s) {
    ObjectNode json = Json.object();
    putText(json, "command", s.command());
    putList(json, "args", s.args());
    putMap(json, "env", s.env());
    putList(json, "env_vars", s.envVars());
    putText(json, "cwd", s.cwd());
    putText(json, "url", s.url());
    putText(json, "bearer_token_env_var", s.bearerTokenEnvVar());
    putMap(json, "http_headers", s.httpHeaders());
    putMap(json, "env_http_headers", s.envHttpHeaders());
    s.enabled().ifPresent(v -> json.put("enabled", v));
    s.required().ifPresent(v -> json.put("required", v));
    s.startupTimeoutSec().ifPresent(v -> putNumber(json, "startup_timeout_sec", v));
    s.toolTimeoutSec().ifPresent(v -> putNumber(json, "tool_timeout_sec", v));
    putList(json, "enabled_tools", s.enabledTools());
    putList(json, "disabled_tools", s.disabledTools());
    return json;
  }

  /** {@code .app.json}. */
  public static ObjectNode appConfig(List<AppSpec> apps) {
    ObjectNode json = Json.object();
    ObjectNode map = json.putObject("apps");
    for (AppSpec a : apps) {
      ObjectNode app = map.putObject(a.key());
      app.put("id", a.id());
      putText(app, "category", a.category());
      putText(app, "type", a.type());
      putText(app, "baseUrl", a.baseUrl());
    }
    return json;
  }

  /** {@code hooks/hooks.json}: hooks grouped by event, then by matcher, in declaration order. */
  public static ObjectNode hooksConfig(List<HookSpec> hooks) {
    Map<String, Map<String, List<HookSpec>>> byEvent = new TreeMap<>();
    for (HookSpec h : hooks) {
      byEvent.computeIfAbsent(h.event(), e -> new LinkedHashMap<>())
          .computeIfAbsent(h.matcher(), m -> new java.util.ArrayList<>()).add(h);
    }
    ObjectNode json = Json.object();
    ObjectNode events = json.putObject("hooks");
    byEvent.forEach((event, byMatcher) -> {
      ArrayNode groups = events.putArray(event);
      byMatcher.forEach((matcher, list) -> {
        ObjectNode group = groups.addObject();
        putText(group, "matcher", matcher);
        ArrayNode commands = group.putArray("hooks");
        for (HookSpec h : list) {
          ObjectNode command = commands.addObject();
          command.put("type", "command");
          command.put("command", h.command());
          h.timeoutSec().ifPresent(t -> command.put("timeout", t));
          putText(command, "statusMessage", h.statusMessage());
        }
      });
    });
    return json;
  }

  /** {@code author}: its name, and its email and URL where given (both dialects). */
  static void author(ObjectNode json, PluginAuthor a) {
    ObjectNode author = json.putObject("author");
    author.put("name", a.name());
    putText(author, "email", a.email());
    putText(author, "url", a.url());
  }

  /** {@code homepage}, {@code repository}, {@code license} and {@code keywords} where given (both dialects). */
  static void provenance(ObjectNode json, PluginManifest m) {
    putText(json, "homepage", m.homepage());
    putText(json, "repository", m.repository());
    putText(json, "license", m.license());
    putList(json, "keywords", m.keywords());
  }

  static void putText(ObjectNode json, String key, String value) {
    if (!value.isEmpty()) {
      json.put(key, value);
    }
  }

  private static void putList(ObjectNode json, String key, List<String> values) {
    if (!values.isEmpty()) {
      json.set(key, Json.strings(values));
    }
  }

  private static void putMap(ObjectNode json, String key, Map<String, String> map) {
    if (!map.isEmpty()) {
      json.set(key, Json.stringMap(map));
    }
  }

  private static void putNumber(ObjectNode json, String key, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      json.put(key, (long) value);
    } else {
      json.put(key, value);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
