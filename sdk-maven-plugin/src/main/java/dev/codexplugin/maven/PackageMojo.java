package dev.codexplugin.maven;

import dev.codexplugin.packages.MavenArtifactSource;
import dev.codexplugin.packages.PackageException;
import dev.codexplugin.packages.PackageManager;
import java.io.File;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * The package manager's goals (docs/PACKAGES.md): {@code init}, {@code add}, {@code install}, {@code update},
 * {@code outdated}, {@code remove}, {@code rollback} and {@code status}, run without a project:
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:install
 * </pre>
 * The work is {@link PackageManager}'s, as in the CLI; this class only holds the parameters (the CLI's options as
 * {@code -Dcodexplugin.*} properties) and prints to Maven's log. Artifacts are resolved with the
 * {@link RepositorySystem} and session Maven injects, so its settings apply exactly as Maven applies them: mirrors,
 * servers' credentials, proxies, {@code -o}, {@code -s} and {@code -Dmaven.repo.local}.
 */
abstract class PackageMojo extends AbstractMojo {
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  /** The folder of {@code codexplugin.json} (the CLI's {@code -C}); the folder Maven runs in by default. */
  @Parameter(property = "codexplugin.project", defaultValue = "${session.executionRootDirectory}")
  File directory;

  /** Install although the doctor finds something missing. */
  @Parameter(property = "codexplugin.force", defaultValue = "false")
  boolean force;

  /** The codex command; default {@code $CODEXPLUGIN_CODEX}, else {@code codex} on {@code PATH}. */
  @Parameter(property = "codexplugin.codex")
  String codex;

  /** The claude command; default {@code $CODEXPLUGIN_CLAUDE}, else {@code claude} on {@code PATH}. */
  @Parameter(property = "codexplugin.claude")
  String claude;

  /** Make no class-data archive for Java tool servers. */
  @Parameter(property = "codexplugin.noArchive", defaultValue = "false")
  boolean noArchive;

  /**
   * Run no Codex or Claude Code command: lock, verify and write {@code .codexplugin/marketplace} only; {@code status}
   * compares declaration and lock.
   */
  @Parameter(property = "codexplugin.noHosts", defaultValue = "false")
  boolean noHosts;

  private final RepositorySystem repositorySystem;

  PackageMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  /** One command on the package manager; its result is the CLI's exit code. */
  interface Work {
    int run(PackageManager pm) throws PackageException;
  }

  /** Runs {@code work}; a {@link PackageException}, or a non-zero result, fails the build with {@code failure}. */
  final void run(Work work, String failure) throws MojoFailureException, MojoExecutionException {
    Map<String, String> env = System.getenv();
    try (PrintWriter out = new PrintWriter(new LogWriter(getLog()), true)) {
      PackageManager pm = PackageManager.builder(directory.toPath())
          .source(repositories -> new MavenArtifactSource(repositorySystem, session.getRepositorySession(),
              repositories))
          .out(out)
          .codexCommand(List.of(Optional.ofNullable(codex).or(() -> Optional.ofNullable(env.get("CODEXPLUGIN_CODEX")))
              .orElse("codex")))
          .claudeCommand(List.of(Optional.ofNullable(claude)
              .or(() -> Optional.ofNullable(env.get("CODEXPLUGIN_CLAUDE"))).orElse("claude")))
          .force(force)
          .offline(session.isOffline())
          .classDataArchives(!noArchive)
          .hosts(!noHosts)
          .build();
      int code;
      try {
        code = work.run(pm);
      } catch (PackageException e) {
        throw new MojoFailureException(e.getMessage(), e);
      }
      out.flush();
      if (code != 0) {
        throw new MojoFailureException(failure);
      }
    }
  }

  /** Maven's log, line by line at {@code info}. */
  private static final class LogWriter extends Writer {
    private final Log log;
    private final StringBuilder line = new StringBuilder();

    LogWriter(Log log) {
      this.log = log;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        char c = chars[i];
        if (c == '\n') {
          log.info(line.toString());
          line.setLength(0);
        } else if (c != '\r') {
          line.append(c);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      if (line.length() > 0) {
        log.info(line.toString());
        line.setLength(0);
      }
    }
  }
}
