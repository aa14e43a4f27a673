package dev.codexplugin.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.VersionRange;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a team declares, committed as {@value #FILE}: the plugins (Maven coordinates and an npm-style range),
 * the Maven repositories they come from (id and URL, never credentials), the hosts to install into and the
 * scope. Immutable; lists are sorted, so that the file written is stable.
 *
 * <pre>{@code
 * {
 *   "marketplace": "team-tools",
 *   "scope": "project",
 *   "hosts": ["claude", "codex"],
 *   "repositories": [{"id": "team", "url": "https://repo.acme.com/releases"}],
 *   "plugins": [{"id": "com.acme:team-workflow", "range": "^1.0.0"}]
 * }
 * }</pre>
 *
 * @param marketplace the name of the managed marketplace, what users see after {@code @}: 1-64 letters,
 *     digits, {@code _} and {@code -}
 * @param scope where the hosts record the plugins
 * @param hosts the hosts to install into, sorted
 * @param repositories the Maven repositories, in the order they are searched
 * @param plugins the declared plugins, sorted by coordinates
 */
public record Declaration(String marketplace, Scope scope, List<Host> hosts, List<Repository> repositories,
    List<Requirement> plugins) {
  /** The file name, at the root of the team's repository. */
  public static final String FILE = "codexplugin.json";

  private static final Pattern MARKETPLACE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern REPOSITORY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final String FIX = "fix it as docs/PACKAGES.md describes, or run `codexplugin init` in a new folder";

  /** Where the hosts record what is installed. */
  public enum Scope {
    /**
     * The project: Claude Code's {@code .claude/settings.json} of the project folder. Codex has no project
     * scope for plugins (openai/codex#18115) and records them in {@code $CODEX_HOME/config.toml}.
     */
    PROJECT,
    /** The user: Claude Code's user settings and {@code $CODEX_HOME/config.toml}. */
    USER;

    /** The name in the file: {@code project} or {@code user}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The scope named {@code id} ({@code project} or {@code user}). */
    public static Optional<Scope> of(String id) {
      for (Scope s : values()) {
        if (s.id().equals(id)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /** A host that plugins are installed into. */
  public enum Host {
    /** Claude Code ({@code claude}). */
    CLAUDE,
    /** The Codex CLI ({@code codex}). */
    CODEX;

    /** The name in the file: {@code claude} or {@code codex}. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The host of a name in the file. */
    public static Optional<Host> of(String id) {
      for (Host h : values()) {
        if (h.id().equals(id)) {
          return Optional.of(h);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A Maven repository. Credentials never appear here: they come from {@code ~/.m2/settings.xml}
   * ({@code <server><id>} equal to {@link #id()}) or from the environment variables
   * {@code CODEXPLUGIN_REPO_<ID>_USERNAME} and {@code CODEXPLUGIN_REPO_<ID>_PASSWORD}.
   *
   * @param id the repository id, matched against the settings' servers and mirrors
   * @param url an {@code https:}, {@code http:} or {@code file:} URL without user information
   */
  public record Repository(String id, String url) {
    /** Checks both. */
    public Repository {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(url, "url");
    }

    /**
     * Parses {@code <id>=<url>}, as {@code init} takes a repository.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static Repository parse(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0 || eq == text.length() - 1) {
        throw new IllegalArgumentException("\"" + text + "\" must be <id>=<url>, e.g."
            + " team=https://repo.acme.com/releases");
      }
      return new Repository(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }
  }

  /**
   * One declared plugin.
   *
   * @param id the plugin artifact's coordinates
   * @param range the versions to accept, in the npm syntax of {@link VersionRange}
   * @param preReleases whether pre-release versions may be chosen
   */
  public record Requirement(Coordinates id, String range, boolean preReleases) {
    /** Checks the range. */
    public Requirement {
      Objects.requireNonNull(id, "id");
      VersionRange.parse(range);
    }

    /** The range, with pre-releases when asked for. */
    public VersionRange versionRange() {
      VersionRange r = VersionRange.parse(range);
      return preReleases ? r.includingPreReleases() : r;
    }
  }

  /** Copies and sorts the lists and checks the names. */
  public Declaration {
    Objects.requireNonNull(marketplace, "marketplace");
    Objects.requireNonNull(scope, "scope");
    if (!MARKETPLACE.matcher(marketplace).matches()) {
      throw new IllegalArgumentException("marketplace \"" + marketplace + "\" must be 1-64 letters, digits, _ and -"
          + " (Codex refuses dots and spaces), e.g. team-tools");
    }
    hosts = List.copyOf(new TreeSet<>(hosts));
    repositories = List.copyOf(repositories);
    plugins = plugins.stream().sorted(Comparator.comparing(Requirement::id)).toList();
  }

  /** A new declaration with the given plugin added or its range replaced. */
  public Declaration with(Requirement requirement) {
    List<Requirement> list = new ArrayList<>(plugins);
    list.removeIf(r -> r.id().equals(requirement.id()));
    list.add(requirement);
    return new Declaration(marketplace, scope, hosts, repositories, list);
  }

  /** A new declaration without the given plugin. */
  public Declaration without(Coordinates id) {
    List<Requirement> list = new ArrayList<>(plugins);
    list.removeIf(r -> r.id().equals(id));
    return new Declaration(marketplace, scope, hosts, repositories, list);
  }

  /** The requirement of a plugin. */
  public Optional<Requirement> requirement(Coordinates id) {
    return plugins.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * The SHA-256 of what the lock depends on: the plugins (coordinates, range, pre-releases) and the
   * repositories (id and URL), in a canonical form, so that reformatting the file or changing the hosts does
   * not invalidate the lock but any change of what is resolved does.
   */
  public String sha256() {
    ObjectNode o = JsonFiles.object();
    o.set("plugins", pluginsJson());
    o.set("repositories", repositoriesJson());
    return Hashes.sha256(JsonFiles.compact(o).getBytes(StandardCharsets.UTF_8));
  }

  /** The file's text, in its fixed layout. */
  public String toJson() {
    ObjectNode o = JsonFiles.object();
    o.put("marketplace", marketplace);
    o.put("scope", scope.id());
    ArrayNode h = o.putArray("hosts");
    hosts.forEach(x -> h.add(x.id()));
    o.set("repositories", repositoriesJson());
    o.set("plugins", pluginsJson());
    return JsonFiles.text(o);
  }

  private ArrayNode repositoriesJson() {
    ArrayNode a = JsonFiles.array();
    for (Repository r : repositories) {
      a.addObject().put("id", r.id()).put("url", r.url());
    }
    return a;
  }

  private ArrayNode pluginsJson() {
    ArrayNode a = JsonFiles.array();
    for (Requirement r : plugins) {
      ObjectNode p = a.addObject().put("id", r.id().toString()).put("range", r.range());
      if (r.preReleases()) {
        p.put("preReleases", true);
      }
    }
    return a;
  }

  /**
   * Reads {@code file}.
   *
   * @throws PackageException naming the file, the field and the fix: a missing file, invalid JSON, an unknown
   *     key, a bad range, a repository URL with credentials, a duplicate plugin or repository
   */
  public static Declaration read(Path file) throws PackageException {
    ObjectNode o = JsonFiles.readObject(file, FIX).orElseThrow(() -> new PackageException(file
        + ": not found; run `codexplugin init` to create it, or run the command in the folder that holds it"));
    JsonFiles.onlyKeys(o, file, "", List.of("marketplace", "scope", "hosts", "repositories", "plugins"));
    String marketplace = JsonFiles.text(o, "marketplace", file, "", FIX);
    if (!MARKETPLACE.matcher(marketplace).matches()) {
      throw new PackageException(file + ": marketplace \"" + marketplace + "\" must be 1-64 letters, digits, _ and -"
          + " (Codex refuses dots and spaces); rename it, e.g. \"team-tools\"");
    }
    String scopeText = JsonFiles.optionalText(o, "scope", file, "", FIX).orElse("project");
    Scope scope = switch (scopeText) {
      case "project" -> Scope.PROJECT;
      case "user" -> Scope.USER;
      default -> throw new PackageException(file + ": scope \"" + scopeText + "\" must be \"project\" or \"user\"");
    };
    Set<Host> hosts = new TreeSet<>();
    JsonNode hostsNode = o.get("hosts");
    if (hostsNode == null || !hostsNode.isArray() || hostsNode.isEmpty()) {
      throw new PackageException(file + ": hosts must be a non-empty array of \"codex\" and \"claude\"; e.g."
          + " \"hosts\": [\"codex\", \"claude\"]");
    }
    for (JsonNode h : hostsNode) {
      Optional<Host> host = h.isTextual() ? Host.of(h.textValue()) : Optional.empty();
      if (host.isEmpty()) {
        throw new PackageException(file + ": hosts: " + h + " is not a host; use \"codex\" and/or \"claude\"");
      }
      hosts.add(host.get());
    }
    List<Repository> repositories = new ArrayList<>();
    Set<String> repositoryIds = new HashSet<>();
    for (ObjectNode r : JsonFiles.objects(o, "repositories", file, "", FIX)) {
      JsonFiles.onlyKeys(r, file, "repositories: ", List.of("id", "url"));
      String id = JsonFiles.text(r, "id", file, "repositories: ", FIX);
      String url = JsonFiles.text(r, "url", file, "repositories[" + id + "].", FIX);
      if (!REPOSITORY_ID.matcher(id).matches()) {
        throw new PackageException(file + ": repositories: id \"" + id + "\" must be 1-64 letters, digits, '.',"
            + " '_' and '-', as in a settings.xml <server><id>");
      }
      if (!repositoryIds.add(id)) {
        throw new PackageException(file + ": repositories: id \"" + id + "\" is declared twice; give each"
            + " repository its own id");
      }
      checkUrl(file, id, url);
      repositories.add(new Repository(id, url));
    }
    if (repositories.isEmpty()) {
      throw new PackageException(file + ": repositories must name at least one Maven repository, e.g."
          + " {\"id\": \"central\", \"url\": \"https://repo.maven.apache.org/maven2\"}");
    }
    List<Requirement> plugins = new ArrayList<>();
    Set<Coordinates> ids = new HashSet<>();
    for (ObjectNode p : JsonFiles.objects(o, "plugins", file, "", FIX)) {
      JsonFiles.onlyKeys(p, file, "plugins: ", List.of("id", "range", "preReleases"));
      String idText = JsonFiles.text(p, "id", file, "plugins: ", FIX);
      Coordinates id;
      try {
        id = Coordinates.parse(idText);
      } catch (IllegalArgumentException e) {
        throw new PackageException(file + ": plugins: id " + e.getMessage());
      }
      if (!ids.add(id)) {
        throw new PackageException(file + ": plugins: " + id + " is declared twice; keep one entry");
      }
      String range = JsonFiles.text(p, "range", file, "plugins[" + id + "].", FIX);
      try {
        VersionRange.parse(range);
      } catch (IllegalArgumentException e) {
        throw new PackageException(file + ": plugins[" + id + "].range: " + e.getMessage());
      }
      JsonNode pre = p.get("preReleases");
      if (pre != null && !pre.isBoolean()) {
        throw new PackageException(file + ": plugins[" + id + "].preReleases must be true or false");
      }
      plugins.add(new Requirement(id, range, pre != null && pre.booleanValue()));
    }
    return new Declaration(marketplace, scope, List.copyOf(hosts), repositories, plugins);
  }

  static void checkUrl(Path file, String id, String url) throws PackageException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new PackageException(file + ": repositories[" + id + "].url \"" + url + "\" is not a URL ("
          + e.getReason() + "); write e.g. https://repo.acme.com/releases");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!Set.of("https", "http", "file").contains(scheme)) {
      throw new PackageException(file + ": repositories[" + id + "].url \"" + url + "\" must be an https:, http:"
          + " or file: URL");
    }
    if (uri.getRawUserInfo() != null) {
      throw new PackageException(file + ": repositories[" + id + "].url holds credentials, which must never be"
          + " committed; remove them from the URL and put them in ~/.m2/settings.xml (<server><id>" + id
          + "</id>) or in CODEXPLUGIN_REPO_" + envName(id) + "_USERNAME/_PASSWORD");
    }
  }

  /** The part of the environment variable names for a repository id: upper case, other characters as _. */
  static String envName(String id) {
    return id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
