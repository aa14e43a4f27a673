package dev.codexplugin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginUi;
import dev.codexplugin.runtime.SkillSpec;
import java.util.ArrayList;
import java.util.List;

/** Renders load results for people ({@link #describe}) and for tools ({@link #json}). */
final class BundleText {
  private BundleText() {}

  static String describe(LoadResult result) {
    StringBuilder out = new StringBuilder();
    for (PluginBundle b : result.bundles()) {
      describe(b, out);
    }
    List<Finding> errors = result.errors();
    if (!errors.isEmpty()) {
      out.append(errors.size()).append(errors.size() == 1 ? " error:\n" : " errors:\n");
      errors.forEach(e -> out.append("  ").append(e).append('\n'));
    }
    if (result.bundles().isEmpty() && errors.isEmpty()) {
      out.append("no plugin bundles found\n");
    }
    return out.toString();
  }

  private static void describe(PluginBundle b, StringBuilder out) {
    out.append(t(b.name())).append(' ').append(t(b.version()));
    if (!b.manifest().description().isEmpty()) {
      out.append(" - ").append(t(b.manifest().description()));
    }
    out.append('\n');
    out.append("  from ").append(t(b.location())).append('\n');
    PluginUi ui = b.manifest().ui();
    List<String> parts = new ArrayList<>();
    if (!ui.displayName().isEmpty()) {
      parts.add("\"" + t(ui.displayName()) + "\"");
    }
    if (!ui.category().isEmpty()) {
      parts.add("category " + t(ui.category()));
    }
    if (!ui.capabilities().isEmpty()) {
      parts.add("capabilities " + t(String.join(", ", ui.capabilities())));
    }
    if (!ui.brandColor().isEmpty()) {
      parts.add("color " + t(ui.brandColor()));
    }
    if (!parts.isEmpty()) {
      out.append("  interface: ").append(String.join(", ", parts)).append('\n');
    }
    out.append("  skills (").append(b.skills().size()).append("):\n");
    int width = b.skills().stream().mapToInt(s -> t(s.name()).length()).max().orElse(0) + t(b.name()).length() + 1;
    for (SkillSpec s : b.skills()) {
      out.append("    ").append(pad(t(b.name()) + ":" + t(s.name()), width)).append("  ")
          .append(oneLine(s.description())).append('\n');
      if (!s.requires().isEmpty()) {
        out.append("    ").append(" ".repeat(width)).append("  requires ")
            .append(t(String.join(", ", s.requires()))).append('\n');
      }
    }
    out.append("  MCP servers (").append(b.mcpServers().size()).append("):\n");
    int serverWidth = b.mcpServers().stream().mapToInt(s -> t(s.name()).length()).max().orElse(0);
    for (McpServerSpec s : b.mcpServers()) {
      out.append("    ").append(pad(t(s.name()), serverWidth)).append("  ");
      if (s.transport() == McpServerSpec.Transport.STDIO) {
        out.append("stdio ").append(t(s.command()));
        s.args().forEach(a -> out.append(' ').append(t(a)));
        if (!s.cwd().isEmpty()) {
          out.append("  (cwd ").append(t(s.cwd())).append(')');
        }
      } else {
        out.append("http  ").append(t(s.url()));
      }
      if (!s.requiredEnvironment().isEmpty()) {
        out.append("  needs ").append(t(String.join(", ", s.requiredEnvironment())));
      }
      out.append('\n');
    }
    if (!b.tools().isEmpty()) {
      out.append("  tools (").append(b.tools().size()).append("):\n");
      int toolWidth = b.tools().stream().mapToInt(tool -> t(tool.qualifiedName()).length()).max().orElse(0);
      for (dev.codexplugin.runtime.ToolSpec tool : b.tools()) {
        out.append("    ").append(pad(t(tool.qualifiedName()), toolWidth)).append("  ").append(oneLine(tool.description()))
            .append('\n');
      }
    }
    out.append("  apps (").append(b.apps().size()).append("):\n");
    for (AppSpec a : b.apps()) {
      out.append("    ").append(t(a.key())).append("  ").append(t(a.id()));
      if (!a.category().isEmpty()) {
        out.append("  (").append(t(a.category())).append(')');
      }
      out.append('\n');
    }
    if (!b.hooks().isEmpty()) {
      out.append("  hooks (").append(b.hooks().size()).append("):\n");
      for (HookSpec h : b.hooks()) {
        out.append("    ").append(t(h.event())).append(h.matcher().isEmpty() ? "" : " [" + t(h.matcher()) + "]")
            .append("  ").append(t(h.command())).append('\n');
      }
    }
    if (!b.commands().isEmpty()) {
      out.append("  commands (").append(b.commands().size()).append("):  Claude Code commands: what each host makes of them\n");
      int commandWidth = b.commands().stream().mapToInt(c -> t(c.name()).length()).max().orElse(0) + t(b.name()).length() + 1;
      for (dev.codexplugin.runtime.CommandSpec c : b.commands()) {
        out.append("    ").append(pad(t(b.name()) + ":" + t(c.name()), commandWidth)).append("  ")
            .append(oneLine(c.description())).append('\n');
        out.append("    ").append(" ".repeat(commandWidth)).append("  Codex: ")
            .append(c.codexSkill().isEmpty() ? "no skill (" + codexSkipReason(c) + ")"
                : "skill " + t(b.name()) + ":" + t(c.codexSkill()))
            .append("; Claude Code: ")
            .append(c.claudeSkill().isEmpty() ? "not listed (below commands/)" : "skill " + t(c.claudeSkill()))
            .append('\n');
      }
    }
    if (!b.agents().isEmpty()) {
      out.append("  agents (").append(b.agents().size()).append("):  Claude Code agents (Codex does not read them)\n");
      int agentWidth = b.agents().stream().mapToInt(a -> t(a.name()).length()).max().orElse(0);
      for (dev.codexplugin.runtime.AgentSpec a : b.agents()) {
        out.append("    ").append(pad(t(a.name()), agentWidth)).append("  ")
            .append(a.frontMatterRead() ? oneLine(a.description()) : "(front matter Claude Code cannot parse)");
        if (!a.model().isEmpty()) {
          out.append("  model ").append(t(a.model()));
        }
        out.append('\n');
      }
    }
    if (!b.warnings().isEmpty()) {
      out.append("  warnings (").append(b.warnings().size()).append("):\n");
      b.warnings().forEach(w -> out.append("    ").append(w).append('\n'));
    }
  }

  static String json(LoadResult result) {
    ObjectNode json = CliJson.object();
    ArrayNode bundles = json.putArray("bundles");
    result.bundles().forEach(b -> bundles.add(CliJson.bundle(b)));
    json.set("errors", CliJson.findings(result.errors()));
    return CliJson.text(json);
  }

  /** Why Codex makes no skill of a command (docs/FORMAT.md §3b). */
  private static String codexSkipReason(dev.codexplugin.runtime.CommandSpec c) {
    return c.description().isBlank() ? "no description in front matter"
        : "uses arguments or shell interpolation, or is over 4,000 bytes as a skill";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** A value in a line: newlines, control characters and bidi overrides escaped. */
  private static String t(String s) {
    return SafeWriter.text(s);
  }

  private static String oneLine(String s) {
    String line = t(s.replaceAll("\\s+", " ").trim());
    return line.length() > 100 ? line.substring(0, 97) + "..." : line;
  }
}
