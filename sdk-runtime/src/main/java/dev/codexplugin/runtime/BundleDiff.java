package dev.codexplugin.runtime;

import dev.codexplugin.runtime.BundleChange.Kind;
import dev.codexplugin.runtime.BundleChange.Part;
import dev.codexplugin.runtime.internal.SchemaDiff;
import dev.codexplugin.runtime.internal.Versions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.semver4j.Semver;

/**
 * What changed between two builds of a plugin bundle, the version bump each change needs, and whether the
 * declared versions announce it honestly.
 *
 * <pre>{@code
 * BundleDiff diff = BundleDiff.compare(PluginLoader.load(oldJar).get(0), PluginLoader.load(newJar).get(0));
 * if (!diff.compatible()) {
 *   System.err.println(diff.report());   // names each change and the bump it needs
 * }
 * }</pre>
 *
 * <p>The classification:
 * <ul>
 *   <li><b>MAJOR</b>: a skill, tool, MCP server or app removed; a tool input narrowed (a new required parameter,
 *       a parameter removed or made required, a changed type, an enum value removed, a tighter bound, pattern or
 *       format, other properties no longer allowed); a tool output narrowed (a property removed or no longer
 *       required, a changed type, structured output dropped); a tool moved to another server; a server's
 *       transport changed (stdio and HTTP); a server that needs a new environment variable; a tool newly
 *       disabled on a server; an app's connector id changed; the plugin renamed; a schema change the check
 *       cannot prove compatible (e.g. a changed {@code anyOf});
 *   <li><b>MINOR</b>: a skill, tool, optional parameter, MCP server, app or hook added; an input widened;
 *       anything else that changes behaviour without removing anything (a server's command, arguments or URL, a
 *       default value, a skill's required servers or allowed tools, tool hints, hooks);
 *   <li><b>PATCH</b>: text only: descriptions, titles, instructions, the interface's text, keywords, an MCP
 *       server's stated requirements.
 * </ul>
 *
 * <p>The declared bump comes from the two versions (strict SemVer). Below 1.0.0 it follows the caret, as npm
 * and Cargo do: {@code 0.y.z → 0.(y+1).0} is a major bump and {@code 0.y.z → 0.y.(z+1)} a minor one, and every
 * change of a {@code 0.0.z} version is major. Leaving a pre-release for its release ({@code 1.0.0-rc.1 →
 * 1.0.0}, or to a later pre-release) allows any change. The diff is {@link #compatible()} when the declared bump covers every change.
 *
 * @param plugin the plugin name (the new one, when it was renamed)
 * @param oldVersion the version of the old build
 * @param newVersion the version of the new build
 * @param changes every change, most severe first
 */
public record BundleDiff(String plugin, String oldVersion, String newVersion, List<BundleChange> changes) {

  /** Copies the list. */
  public BundleDiff {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(oldVersion, "oldVersion");
    Objects.requireNonNull(newVersion, "newVersion");
    changes = List.copyOf(changes);
  }

  /** Compares the old build {@code before} with the new build {@code after}. */
  public static BundleDiff compare(PluginBundle before, PluginBundle after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Changes c = new Changes();
    c.manifest(before, after);
    c.parts(Part.SKILL, "skill", before.skills(), after.skills(), SkillSpec::name, c::skill);
    c.parts(Part.MCP_SERVER, "MCP server", before.mcpServers(), after.mcpServers(), McpServerSpec::name, c::server);
    c.parts(Part.APP, "app", before.apps(), after.apps(), AppSpec::key, c::app);
    c.parts(Part.TOOL, "tool", before.tools(), after.tools(), ToolSpec::name, c::tool);
    c.hooks(before.hooks(), after.hooks());
    List<BundleChange> sorted = new ArrayList<>(c.changes);
    sorted.sort(Comparator.comparing(BundleChange::bump).reversed());
    return new BundleDiff(after.name(), before.version(), after.version(), sorted);
  }

  /**
   * Compares two builds that may hold several bundles (a jar can): bundles are paired by name, and a bundle only
   * in the old build is compared with an empty one (everything in it removed). When each build holds exactly one
   * bundle, those two are compared whatever their names (a rename is a change).
   */
  public static List<BundleDiff> compareAll(List<PluginBundle> before, List<PluginBundle> after) {
    if (before.size() == 1 && after.size() == 1) {
      return List.of(compare(before.get(0), after.get(0)));
    }
    List<BundleDiff> out = new ArrayList<>();
    for (PluginBundle b : before) {
      PluginBundle a = after.stream().filter(x -> x.name().equals(b.name())).findFirst()
          .orElseGet(() -> PluginBundle.builder(b.manifest()).build());
      out.add(compare(b, a));
    }
    return out;
  }

