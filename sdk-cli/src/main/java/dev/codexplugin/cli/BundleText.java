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
    out.append(b.name()).append(' ').append(b.version());
    if (!b.manifest().description().isEmpty()) {
      out.append(" - ").append(b.manifest().description());
    }
    out.append('\n');
    out.append("  from ").append(b.location()).append('\n');
    PluginUi ui = b.manifest().ui();
    List<String> parts = new ArrayList<>();
    if (!ui.displayName().isEmpty()) {
      parts.add("\"" + ui.displayName() + "\"");
    }
    if (!ui.category().isEmpty()) {
      parts.add("category " + ui.category());
    }
    if (!ui.capabilities().isEmpty()) {
      parts.add("capabilities " + String.join(", ", ui.capabilities()));
    }
    if (!ui.brandColor().isEmpty()) {
      parts.add("color " + ui.brandColor());
    }
    if (!parts.isEmpty()) {
      out.append("  interface: ").append(String.join(", ", parts)).append('\n');
    }
    out.append("  skills (").append(b.skills().size()).append("):\n");
    int width = b.skills().stream().mapToInt(s -> s.name().length()).max().orElse(0) + b.name().length() + 1;
    for (SkillSpec s : b.skills()) {
      out.append("    ").append(pad(b.name() + ":" + s.name(), width)).append("  ")
          .append(oneLine(s.description())).append('\n');
      if (!s.requires().isEmpty()) {
        out.append("    ").append(" ".repeat(width)).append("  requires ")
            .append(String.join(", ", s.requires())).append('\n');
      }
    }
    out.append("  MCP servers (").append(b.mcpServers().size()).append("):\n");
    int serverWidth = b.mcpServers().stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (McpServerSpec s : b.mcpServers()) {
      out.append("    ").append(pad(s.name(), serverWidth)).append("  ");
      if (s.transport() == McpServerSpec.Transport.STDIO) {
        out.append("stdio ").append(s.command());
        s.args().forEach(a -> out.append(' ').append(a));
        if (!s.cwd().isEmpty()) {
          out.append("  (cwd ").append(s.cwd()).append(')');
        }
      } else {
        out.append("http  ").append(s.url());
      }
      if (!s.requiredEnvironment().isEmpty()) {
        out.append("  needs ").append(String.join(", ", s.requiredEnvironment()));
      }
      out.append('\n');
    }
    if (!b.tools().isEmpty()) {
      out.append("  tools (").append(b.tools().size()).append("):\n");
      int toolWidth = b.tools().stream().mapToInt(t -> t.qualifiedName().length()).max().orElse(0);
      for (dev.codexplugin.runtime.ToolSpec t : b.tools()) {
        out.append("    ").append(pad(t.qualifiedName(), toolWidth)).append("  ").append(oneLine(t.description()))
            .append('\n');
      }
    }
    out.append("  apps (").append(b.apps().size()).append("):\n");
    for (AppSpec a : b.apps()) {
      out.append("    ").append(a.key()).append("  ").append(a.id());
      if (!a.category().isEmpty()) {
        out.append("  (").append(a.category()).append(')');
      }
      out.append('\n');
    }
    if (!b.hooks().isEmpty()) {
      out.append("  hooks (").append(b.hooks().size()).append("):\n");
      for (HookSpec h : b.hooks()) {
        out.append("    ").append(h.event()).append(h.matcher().isEmpty() ? "" : " [" + h.matcher() + "]")
            .append("  ").append(h.command()).append('\n');
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

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String oneLine(String s) {
    String line = s.replaceAll("\\s+", " ").trim();
    return line.length() > 100 ? line.substring(0, 97) + "..." : line;
  }
}
