package dev.codexplugin.packages;

import dev.codexplugin.runtime.SafeText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.settings.Mirror;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsProblem;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.repository.AuthenticationBuilder;
import org.eclipse.aether.util.repository.DefaultAuthenticationSelector;
import org.eclipse.aether.util.repository.DefaultMirrorSelector;
import org.eclipse.aether.util.repository.DefaultProxySelector;

/**
 * A Maven Resolver 2.x repository system of the CLI's own (the supplier's wiring: the basic connector, the
 * file and HTTP transports), configured as Maven would be from {@code ~/.m2/settings.xml}: the local
 * repository, mirrors, servers' credentials, proxies and offline mode. Credentials can also come from the
 * environment, for CI: {@code CODEXPLUGIN_REPO_<ID>_USERNAME} and {@code CODEXPLUGIN_REPO_<ID>_PASSWORD}
 * ({@code <ID>} the repository or mirror id in upper case, other characters as {@code _}) win over the
 * settings; {@code ${env.NAME}} in settings.xml is expanded as Maven does.
 *
 * <p>Close it to release the session's resources.
 */
public final class StandaloneResolver implements AutoCloseable {
  /**
   * How to configure the resolver.
   *
   * @param settings the user settings file; empty means {@code ~/.m2/settings.xml} ({@code -s} in Maven)
   * @param localRepository the local repository; empty means the settings' {@code localRepository}, else the
   *     system property {@code maven.repo.local}, else {@code ~/.m2/repository}
   * @param offline resolve from the local repository only
   * @param environment the environment variables (credentials, {@code ${env.*}} in settings)
   * @param userHome the user's home folder
   */
  public record Options(Optional<Path> settings, Optional<Path> localRepository, boolean offline,
      Map<String, String> environment, Path userHome) {
    /** Copies the map. */
    public Options {
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(localRepository, "localRepository");
      environment = Map.copyOf(environment);
      Objects.requireNonNull(userHome, "userHome");
    }

    /** The defaults of this process: its environment and {@code user.home}, online. */
    public static Options defaults() {
      return new Options(Optional.empty(), Optional.empty(), false, System.getenv(),
          Path.of(System.getProperty("user.home")));
    }

    /** The same options with another settings file. */
    public Options withSettings(Path file) {
      return new Options(Optional.of(file), localRepository, offline, environment, userHome);
    }

    /** The same options with another local repository. */
    public Options withLocalRepository(Path folder) {
      return new Options(settings, Optional.of(folder), offline, environment, userHome);
    }

    /** The same options, offline or not. */
    public Options withOffline(boolean value) {
      return new Options(settings, localRepository, value, environment, userHome);
    }

    /** The same options with other environment variables. */
    public Options withEnvironment(Map<String, String> value) {
      return new Options(settings, localRepository, offline, value, userHome);
    }
  }

  /** Maven Central, as Maven's super POM names it. */
  static final Declaration.Repository CENTRAL =
      new Declaration.Repository("central", "https://repo.maven.apache.org/maven2");

  private final RepositorySystem system;
  private final RepositorySystemSession.CloseableSession session;
  private final Settings settings;
  private final Map<String, String> environment;

  private StandaloneResolver(RepositorySystem system, RepositorySystemSession.CloseableSession session,
      Settings settings, Map<String, String> environment) {
    this.system = system;
    this.session = session;
    this.settings = settings;
    this.environment = environment;
  }