  /** The largest bump any change needs; {@link Bump#NONE} when nothing changed. */
  public Bump required() {
    return changes.stream().map(BundleChange::bump).max(Comparator.naturalOrder()).orElse(Bump.NONE);
  }

  /**
   * The bump the two versions declare, or empty when one is not strict SemVer or the new version is lower than
   * the old one (then no change is announced honestly).
   */
  public Optional<Bump> declared() {
    Optional<Semver> was = Versions.parse(oldVersion);
    Optional<Semver> now = Versions.parse(newVersion);
    if (was.isEmpty() || now.isEmpty() || now.get().compareTo(was.get()) < 0) {
      return Optional.empty();
    }
    Semver a = was.get();
    Semver b = now.get();
    boolean sameRelease = a.getMajor() == b.getMajor() && a.getMinor() == b.getMinor() && a.getPatch() == b.getPatch();
    if (sameRelease) {
      // from a pre-release on (to a later one, or to its release) anything may change: it promised nothing
      return Optional.of(a.getPreRelease().isEmpty() || a.compareTo(b) == 0 ? Bump.NONE : Bump.MAJOR);
    }
    if (b.getMajor() > a.getMajor()) {
      return Optional.of(Bump.MAJOR);
    }
    if (a.getMajor() == 0) {
      if (a.getMinor() == 0 || b.getMinor() > a.getMinor()) {
        return Optional.of(Bump.MAJOR);
      }
      return Optional.of(Bump.MINOR);
    }
    return Optional.of(b.getMinor() > a.getMinor() ? Bump.MINOR : Bump.PATCH);
  }

  /** Whether the declared bump covers every change. */
  public boolean compatible() {
    return declared().map(d -> d.covers(required())).orElse(false);
  }

  /** The changes that need more than the declared bump (all of them when no bump can be read from the versions). */
  public List<BundleChange> unannounced() {
    Optional<Bump> declared = declared();
    return changes.stream().filter(c -> declared.map(d -> !d.covers(c.bump())).orElse(c.bump() != Bump.NONE))
        .toList();
  }

  /**
   * One line on the verdict, e.g. {@code team-workflow-plugin 1.0.0 -> 1.0.1 declares a PATCH bump, but the
   * changes need MAJOR}.
   */
  public String verdict() {
    String head = plugin + " " + oldVersion + " -> " + newVersion;
    Optional<Bump> declared = declared();
    if (declared.isEmpty()) {
      if (Versions.parse(oldVersion).isEmpty() || Versions.parse(newVersion).isEmpty()) {
        return head + ": the versions must both be strict SemVer 2.0.0 to check the bump; the changes need "
            + required();
      }
      return head + ": the new version is lower than the old one; the changes need " + required();
    }
    if (compatible()) {
      return head + " declares a " + declared.get() + " bump" + (declared.get() == Bump.NONE ? " (none)" : "")
          + "; the changes need " + required() + ": compatible";
    }
    return head + " declares a " + declared.get() + " bump, but the changes need " + required()
        + "; bump the version to at least " + suggestion();
  }

  /** The smallest version at or above the new one that announces every change. */
  private String suggestion() {
    Semver old = Versions.parse(oldVersion).orElseThrow();
    Semver next = switch (required()) {
      case MAJOR -> old.getMajor() == 0 ? (old.getMinor() == 0 ? old.nextPatch() : old.nextMinor()) : old.nextMajor();
      case MINOR -> old.getMajor() == 0 ? old.nextPatch() : old.nextMinor();
      default -> old.nextPatch();
    };
    return next.getVersion();
  }

