package dev.codexplugin.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Maven {@code settings.xml} for tests, written the way a team writes its own: servers with credentials,
 * mirrors, repositories in an active profile, a local repository and offline mode.
 *
 * <pre>{@code
 * MavenSettings.create()
 *     .server("team", repo.credentials())
 *     .repository("team", repo.url())
 *     .write(dir.resolve("settings.xml"));
 * }</pre>
 *
 * <p>Immutable: each method returns a new value.
 */
public final class MavenSettings {
  private final List<String> servers;
  private final List<String> mirrors;
  private final List<String> repositories;
  private final String localRepository;
  private final boolean offline;

  private MavenSettings(List<String> servers, List<String> mirrors, List<String> repositories,
      String localRepository, boolean offline) {
    this.servers = List.copyOf(servers);
    this.mirrors = List.copyOf(mirrors);
    this.repositories = List.copyOf(repositories);
    this.localRepository = localRepository;
    this.offline = offline;
  }

  /** Empty settings: Maven's defaults. */
  public static MavenSettings create() {
    return new MavenSettings(List.of(), List.of(), List.of(), null, false);
  }

  /** Adds a {@code <server>} with the credentials Maven sends to the repositories and mirrors of this id. */
  public MavenSettings server(String id, Credentials credentials) {
    return new MavenSettings(append(servers, "    <server>\n"
        + element("id", id) + element("username", credentials.username())
        + element("password", credentials.password()) + "    </server>\n"),
        mirrors, repositories, localRepository, offline);
  }

  /** Adds a {@code <mirror>} of {@code mirrorOf} (such as {@code *} or {@code central}) at {@code url}. */
  public MavenSettings mirror(String id, URI url, String mirrorOf) {
    return new MavenSettings(servers, append(mirrors, "    <mirror>\n"
        + element("id", id) + element("url", url.toString()) + element("mirrorOf", mirrorOf)
        + "    </mirror>\n"), repositories, localRepository, offline);
  }

  /**
   * Adds a repository, for dependencies and plugins, in a profile that is always active; releases and snapshots
   * enabled, snapshots checked on every build (what was just deployed is seen at once).
   */
  public MavenSettings repository(String id, URI url) {
    return new MavenSettings(servers, mirrors, append(repositories, id + "\n" + url), localRepository, offline);
  }

  /** Sets {@code <localRepository>}. */
  public MavenSettings localRepository(Path folder) {
    return new MavenSettings(servers, mirrors, repositories, folder.toAbsolutePath().toString(), offline);
  }

  /** Sets {@code <offline>}. */
  public MavenSettings offline(boolean offline) {
    return new MavenSettings(servers, mirrors, repositories, localRepository, offline);
  }

  /** The settings as XML text. */
  public String xml() {
    StringBuilder xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<settings xmlns=\"http://maven.apache.org/SETTINGS/1.2.0\"\n")
        .append("          xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n")
        .append("          xsi:schemaLocation=\"http://maven.apache.org/SETTINGS/1.2.0")
        .append(" https://maven.apache.org/xsd/settings-1.2.0.xsd\">\n");
    if (localRepository != null) {
      xml.append("  <localRepository>").append(escape(localRepository)).append("</localRepository>\n");
    }
    if (offline) {
      xml.append("  <offline>true</offline>\n");
    }
    if (!servers.isEmpty()) {
      xml.append("  <servers>\n");
      servers.forEach(xml::append);
      xml.append("  </servers>\n");
    }
    if (!mirrors.isEmpty()) {
      xml.append("  <mirrors>\n");
      mirrors.forEach(xml::append);
      xml.append("  </mirrors>\n");
    }
    if (!repositories.isEmpty()) {
      StringBuilder repos = new StringBuilder();
      StringBuilder pluginRepos = new StringBuilder();
      for (String repository : repositories) {
        String[] parts = repository.split("\n", 2);
        String body = "      <id>" + escape(parts[0]) + "</id>\n      <url>" + escape(parts[1]) + "</url>\n"
            + "      <releases><enabled>true</enabled></releases>\n"
            + "      <snapshots><enabled>true</enabled><updatePolicy>always</updatePolicy></snapshots>\n";
        repos.append("        <repository>\n").append(body.indent(4)).append("        </repository>\n");
        pluginRepos.append("        <pluginRepository>\n").append(body.indent(4))
            .append("        </pluginRepository>\n");
      }
      xml.append("  <profiles>\n    <profile>\n      <id>test-repositories</id>\n")
          .append("      <repositories>\n").append(repos).append("      </repositories>\n")
          .append("      <pluginRepositories>\n").append(pluginRepos).append("      </pluginRepositories>\n")
          .append("    </profile>\n  </profiles>\n")
          .append("  <activeProfiles>\n    <activeProfile>test-repositories</activeProfile>\n")
          .append("  </activeProfiles>\n");
    }
    return xml.append("</settings>\n").toString();
  }

  /** Writes {@link #xml()} to {@code file} (parent folders made) and returns the file. */
  public Path write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(file, xml(), StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> append(List<String> list, String item) {
    List<String> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private static String element(String name, String value) {
    return "      <" + name + ">" + escape(value) + "</" + name + ">\n";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
