package dev.codexplugin.runtime;

import java.util.Locale;
import java.util.Objects;

/**
 * What to look for in a {@link PluginCatalog}: every condition that is set must hold. Immutable; start from
 * {@link #all()} and add conditions.
 *
 * <pre>{@code
 * catalog.find(PluginQuery.all().named("team-workflow-plugin").inRange("^1.2"));
 * catalog.latest(PluginQuery.all().withCapability("code-review"));
 * }</pre>
 *
 * <p>Names (plugin, skill, MCP server, tool) match exactly; capability, category and keyword ignore case.
 * Pre-releases are left out unless the range {@linkplain VersionRange#includingPreReleases() includes them}
 * ({@link #includingPreReleases()}).
 */
public final class PluginQuery {
  private final String name;
  private final VersionRange range;
  private final String capability;
  private final String category;
  private final String keyword;
  private final String skill;
  private final String mcpServer;
  private final String tool;

  private PluginQuery(String name, VersionRange range, String capability, String category, String keyword,
      String skill, String mcpServer, String tool) {
    this.name = Values.text(name).strip();
    this.range = Objects.requireNonNullElseGet(range, VersionRange::any);
    this.capability = Values.text(capability).strip();
    this.category = Values.text(category).strip();
    this.keyword = Values.text(keyword).strip();
    this.skill = Values.text(skill).strip();
    this.mcpServer = Values.text(mcpServer).strip();
    this.tool = Values.text(tool).strip();
  }

  /** The plugin name, or {@code ""} for any. */
  public String name() {
    return name;
  }

  /** The versions to accept; {@link VersionRange#any()} by default. */
  public VersionRange range() {
    return range;
  }

  /** An {@code interface.capabilities} entry, or {@code ""}. */
  public String capability() {
    return capability;
  }

  /** The {@code interface.category}, or {@code ""}. */
  public String category() {
    return category;
  }

  /** A {@code keywords} entry, or {@code ""}. */
  public String keyword() {
    return keyword;
  }

  /** The name of a skill the plugin must have, or {@code ""}. */
  public String skill() {
    return skill;
  }

  /** The name of an MCP server the plugin must define, or {@code ""}. */
  public String mcpServer() {
    return mcpServer;
  }

  /** The name of a Java tool the plugin must offer, or {@code ""}. */
  public String tool() {
    return tool;
  }

  /** Every plugin, at any version but pre-releases. */
  public static PluginQuery all() {
    return new PluginQuery("", null, "", "", "", "", "", "");
  }

  /** Only the plugin called {@code name}. */
  public PluginQuery named(String name) {
    return new PluginQuery(name, range, capability, category, keyword, skill, mcpServer, tool);
  }

  /** Only versions in {@code range}. */
  public PluginQuery inRange(VersionRange range) {
    return new PluginQuery(name, Objects.requireNonNull(range, "range"), capability, category, keyword, skill,
        mcpServer, tool);
  }

  /**
   * Only versions in the range {@code range}, e.g. {@code ^1.2}.
   *
   * @throws IllegalArgumentException when {@code range} is not a valid range ({@link VersionRange#parse})
   */
  public PluginQuery inRange(String range) {
    return inRange(VersionRange.parse(range));
  }

  /** Pre-releases too. */
  public PluginQuery includingPreReleases() {
    return inRange(range.includingPreReleases());
  }

  /** Only plugins with this {@code interface.capabilities} entry. */
  public PluginQuery withCapability(String capability) {
    return new PluginQuery(name, range, capability, category, keyword, skill, mcpServer, tool);
  }

  /** Only plugins of this {@code interface.category}. */
  public PluginQuery inCategory(String category) {
    return new PluginQuery(name, range, capability, category, keyword, skill, mcpServer, tool);
  }

  /** Only plugins with this keyword. */
  public PluginQuery withKeyword(String keyword) {
    return new PluginQuery(name, range, capability, category, keyword, skill, mcpServer, tool);
  }

  /** Only plugins with a skill of this name. */
  public PluginQuery withSkill(String skill) {
    return new PluginQuery(name, range, capability, category, keyword, skill, mcpServer, tool);
  }

  /** Only plugins defining an MCP server of this name. */
  public PluginQuery withMcpServer(String mcpServer) {
    return new PluginQuery(name, range, capability, category, keyword, skill, mcpServer, tool);
  }

  /** Only plugins offering a Java tool of this name. */
  public PluginQuery withTool(String tool) {
    return new PluginQuery(name, range, capability, category, keyword, skill, mcpServer, tool);
  }

  /** Whether {@code bundle} meets every condition. */
  public boolean test(PluginBundle bundle) {
    PluginUi ui = bundle.manifest().ui();
    return (name.isEmpty() || bundle.name().equals(name))
        && range.matches(bundle.version())
        && (capability.isEmpty() || ui.capabilities().stream().anyMatch(c -> same(c, capability)))
        && (category.isEmpty() || same(ui.category(), category))
        && (keyword.isEmpty() || bundle.manifest().keywords().stream().anyMatch(k -> same(k, keyword)))
        && (skill.isEmpty() || bundle.skill(skill).isPresent())
        && (mcpServer.isEmpty() || bundle.mcpServer(mcpServer).isPresent())
        && (tool.isEmpty() || bundle.tool(tool).isPresent());
  }

  private static boolean same(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PluginQuery q && name.equals(q.name) && range.equals(q.range) && capability.equals(q.capability)
        && category.equals(q.category) && keyword.equals(q.keyword) && skill.equals(q.skill)
        && mcpServer.equals(q.mcpServer) && tool.equals(q.tool);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, range, capability, category, keyword, skill, mcpServer, tool);
  }

  /** The conditions that are set, e.g. {@code name=team-workflow-plugin range=^1.2}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    append(out, "name", name);
    append(out, "range", range.toString());
    append(out, "capability", capability);
    append(out, "category", category);
    append(out, "keyword", keyword);
    append(out, "skill", skill);
    append(out, "mcpServer", mcpServer);
    append(out, "tool", tool);
    return "PluginQuery[" + out.toString().strip() + "]";
  }

  private static void append(StringBuilder out, String key, String value) {
    if (!value.isEmpty()) {
      out.append(' ').append(key).append('=').append(value);
    }
  }
}
