package dev.codexplugin.runtime;

import dev.codexplugin.runtime.format.ReservedNames;
import dev.codexplugin.runtime.internal.ExportEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns plugin jars into a local marketplace that the real hosts install: a folder holding
 * {@code .agents/plugins/marketplace.json} (Codex) and/or {@code .claude-plugin/marketplace.json} (Claude Code),
 * plus {@code plugins/<name>/} for every bundle of every jar.
 *
 * <pre>{@code
 * ExportSummary summary = MarketplaceExport.builder()
 *     .marketplaceName("team-tools")
 *     .displayName("Team Tools")
 *     .format(MarketplaceExport.Format.BOTH)
 *     .addJar(Path.of("target/team-workflow-1.0.0.jar"), runtimeDependencies)
 *     .build()
 *     .exportTo(Path.of("target/codex-plugin"));
 * MarketplaceExport.zip(summary.root(), Path.of("target/codex-plugin.zip"));
 * }</pre>
 *
 * <p>Each bundle's files are copied byte for byte from its jar, through the jar's bundle index (a path that
 * would leave the output folder is refused). A bundle with Java tools ({@code mcp-tools.json} at its root)
 * also gets {@code lib/}: the jar itself and the library jars given with it, which its MCP server launches with
 * {@code java -cp lib/* ...} and {@code "cwd": "."}.
 *
 * <p>The export is:
 * <ul>
 *   <li><b>deterministic</b>: the same jars and settings give byte-identical files (sorted, fixed JSON format);
 *   <li><b>atomic</b>: everything is written into a temporary folder beside the target and then moved into
 *       place; on any failure the previous output is left as it was;
 *   <li><b>careful</b>: it replaces an existing folder only when that folder is empty or holds the marker
 *       file {@value #MARKER} that a previous export wrote, unless {@link Builder#force(boolean) forced}; it
 *       never writes outside the output folder, and refuses an output folder that contains one of its inputs;
 *   <li><b>strict</b>: two plugins of the same name, or two MCP servers of the same name across plugins (Codex
 *       would silently keep only one), stop the export with an error naming both jars.
 * </ul>
 *
 * <p>With {@link Format#CLAUDE} or {@link Format#BOTH}, each plugin folder also carries the Claude Code files:
 * {@code .claude-plugin/plugin.json} (Claude keys only), a Claude-dialect root {@code .mcp.json}
 * ({@code "type": "http"} with {@code headers}; {@code ${VAR}} for forwarded variables; paths of a server that
 * runs in the plugin folder prefixed with {@code ${CLAUDE_PLUGIN_ROOT}/}). For {@link Format#BOTH} the Codex
 * servers move inline into {@code .codex-plugin/plugin.json}, so Codex ignores the Claude-dialect root file.
 *
 * <p>Instances are immutable and may be exported any number of times.
 */
public final class MarketplaceExport {
  /** The marker file at the root of every exported folder. */
  public static final String MARKER = dev.codexplugin.runtime.format.FormatFiles.EXPORT_MARKER;

  /** What Codex 0.169.0 accepts as a marketplace name: letters, digits, {@code _} and {@code -}. */
  private static final Pattern MARKETPLACE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Which hosts the exported folder is for. */
  public enum Format {
    /** Codex only: {@code .agents/plugins/marketplace.json}, the bundles as they are in the jar. */
    CODEX,
    /** Claude Code only: {@code .claude-plugin/marketplace.json}, {@code .claude-plugin/plugin.json}. */
    CLAUDE,
    /** One folder both hosts install (docs/FORMAT.md#claude-code). */
    BOTH;

    /** Whether Codex files are written. */
    public boolean codex() {
      return this != CLAUDE;
    }

    /** Whether Claude Code files are written. */
    public boolean claude() {
      return this != CODEX;
    }

    /**
     * The format named {@code codex}, {@code claude} or {@code both} (any case).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Format parse(String name) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(name.trim())) {
          return f;
        }
      }
      throw new IllegalArgumentException("format " + quote(name) + " must be one of codex, claude, both");
    }
  }

  /** Whether a marketplace offers the plugin ({@code policy.installation} of a Codex marketplace entry). */
  public enum InstallationPolicy {
    /** Listed, installed on request. */
    AVAILABLE,
    /** Listed but not installable. */
    NOT_AVAILABLE,
    /** Installed without asking. */
    INSTALLED_BY_DEFAULT
  }

  /** When the host asks the user to authenticate ({@code policy.authentication}). */
  public enum AuthenticationPolicy {
    /** When the plugin is installed. */
    ON_INSTALL,
    /** When the plugin is first used. */
    ON_USE
  }

  /** One jar to export and the library jars its Java tools need at run time. */
  private record Input(Path jar, List<Path> libraries) {}

  private final String marketplaceName;
  private final String displayName;
  private final String description;
  private final String owner;
  private final InstallationPolicy installation;
  private final AuthenticationPolicy authentication;
  private final String category;
  private final Format format;
  private final boolean force;
  private final List<Input> inputs;
  private final Map<String, Map<Format, List<String>>> javaServerOptions;

  private MarketplaceExport(Builder b) {
    this.marketplaceName = b.marketplaceName;
    this.displayName = b.displayName.isEmpty() ? b.marketplaceName : b.displayName;
    this.description = b.description;
    this.owner = b.owner.isEmpty() ? this.displayName : b.owner;
    this.installation = b.installation;
    this.authentication = b.authentication;
    this.category = b.category;
    this.format = b.format;
    this.force = b.force;
    this.inputs = List.copyOf(b.inputs);
    Map<String, Map<Format, List<String>>> options = new TreeMap<>();
    b.javaServerOptions.forEach((plugin, byDialect) -> options.put(plugin, Map.copyOf(byDialect)));
    this.javaServerOptions = Map.copyOf(options);
  }

  /** A new builder; the marketplace name must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes the marketplace into {@code out}, replacing what a previous export wrote there.
   *
   * @param out the marketplace root to create; its parent is created when missing
   * @return what was written
   * @throws MarketplaceExportException when a jar is invalid, two plugins or MCP servers share a name, a host of
   *     the format refuses the marketplace name, {@code out} is a folder the exporter did not create (and
   *     {@code force} is off), or writing fails; the previous content of {@code out} is then left untouched
   */
  public ExportSummary exportTo(Path out) throws MarketplaceExportException {
    Objects.requireNonNull(out, "out");
    return engine().exportTo(out);
  }

  private ExportEngine engine() throws MarketplaceExportException {
    reserved(format.codex() ? ReservedNames.codex(marketplaceName) : Optional.empty(), "Codex",
        "codex plugin marketplace add");
    reserved(format.claude() ? ReservedNames.claude(marketplaceName) : Optional.empty(), "Claude Code",
        "claude plugin marketplace add");
    ExportEngine.Settings settings = new ExportEngine.Settings(marketplaceName, displayName, description, owner,
        installation.name(), authentication.name(), category, format, force);
    ExportEngine engine = new ExportEngine(settings);
    javaServerOptions.forEach((plugin, byDialect) -> byDialect.forEach((dialect, options) ->
        engine.javaServerOptions(plugin, dialect, options)));
    for (Input input : inputs) {
      engine.addJar(input.jar(), input.libraries());
    }
    return engine;
  }

  /**
   * {@link #exportTo(Path) Exports} into {@code out} and then {@link #zip zips} it to {@code zipFile}, after
   * checking both targets before anything is written: the zip must not be an input, the output folder, a file inside
   * it, a folder or a symbolic link.
   *
   * @throws MarketplaceExportException as {@link #exportTo(Path)} and {@link #zip}; when only the zip fails, the
   *     message says that {@code out} was already replaced
   */
  public ExportSummary exportTo(Path out, Path zipFile) throws MarketplaceExportException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(zipFile, "zipFile");
    return engine().exportTo(out, zipFile);
  }

  private void reserved(Optional<String> refusal, String host, String command) throws MarketplaceExportException {
    if (refusal.isPresent()) {
      throw new MarketplaceExportException(dev.codexplugin.runtime.format.Report.Problem.of(FindingCode.RESERVED_NAME,
          FindingCode.Context.EXPORT, new dev.codexplugin.runtime.format.Place("", "marketplace name "
              + "\"" + marketplaceName + "\""), f -> { })
          .found("a name reserved by " + host + ": `" + command + "` refuses it (\"" + refusal.get() + "\")")
          .fix("choose a name of your own, e.g. \"" + suggestion() + "\"").finding(), List.of());
    }
  }

  private String suggestion() {
    String stripped = marketplaceName.toLowerCase(Locale.ROOT)
        .replaceAll("(?i)anthropics?|claude|openai|official|curated|bundled", "").replaceAll("-{2,}", "-")
        .replaceAll("^-+|-+$", "");
    return (stripped.isEmpty() ? "team" : stripped) + "-tools";
  }

  /**
   * Writes a deterministic zip of an exported folder: entries sorted, under one top folder named like
   * {@code folder}, with fixed timestamps and permissions ({@code 0644}, {@code 0755} for executable files), without
   * the {@link #MARKER}.
   * The zip is written beside {@code zipFile} and moved into place.
   *
   * @throws MarketplaceExportException when {@code folder} is not an export or the zip cannot be written
   */
  public static Path zip(Path folder, Path zipFile) throws MarketplaceExportException {
    return ExportEngine.zip(folder, zipFile);
  }

  /** The marketplace name. */
  public String marketplaceName() {
    return marketplaceName;
  }

  /** The format. */
  public Format format() {
    return format;
  }

  @Override
  public String toString() {
    return "MarketplaceExport[" + marketplaceName + ", format=" + format.name().toLowerCase(Locale.ROOT)
        + ", jars=" + inputs.stream().map(Input::jar).toList() + "]";
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  /** Collects the settings and jars of an export. Not thread-safe; {@link #build()} copies everything. */
  public static final class Builder {
    private String marketplaceName = "";
    private String displayName = "";
    private String description = "";
    private String owner = "";
    private InstallationPolicy installation = InstallationPolicy.AVAILABLE;
    private AuthenticationPolicy authentication = AuthenticationPolicy.ON_INSTALL;
    private String category = "";
    private Format format = Format.CODEX;
    private boolean force;
    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, Map<Format, List<String>>> javaServerOptions = new TreeMap<>();

    private Builder() {}

    /**
     * The marketplace name, e.g. {@code team-tools}: what users type after the {@code @} of
     * {@code codex plugin add <plugin>@<marketplace>}.
     *
     * @throws IllegalArgumentException unless it is 1-64 letters, digits, {@code _} and {@code -} (Codex
     *     rejects dots and spaces with "invalid marketplace name")
     */
    public Builder marketplaceName(String name) {
      Objects.requireNonNull(name, "name");
      if (!MARKETPLACE_NAME.matcher(name).matches()) {
        String suggestion = name.trim().replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        throw new IllegalArgumentException(FindingCode.BAD_KEY.tag() + " marketplace name " + quote(name)
            + " must be 1-64 characters of letters, digits, _ and - (Codex rejects dots and spaces with"
            + " \"invalid marketplace name\")"
            + (suggestion.isEmpty() || suggestion.length() > 64 ? "" : "; use " + quote(suggestion)) + ".");
      }
      this.marketplaceName = name;
      return this;
    }

    /** The name hosts show for the marketplace ({@code interface.displayName}); defaults to the name. */
    public Builder displayName(String displayName) {
      this.displayName = Objects.requireNonNull(displayName, "displayName").trim();
      return this;
    }

    /**
     * What the marketplace offers, for Claude Code's {@code marketplace.json} (its strict validation requires
     * one); defaults to a sentence naming the display name and the plugins.
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description").trim();
      return this;
    }

    /** The owner named in Claude Code's {@code marketplace.json} ({@code owner.name}); defaults to the display name. */
    public Builder owner(String owner) {
      this.owner = Objects.requireNonNull(owner, "owner").trim();
      return this;
    }

    /** {@code policy.installation} of every Codex entry; {@link InstallationPolicy#AVAILABLE} by default. */
    public Builder installationPolicy(InstallationPolicy policy) {
      this.installation = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** {@code policy.authentication} of every Codex entry; {@link AuthenticationPolicy#ON_INSTALL} by default. */
    public Builder authenticationPolicy(AuthenticationPolicy policy) {
      this.authentication = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * The {@code category} of every entry. Empty (the default) uses each plugin's own
     * {@code interface.category}, and leaves it out when the plugin has none.
     */
    public Builder category(String category) {
      this.category = Objects.requireNonNull(category, "category").trim();
      return this;
    }

    /** Which hosts to write files for; {@link Format#CODEX} by default. */
    public Builder format(Format format) {
      this.format = Objects.requireNonNull(format, "format");
      return this;
    }

    /** Replace the output folder even when a previous export did not create it. Off by default. */
    public Builder force(boolean force) {
      this.force = force;
      return this;
    }

    /**
     * Adds every bundle of {@code jar}. When a bundle has Java tools, its {@code lib/} folder receives
     * {@code jar} and {@code libraryJars} (the jar's runtime dependencies), each under its file name.
     */
    public Builder addJar(Path jar, List<Path> libraryJars) {
      Objects.requireNonNull(jar, "jar");
      Objects.requireNonNull(libraryJars, "libraryJars").forEach(p -> Objects.requireNonNull(p, "library jar"));
      inputs.add(new Input(jar, List.copyOf(libraryJars)));
      return this;
    }

    /** Adds every bundle of {@code jar}, without library jars. */
    public Builder addJar(Path jar) {
      return addJar(jar, List.of());
    }

    /**
     * JVM options for the Java tool server of {@code plugin} (a server whose {@code command} is {@code java} and
     * whose arguments run {@code lib/*}), inserted right after {@code java}, before its other arguments, in the
     * files of {@code dialect}: {@link Format#CODEX} the Codex server config ({@code .mcp.json}, or the inline
     * {@code mcpServers} of {@code .codex-plugin/plugin.json}), {@link Format#CLAUDE} Claude Code's
     * {@code .mcp.json}, {@link Format#BOTH} both. The options are written as given: a path in them is relative to
     * the plugin folder for Codex ({@code "cwd": "."}), and may use {@code ${CLAUDE_PLUGIN_ROOT}} for Claude Code.
     * The package manager uses this to wire in the class-data archive it makes at install.
     *
     * @throws IllegalArgumentException at {@link #exportTo} time a plugin of that name without Java tools is an
     *     error, named with the fix
     */
    public Builder javaServerOptions(String plugin, Format dialect, List<String> options) {
      Objects.requireNonNull(plugin, "plugin");
      Objects.requireNonNull(dialect, "dialect");
      List<String> copy = List.copyOf(options);
      Map<Format, List<String>> byDialect = javaServerOptions.computeIfAbsent(plugin, p -> new TreeMap<>());
      if (dialect.codex()) {
        byDialect.put(Format.CODEX, copy);
      }
      if (dialect.claude()) {
        byDialect.put(Format.CLAUDE, copy);
      }
      return this;
    }

    /**
     * The export.
     *
     * @throws IllegalStateException when the marketplace name is not set or no jar was added
     */
    public MarketplaceExport build() {
      if (marketplaceName.isEmpty()) {
        throw new IllegalStateException("set the marketplace name, e.g. marketplaceName(\"team-tools\")");
      }
      if (inputs.isEmpty()) {
        throw new IllegalStateException("add at least one jar with addJar(...)");
      }
      return new MarketplaceExport(this);
    }
  }
}