  /**
   * Reads the settings and creates the repository system.
   *
   * @throws PackageException when the settings file cannot be read, naming it and the problem
   */
  public static StandaloneResolver open(Options options) throws PackageException {
    Path settingsFile = options.settings().orElse(options.userHome().resolve(".m2/settings.xml"));
    if (options.settings().isPresent() && !Files.isRegularFile(settingsFile)) {
      throw new PackageException(settingsFile + ": the settings file does not exist; fix the path given with"
          + " --settings");
    }
    Settings settings = readSettings(settingsFile, options.environment());
    Path local = options.localRepository()
        .or(() -> Optional.ofNullable(System.getProperty("maven.repo.local")).map(Path::of))
        .or(() -> Optional.ofNullable(settings.getLocalRepository()).filter(s -> !s.isBlank()).map(Path::of))
        .orElse(options.userHome().resolve(".m2/repository"));
    RepositorySystem system = new RepositorySystemSupplier().get();
    DefaultMirrorSelector mirrors = new DefaultMirrorSelector();
    for (Mirror m : settings.getMirrors()) {
      mirrors.add(m.getId(), m.getUrl(), m.getLayout(), false, m.isBlocked(), m.getMirrorOf(),
          m.getMirrorOfLayouts());
    }
    DefaultProxySelector proxies = new DefaultProxySelector();
    for (org.apache.maven.settings.Proxy p : settings.getProxies()) {
      if (!p.isActive()) {
        continue;
      }
      Authentication auth = p.getUsername() == null ? null
          : new AuthenticationBuilder().addUsername(p.getUsername()).addPassword(p.getPassword()).build();
      proxies.add(new Proxy(p.getProtocol(), p.getHost(), p.getPort(), auth), p.getNonProxyHosts());
    }
    StandaloneResolver resolver = new StandaloneResolver(system, null, settings, options.environment());
    SessionBuilderSupplier sessions = new SessionBuilderSupplier(system);
    RepositorySystemSession.CloseableSession session = sessions.get()
        .withLocalRepositoryBaseDirectories(local)
        // Dependency management as the Maven build of a project applies it: the management of a dependency's own
        // pom (its parent's) governs its transitive dependencies. Measured on the release-tools sample: Maven
        // 3.9.11 resolves jackson-dataformat-yaml 2.21.1 (sdk-mcp's parent manages it); Resolver 2's classic
        // manager would give json-schema-validator's 2.18.4, the transitive one gives 2.21.1, as Maven.
        .setDependencyManager(sessions.getDependencyManager(true))
        .setOffline(options.offline() || settings.isOffline())
        .setMirrorSelector(mirrors)
        .setProxySelector(proxies)
        .setAuthenticationSelector(resolver.authentication(List.of()))
        .setSystemProperties(System.getProperties())
        .setConfigProperty("aether.connector.connectTimeout", 10_000)
        .setConfigProperty("aether.connector.requestTimeout", 60_000)
        .build();
    return new StandaloneResolver(system, session, settings, options.environment());
  }

