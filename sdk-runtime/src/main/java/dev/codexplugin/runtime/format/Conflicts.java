package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.Context;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.internal.Versions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What clashes when plugins are installed together, checked in one place for the catalogs
 * ({@link Context#CATALOG}) and the exporter ({@link Context#EXPORT}), each with the severities the catalogue
 * gives them there:
 *
 * <ul>
 *   <li>{@link FindingCode#DUPLICATE_PLUGIN}: one plugin ({@code <plugin>@<marketplace>}, the hosts' key) more than
 *       once where a host loads one version (a marketplace: both hosts take the first entry of a name; a Codex
 *       cache; a class path); not checked for a folder of releases, where every version of a plugin sits side by
 *       side;
 *   <li>{@link FindingCode#DUPLICATE_SERVER}: two plugins defining an MCP server of the same name (Codex starts
 *       the one of the first plugin by id and silently skips the others);
 *   <li>{@link FindingCode#DUPLICATE_SKILL}: two plugins with a skill of the same name (Codex lists both as
 *       {@code <plugin>:<skill>}).
 * </ul>
 *
 * <p>Each finding's field names the part, e.g. {@code MCP server "github"}.
 */
public final class Conflicts {
  private Conflicts() {}

  /**
   * One plugin of the set: the bundle, the id a host gives it ({@code <plugin>@<marketplace>}, or its name) and
   * where it comes from (a jar, a folder), for the messages.
   */
  public record Member(PluginBundle bundle, String id, String source) {
    String name() {
      return bundle.name();
    }

    String describe() {
      return id + " " + bundle.version() + " (" + source + ")";
    }
  }

  /** Whether the set is one a host loads (one version of each plugin), or a folder of releases. */
  public enum Scope {
    /** A host loads one version of each plugin: two are a {@link FindingCode#DUPLICATE_PLUGIN}. */
    ONE_VERSION_PER_PLUGIN,
    /** Every release of a plugin may be there (a Maven repository, a folder of jars). */
    RELEASES
  }

  /** The conflicts of {@code members}, reported as {@code context} reports them. */
  public static List<Finding> of(List<Member> members, Context context, Scope scope) {
    Report report = new Report(context, "");
    if (scope == Scope.ONE_VERSION_PER_PLUGIN) {
      // The hosts key a plugin by <plugin>@<marketplace>: the same plugin from two marketplaces is two plugins.
      Map<String, List<Member>> byId = new LinkedHashMap<>();
      members.forEach(m -> byId.computeIfAbsent(m.id(), n -> new ArrayList<>()).add(m));
      byId.forEach((id, list) -> {
        String name = list.get(0).name();
        if (list.size() > 1) {
          report.problem(FindingCode.DUPLICATE_PLUGIN, new Place("", "plugin " + Text.quote(id)))
              .found(list.size() + " copies: " + list.stream().map(m -> m.bundle().version() + " (" + m.source() + ")")
                  .collect(Collectors.joining(", ")))
              .fix(context == Context.EXPORT
                  ? "a marketplace holds one plugin of a name (a host installs it as " + name + "@<marketplace>);"
                      + " export one of them, or rename one @Plugin"
                  : id.contains("@") ? "Codex and Claude Code load one of them; remove the others"
                  : "a class path should hold one version of a plugin; remove the others")
              .report();
        }
      });
    }
    parts(members, b -> b.mcpServers().stream().map(McpServerSpec::name).toList()).forEach((server, owners) ->
        report.problem(FindingCode.DUPLICATE_SERVER, new Place("", "MCP server " + Text.quote(server)))
            .found("it in " + describe(owners))
            .fix("Codex starts only the one of " + owners.get(0).id() + " (the first by plugin id) and silently skips"
                + " the others: rename one @McpServer (its name in .mcp.json)"
                + (context == Context.EXPORT ? ", or export the plugins separately" : ""))
            .report());
    parts(members, b -> b.skills().stream().map(SkillSpec::name).toList()).forEach((skill, owners) ->
        report.problem(FindingCode.DUPLICATE_SKILL, new Place("", "skill " + Text.quote(skill)))
            .found("it in " + describe(owners))
            .fix("Codex lists both, as " + owners.stream().map(m -> m.name() + ":" + skill).distinct()
                .collect(Collectors.joining(" and ")) + "; rename one so that users and the model can tell them apart")
            .report());
    return report.findings();
  }

  /**
   * Part names defined by two or more plugins of different names, each with its plugins sorted by plugin id
   * (the order in which Codex loads them); one member per plugin name, the highest version.
   */
  private static Map<String, List<Member>> parts(List<Member> members, Function<PluginBundle, List<String>> names) {
    Map<String, Map<String, Member>> byPart = new TreeMap<>();
    for (Member m : members) {
      for (String part : new HashSet<>(names.apply(m.bundle()))) {
        byPart.computeIfAbsent(part, p -> new TreeMap<>()).merge(m.id(), m,
            (a, b) -> Versions.ORDER.compare(b.bundle().version(), a.bundle().version()) > 0 ? b : a);
      }
    }
    Map<String, List<Member>> out = new TreeMap<>();
    byPart.forEach((part, owners) -> {
      Map<String, Member> perPlugin = new LinkedHashMap<>();
      owners.values().forEach(m -> perPlugin.merge(m.name(), m,
          (a, b) -> Versions.ORDER.compare(b.bundle().version(), a.bundle().version()) > 0 ? b : a));
      if (perPlugin.size() > 1) {
        out.put(part, List.copyOf(perPlugin.values()));
      }
    });
    return out;
  }

  private static String describe(List<Member> owners) {
    return owners.stream().map(Member::describe).collect(Collectors.joining(" and "));
  }
}
