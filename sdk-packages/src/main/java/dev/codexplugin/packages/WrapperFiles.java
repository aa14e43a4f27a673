package dev.codexplugin.packages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The wrapper a team commits, as {@code mvnw} is committed: {@value #SCRIPT} and {@value #WINDOWS_SCRIPT} at
 * the project's root and the folder {@value #FOLDER}/. On a machine with only a JDK, {@code ./codexplugin install}
 * fetches the pinned CLI jar from the team's Maven repositories, checks its sha256, caches it under
 * {@code ~/.codexplugin/wrapper/} and runs it; later runs start the cached jar without the network
 * (docs/PACKAGES.md, section "Wrapper").
 *
 * <p>{@code codexplugin init} writes the files returned by {@link #render}; the scripts and the Java program are
 * the same for every project, the properties pin the CLI.
 */
public final class WrapperFiles {
  /** The POSIX shell script, executable. */
  public static final String SCRIPT = "codexplugin";
  /** The Windows script. */
  public static final String WINDOWS_SCRIPT = "codexplugin.cmd";
  /** The folder of the wrapper's program and pin (not the managed, ignored {@code .codexplugin/}). */
  public static final String FOLDER = ".codexplugin-wrapper";
  /** The download step, a single-file Java program for the JDK's source launcher. */
  public static final String PROGRAM = FOLDER + "/CodexpluginWrapper.java";
  /** The pin: the CLI's coordinates, its sha256 and the repositories. */
  public static final String PROPERTIES = FOLDER + "/codexplugin-wrapper.properties";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.-]+");

  private WrapperFiles() {}

  /**
   * The CLI a wrapper runs.
   *
   * @param groupId the CLI's group id, {@code dev.codexplugin}
   * @param artifactId the CLI's artifact id, {@code sdk-cli}
   * @param classifier the runnable jar's classifier, {@code all}
   * @param version an exact version: a release, or a snapshot's timestamped version as the resolver resolved it
   *     ({@code 0.1.0-20261202.101500-1}), never {@code -SNAPSHOT}, whose bytes change with each deployment
   * @param sha256 the jar's sha256, 64 lower-case hex digits
   * @param repositories where the wrapper looks for it, in order (the declaration's repositories)
   */
  public record Pin(String groupId, String artifactId, String classifier, String version, String sha256,
      List<Declaration.Repository> repositories) {
    /** Checks every part, so that the wrapper never reads a pin it cannot use. */
    public Pin {
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(artifactId, "artifactId");
      Objects.requireNonNull(classifier, "classifier");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(sha256, "sha256");
      repositories = List.copyOf(repositories);
      for (String part : List.of(groupId, artifactId, version)) {
        if (!PART.matcher(part).matches()) {
          throw new IllegalArgumentException("\"" + part + "\" is not a Maven coordinate part (letters, digits, '.',"
              + " '_' and '-')");
        }
      }
      if (!classifier.isEmpty() && !PART.matcher(classifier).matches()) {
        throw new IllegalArgumentException("\"" + classifier + "\" is not a classifier");
      }
      if (version.endsWith("-SNAPSHOT")) {
        throw new IllegalArgumentException("the wrapper must pin an exact version, not " + version + "; pin the"
            + " timestamped version the resolver resolved, such as 0.1.0-20261202.101500-1");
      }
      if (!SHA256.matcher(sha256).matches()) {
        throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits; found \"" + sha256 + "\"");
      }
      if (repositories.isEmpty()) {
        throw new IllegalArgumentException("the wrapper needs at least one repository to fetch the CLI from");
      }
      for (Declaration.Repository repository : repositories) {
        String url = repository.url().toLowerCase(Locale.ROOT);
        if (!PART.matcher(repository.id()).matches()
            || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("file:"))
            || repository.url().contains(",") || repository.url().contains("\\")) {
          throw new IllegalArgumentException("repository " + repository.id() + " = " + repository.url() + ": the"
              + " wrapper needs an id of letters, digits, '.', '_' and '-' and an https:, http: or file: URL without"
              + " ',' or '\\'");
        }
      }
    }

    /** {@code groupId:artifactId:jar:classifier:version}, as the properties write it. */
    public String coordinates() {
      return groupId + ":" + artifactId + ":jar:" + classifier + ":" + version;
    }
  }

  /**
   * The wrapper's files for {@code pin}, by path relative to the project's root, sorted; {@value #SCRIPT} must be
   * written executable. The same pin gives the same bytes.
   */
  public static SortedMap<String, String> render(Pin pin) {
    SortedMap<String, String> files = new TreeMap<>();
    files.put(SCRIPT, template("codexplugin.sh"));
    files.put(WINDOWS_SCRIPT, template("codexplugin.cmd"));
    files.put(PROGRAM, template("CodexpluginWrapper.java"));
    files.put(PROPERTIES, properties(pin));
    return Collections.unmodifiableSortedMap(files);
  }

  private static String properties(Pin pin) {
    StringBuilder repositories = new StringBuilder();
    for (Declaration.Repository repository : pin.repositories()) {
      repositories.append(repositories.length() == 0 ? "" : ",").append(repository.id()).append('=')
          .append(repository.url());
    }
    return "# The codexplugin CLI that ./codexplugin and codexplugin.cmd run, written by `codexplugin init`.\n"
        + "# cli: groupId:artifactId:extension:classifier:version; sha256: of that jar, checked before it runs;\n"
        + "# repositories: id=url, tried in order. Credentials never go here: CODEXPLUGIN_REPO_<ID>_USERNAME and\n"
        + "# CODEXPLUGIN_REPO_<ID>_PASSWORD, or a <server> with that <id> in ~/.m2/settings.xml.\n"
        + "cli=" + pin.coordinates() + "\n"
        + "sha256=" + pin.sha256() + "\n"
        + "repositories=" + repositories + "\n";
  }

  private static String template(String name) {
    try (InputStream in = WrapperFiles.class.getResourceAsStream("wrapper/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the wrapper template " + name + " is missing from the sdk-packages jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the wrapper template " + name, e);
    }
  }
}
