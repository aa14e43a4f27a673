package dev.codexplugin.maven;

import dev.codexplugin.packages.Declaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Writes {@code codexplugin.json}, an empty {@code codexplugin-lock.json} and the wrapper a team commits
 * ({@code ./codexplugin}, {@code codexplugin.cmd}, {@code .codexplugin-wrapper/}), pinned to the CLI of this
 * plugin's version as the repositories serve it:
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:init -Dcodexplugin.marketplace=team-tools \
 *     -Dcodexplugin.repositories=team=https://repo.acme.com/releases
 * </pre>
 */
@Mojo(name = "init", requiresProject = false, aggregator = true, threadSafe = true)
public class InitMojo extends PackageMojo {
  /** The marketplace name hosts show after {@code @}, e.g. {@code team-tools}. */
  @Parameter(property = "codexplugin.marketplace", required = true)
  String marketplace;

  /** The Maven repositories, {@code <id>=<url>}, comma-separated on the command line. */
  @Parameter(property = "codexplugin.repositories", required = true)
  List<String> repositories;

  /** The hosts to install into: {@code codex} and/or {@code claude}. */
  @Parameter(property = "codexplugin.hosts", defaultValue = "codex,claude")
  List<String> hosts;

  /** Where Claude Code records the plugins: {@code project} or {@code user}. */
  @Parameter(property = "codexplugin.scope", defaultValue = "project")
  String scope;

  /** The CLI version the wrapper runs; this plugin's own by default. */
  @Parameter(property = "codexplugin.wrapperVersion")
  String wrapperVersion;

  /** Write no wrapper. */
  @Parameter(property = "codexplugin.noWrapper", defaultValue = "false")
  boolean noWrapper;

  @Parameter(defaultValue = "${plugin}", readonly = true)
  PluginDescriptor plugin;

  /** Created by Maven, which injects its repository system. */
  @Inject
  public InitMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    List<Declaration.Repository> repos = new ArrayList<>();
    List<Declaration.Host> hostList = new ArrayList<>();
    Declaration.Scope s;
    try {
      for (String r : repositories) {
        repos.add(Declaration.Repository.parse(r));
      }
      for (String h : hosts) {
        hostList.add(Declaration.Host.of(h.strip()).orElseThrow(() ->
            new IllegalArgumentException("codexplugin.hosts " + h + ": use codex or claude")));
      }
      s = Declaration.Scope.of(scope).orElseThrow(() ->
          new IllegalArgumentException("codexplugin.scope " + scope + ": use project or user"));
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage().startsWith("codexplugin.") ? e.getMessage()
          : "codexplugin.repositories " + e.getMessage());
    }
    Optional<String> wrapper = noWrapper ? Optional.empty()
        : Optional.of(wrapperVersion != null ? wrapperVersion : plugin.getVersion());
    run(pm -> {
      pm.init(marketplace, repos, hostList, s, wrapper);
      return 0;
    }, "init failed");
  }
}