  private static Settings readSettings(Path file, Map<String, String> environment) throws PackageException {
    DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
    if (Files.isRegularFile(file)) {
      request.setUserSettingsFile(file.toFile());
    }
    Properties properties = new Properties();
    properties.putAll(System.getProperties());
    environment.forEach((k, v) -> properties.setProperty("env." + k, v));
    request.setSystemProperties(properties);
    try {
      var result = new DefaultSettingsBuilderFactory().newInstance().build(request);
      for (SettingsProblem p : result.getProblems()) {
        if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new PackageException(file + ": " + problem(p) + "; fix the settings file");
        }
      }
      return result.getEffectiveSettings();
    } catch (SettingsBuildingException e) {
      // Not chained: the exception's own message quotes the XML parser, which echoes the file (a password).
      SettingsProblem p = e.getProblems().isEmpty() ? null : e.getProblems().get(0);
      throw new PackageException(file + ": " + (p == null ? "cannot be read" : problem(p))
          + "; fix the settings file");
    }
  }

  /**
   * A problem of the settings in words that never echo the file: the XML parser's messages quote the text they
   * stopped at ("seen ...<password>..."), so a syntax error is named by its line and column only.
   */
  private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("@(\\d{1,9}):(\\d{1,9})");

  private static String problem(SettingsProblem p) {
    String message = p.getMessage() == null ? "" : p.getMessage();
    int line = p.getLineNumber();
    int column = p.getColumnNumber();
    // The XML parser puts the position into its message only ("@3:20"): take the numbers, nothing else.
    for (Throwable t = p.getException(); line < 0 && t != null; t = t.getCause() == t ? null : t.getCause()) {
      java.util.regex.Matcher at = POSITION.matcher(String.valueOf(t.getMessage()));
      if (at.find()) {
        line = Integer.parseInt(at.group(1));
        column = Integer.parseInt(at.group(2));
      }
    }
    if (line < 0) {
      java.util.regex.Matcher at = POSITION.matcher(message);
      if (at.find()) {
        line = Integer.parseInt(at.group(1));
        column = Integer.parseInt(at.group(2));
      }
    }
    String where = line < 0 ? "" : " (line " + line + (column < 0 ? "" : ", column " + column) + ")";
    if (message.startsWith("Non-parseable") || message.contains("position:") || message.contains("seen ")
        || p.getException() != null) {
      return "is not well-formed XML" + where;
    }
    return SafeText.escape(message) + where;
  }

  /** The credentials: the settings' servers, then the environment variables, which win. */
  private DefaultAuthenticationSelector authentication(List<String> extraIds) {
    DefaultAuthenticationSelector selector = new DefaultAuthenticationSelector();
    Map<String, Authentication> byId = new HashMap<>();
    for (Server s : settings.getServers()) {
      if (s.getUsername() != null) {
        byId.put(s.getId(), new AuthenticationBuilder().addUsername(s.getUsername())
            .addPassword(s.getPassword()).build());
      }
    }
    Set<String> ids = new LinkedHashSet<>(extraIds);
    settings.getMirrors().forEach(m -> ids.add(m.getId()));
    settings.getServers().forEach(s -> ids.add(s.getId()));
    for (String id : ids) {
      String user = environment.get("CODEXPLUGIN_REPO_" + Declaration.envName(id) + "_USERNAME");
      String password = environment.get("CODEXPLUGIN_REPO_" + Declaration.envName(id) + "_PASSWORD");
      if (user != null && password != null) {
        byId.put(id, new AuthenticationBuilder().addUsername(user).addPassword(password).build());
      }
    }
    byId.forEach(selector::add);
    return selector;
  }

  /** A source over {@code repositories}, with their credentials from the settings and the environment. */
  public ArtifactSource source(List<Declaration.Repository> repositories) {
    return new MavenArtifactSource(system, withCredentials(repositories), repositories);
  }

  /**
   * A source over the repositories Maven uses without a project, for {@code export}: those of the settings'
   * active profiles ({@code <activeProfiles>}, or {@code activeByDefault}), then Maven Central; each through the
   * settings' mirrors, proxies and credentials; releases and snapshots.
   */
  public ArtifactSource settingsSource() {
    List<Declaration.Repository> repositories = settingsRepositories();
    return MavenArtifactSource.ofSettings(system, withCredentials(repositories), repositories);
  }

  /** The repositories of the settings' active profiles, in order, then {@code central} unless one is so named. */
  List<Declaration.Repository> settingsRepositories() {
    Map<String, Declaration.Repository> byId = new java.util.LinkedHashMap<>();
    Set<String> active = new LinkedHashSet<>(settings.getActiveProfiles());
    for (org.apache.maven.settings.Profile p : settings.getProfiles()) {
      boolean on = active.contains(p.getId())
          || (p.getActivation() != null && p.getActivation().isActiveByDefault());
      if (on) {
        for (org.apache.maven.settings.Repository r : p.getRepositories()) {
          byId.putIfAbsent(r.getId(), new Declaration.Repository(r.getId(), r.getUrl()));
        }
      }
    }
    byId.putIfAbsent(CENTRAL.id(), CENTRAL);
    return List.copyOf(byId.values());
  }

  private RepositorySystemSession withCredentials(List<Declaration.Repository> repositories) {
    List<String> ids = new ArrayList<>();
    repositories.forEach(r -> ids.add(r.id()));
    DefaultAuthenticationSelector auth = authentication(ids);
    return new org.eclipse.aether.AbstractForwardingRepositorySystemSession() {
      @Override
      protected RepositorySystemSession getSession() {
        return session;
      }

      @Override
      public org.eclipse.aether.repository.AuthenticationSelector getAuthenticationSelector() {
        return auth;
      }
    };
  }

  /** Whether the resolver runs offline. */
  public boolean offline() {
    return session.isOffline();
  }

  @Override
  public void close() {
    session.close();
    system.shutdown();
  }
}