  /** The verdict and every change, one per line, those that need more than the declared bump marked. */
  public String report() {
    List<BundleChange> unannounced = unannounced();
    StringBuilder out = new StringBuilder(SafeText.escape(verdict())).append('\n');
    if (changes.isEmpty()) {
      out.append("  no changes\n");
    }
    for (BundleChange c : changes) {
      out.append(unannounced.contains(c) ? "  ! " : "    ").append(SafeText.escape(c.toString())).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "BundleDiff[" + plugin + " " + oldVersion + " -> " + newVersion + ", required=" + required()
        + ", declared=" + declared().map(Enum::name).orElse("?") + ", changes=" + changes.size() + "]";
  }

  // ------------------------------------------------------------------------------------------ comparing

  private interface PartDiff<T> {
    void compare(String subject, T before, T after);
  }

  private static final class Changes {
    final List<BundleChange> changes = new ArrayList<>();
    private Part part;

    void add(Part part, String subject, Kind kind, Bump bump, String detail) {
      changes.add(new BundleChange(part, subject, kind, bump, detail));
    }

    <T> void parts(Part part, String what, List<T> before, List<T> after, Function<T, String> name,
        PartDiff<T> diff) {
      this.part = part;
      Map<String, T> was = new TreeMap<>();
      before.forEach(p -> was.putIfAbsent(name.apply(p), p));
      Map<String, T> now = new TreeMap<>();
      after.forEach(p -> now.putIfAbsent(name.apply(p), p));
      Set<String> names = new TreeSet<>(was.keySet());
      names.addAll(now.keySet());
      for (String n : names) {
        String subject = what + " \"" + n + "\"";
        if (!now.containsKey(n)) {
          add(part, subject, Kind.REMOVED, Bump.MAJOR, "removed");
        } else if (!was.containsKey(n)) {
          add(part, subject, Kind.ADDED, Bump.MINOR, "added");
        } else {
          diff.compare(subject, was.get(n), now.get(n));
        }
      }
    }

    private void text(String subject, String field, Object before, Object after) {
      if (!Objects.equals(before, after)) {
        add(part, subject, Kind.TEXT, Bump.PATCH, field + " changed");
      }
    }

    private void behaviour(String subject, String field, Object before, Object after) {
      if (!Objects.equals(before, after)) {
        add(part, subject, Kind.CHANGED, Bump.MINOR, field + " changed from " + show(before) + " to " + show(after));
      }
    }

    private static String show(Object value) {
      if (value instanceof Optional<?> o) {
        return o.map(String::valueOf).orElse("unset");
      }
      String text = String.valueOf(value);
      return text.isEmpty() ? "\"\"" : text;
    }

    void manifest(PluginBundle before, PluginBundle after) {
      part = Part.PLUGIN;
      PluginManifest a = before.manifest();
      PluginManifest b = after.manifest();
      String subject = "plugin \"" + b.name() + "\"";
      if (!a.name().equals(b.name())) {
        add(part, subject, Kind.CHANGED, Bump.MAJOR, "renamed from \"" + a.name() + "\"; every skill is shown"
            + " under the new name and users install it anew");
      }
      text(subject, "description", a.description(), b.description());
      text(subject, "author", a.author(), b.author());
      text(subject, "homepage", a.homepage(), b.homepage());
      text(subject, "repository", a.repository(), b.repository());
      text(subject, "license", a.license(), b.license());
      text(subject, "keywords", a.keywords(), b.keywords());
      text(subject, "interface", a.ui(), b.ui());
    }

    void skill(String subject, SkillSpec a, SkillSpec b) {
      text(subject, "description", a.description(), b.description());
      text(subject, "instructions", a.instructions(), b.instructions());
      text(subject, "license", a.license(), b.license());
      text(subject, "compatibility", a.compatibility(), b.compatibility());
      text(subject, "metadata", a.metadata(), b.metadata());
      text(subject, "interface", a.ui(), b.ui());
      behaviour(subject, "requires", a.requires(), b.requires());
      behaviour(subject, "allowed-tools", a.allowedTools(), b.allowedTools());
      behaviour(subject, "allow_implicit_invocation", a.allowImplicitInvocation(), b.allowImplicitInvocation());
    }

    void server(String subject, McpServerSpec a, McpServerSpec b) {
      if (a.transport() != b.transport()) {
        add(part, subject, Kind.CHANGED, Bump.MAJOR, "transport changed from " + a.transport() + " to "
            + b.transport() + "; clients configured for the old one cannot reach it");
        return;
      }
      Set<String> newVariables = new TreeSet<>(b.requiredEnvironment());
      newVariables.removeAll(a.requiredEnvironment());
      if (!newVariables.isEmpty()) {
        add(part, subject, Kind.NARROWED, Bump.MAJOR, "needs the environment variable"
            + (newVariables.size() == 1 ? " " : "s ") + String.join(", ", newVariables)
            + "; installations without it stop working");
      }
      Set<String> gone = new TreeSet<>(a.requiredEnvironment());
      gone.removeAll(b.requiredEnvironment());
      if (!gone.isEmpty()) {
        add(part, subject, Kind.WIDENED, Bump.MINOR, "no longer needs " + String.join(", ", gone));
      }
      Set<String> disabled = new TreeSet<>(b.disabledTools());
      disabled.removeAll(a.disabledTools());
      if (!a.enabledTools().isEmpty() || !b.enabledTools().isEmpty()) {
        Set<String> dropped = new TreeSet<>(a.enabledTools().isEmpty() ? Set.of() : a.enabledTools());
        dropped.removeAll(b.enabledTools());
        if (a.enabledTools().isEmpty()) {
          add(part, subject, Kind.NARROWED, Bump.MAJOR, "now exposes only the tools " + b.enabledTools());
        } else if (!b.enabledTools().isEmpty()) {
          disabled.addAll(dropped);
        }
      }
      if (!disabled.isEmpty()) {
        add(part, subject, Kind.NARROWED, Bump.MAJOR, "tool" + (disabled.size() == 1 ? " " : "s ")
            + String.join(", ", disabled) + " no longer exposed");
      }
      behaviour(subject, "command", a.command(), b.command());
      behaviour(subject, "args", a.args(), b.args());
      behaviour(subject, "env", a.env(), b.env());
      behaviour(subject, "cwd", a.cwd(), b.cwd());
      behaviour(subject, "url", a.url(), b.url());
      behaviour(subject, "http_headers", a.httpHeaders(), b.httpHeaders());
      behaviour(subject, "enabled", a.enabled(), b.enabled());
      behaviour(subject, "required", a.required(), b.required());
      behaviour(subject, "startup_timeout_sec", a.startupTimeoutSec(), b.startupTimeoutSec());
      behaviour(subject, "tool_timeout_sec", a.toolTimeoutSec(), b.toolTimeoutSec());
      if (!a.envVars().equals(b.envVars()) && newVariables.isEmpty() && gone.isEmpty()) {
        behaviour(subject, "env_vars", a.envVars(), b.envVars());
      }
      text(subject, "requirements", a.requirements(), b.requirements());
    }

    void app(String subject, AppSpec a, AppSpec b) {
      if (!a.id().equals(b.id())) {
        add(part, subject, Kind.CHANGED, Bump.MAJOR, "connector id changed from " + a.id() + " to " + b.id()
            + "; it is another app");
      }
      text(subject, "category", a.category(), b.category());
      text(subject, "type", a.type(), b.type());
      text(subject, "baseUrl", a.baseUrl(), b.baseUrl());
    }

    void tool(String subject, ToolSpec a, ToolSpec b) {
      String s = subject + " (server \"" + b.server() + "\")";
      if (!a.server().equals(b.server())) {
        add(part, s, Kind.CHANGED, Bump.MAJOR, "moved from server \"" + a.server() + "\"; hosts call it "
            + b.qualifiedName() + " now, not " + a.qualifiedName());
      }
      for (SchemaDiff.Difference d : SchemaDiff.input(a.inputSchema(), b.inputSchema())) {
        add(part, s, d.kind(), d.bump(), d.detail());
      }
      for (SchemaDiff.Difference d : SchemaDiff.output(a.outputSchema(), b.outputSchema())) {
        add(part, s, d.kind(), d.bump(), d.detail());
      }
      text(s, "title", a.title(), b.title());
      text(s, "description", a.description(), b.description());
      behaviour(s, "readOnlyHint", a.readOnlyHint(), b.readOnlyHint());
      behaviour(s, "destructiveHint", a.destructiveHint(), b.destructiveHint());
      behaviour(s, "idempotentHint", a.idempotentHint(), b.idempotentHint());
      behaviour(s, "openWorldHint", a.openWorldHint(), b.openWorldHint());
    }

    void hooks(List<HookSpec> before, List<HookSpec> after) {
      part = Part.HOOK;
      Function<HookSpec, String> key = h -> h.event() + (h.matcher().isEmpty() ? "" : " [" + h.matcher() + "]")
          + " " + h.command();
      Set<String> was = before.stream().map(key).collect(Collectors.toCollection(TreeSet::new));
      Set<String> now = after.stream().map(key).collect(Collectors.toCollection(TreeSet::new));
      for (String h : was) {
        if (!now.contains(h)) {
          add(part, "hook " + h, Kind.REMOVED, Bump.MINOR, "removed");
        }
      }
      for (String h : now) {
        if (!was.contains(h)) {
          add(part, "hook " + h, Kind.ADDED, Bump.MINOR, "added; users must trust it before it runs");
        }
      }
    }
  }
}
