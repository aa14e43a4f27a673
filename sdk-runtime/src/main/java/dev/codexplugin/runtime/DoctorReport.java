package dev.codexplugin.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Doctor} found on this machine for one bundle: every prerequisite it checked, with its status and,
 * for a missing one, the fix.
 *
 * @param plugin the plugin name
 * @param version the plugin version
 * @param checks every check, in the order of the servers (sorted by name), then the bundle-wide ones
 */
public record DoctorReport(String plugin, String version, List<Check> checks) {
  /** How a prerequisite stands. */
  public enum Status {
    /** Present. */
    OK,
    /** Missing or too old: the server will not work until it is fixed. */
    MISSING,
    /** A requirement stated in words that only a person can check. */
    MANUAL,
    /** Not checked (a disabled server, or a URL while offline). */
    SKIPPED
  }

  /** What was checked. */
  public enum Kind {
    /** A program on {@code PATH}, or shipped in the plugin folder. */
    COMMAND,
    /** A runtime's version: Java for the bundle's classes, Node.js for {@code npx}. */
    RUNTIME,
    /** An environment variable the server reads. */
    ENVIRONMENT,
    /** The URL of an HTTP server. */
    URL,
    /** A requirement in words ({@code @McpServer(requirements)}). */
    REQUIREMENT,
    /**
     * That a stdio server of a plugin folder starts and answers the MCP {@code initialize} request within its
     * startup timeout ({@link Doctor#checkAndStart}).
     */
    START,
    /**
     * The class path of a Java hook ({@code java ... -cp "${CLAUDE_PLUGIN_ROOT}/lib/*" <launcher> <id>} in
     * {@code hooks/hooks.json}): the launcher's jar and {@code sdk-hooks} in the plugin folder's {@code lib/}.
     */
    HOOK
  }

  /**
   * One prerequisite.
   *
   * @param status how it stands
   * @param kind what it is
   * @param server the MCP server that needs it
   * @param subject what is needed, e.g. {@code npx}, {@code GITHUB_TOKEN}, {@code Java 21+}
   * @param detail what was found, e.g. {@code /usr/bin/npx} or {@code not on PATH}
   * @param fix how to fix it; {@code ""} when nothing is to be done
   */
  public record Check(Status status, Kind kind, String server, String subject, String detail, String fix) {
    /** Checks that nothing is {@code null}. */
    public Check {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(fix, "fix");
    }

    /** {@code MISSING  github  command npx: not on PATH; install Node.js 18 or later ...}. */
    @Override
    public String toString() {
      return status + "  " + server + "  " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + subject
          + (detail.isEmpty() ? "" : ": " + detail) + (fix.isEmpty() ? "" : "; " + fix);
    }
  }

  /** Copies the list. */
  public DoctorReport {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(version, "version");
    checks = List.copyOf(checks);
  }

  /** The missing pieces. */
  public List<Check> missing() {
    return checks.stream().filter(c -> c.status() == Status.MISSING).toList();
  }

  /** Whether nothing is missing (requirements in words may still need a look). */
  public boolean ok() {
    return missing().isEmpty();
  }

  /** A readable report: a headline, then every check, one per line. */
  public String render() {
    StringBuilder out = new StringBuilder(SafeText.escape(plugin)).append(' ').append(SafeText.escape(version))
        .append(": ");
    List<Check> missing = missing();
    out.append(missing.isEmpty() ? "ready" : missing.size() + " missing").append('\n');
    for (Check c : checks) {
      out.append("  ").append(SafeText.escape(c.toString())).append('\n');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "DoctorReport[" + plugin + "@" + version + ", checks=" + checks.size() + ", missing=" + missing().size()
        + "]";
  }
}
