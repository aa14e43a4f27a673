package dev.codexplugin.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Declares a plugin ({@code groupId:artifactId[@range]}; without a range, {@code ^<newest version>}),
 * locks its newest version in range and installs it.
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:add -Dcodexplugin.plugin=com.acme:team-workflow@^1.2
 * </pre>
 */
@Mojo(name = "add", requiresProject = false, aggregator = true, threadSafe = true)
public class AddMojo extends PackageMojo {
  /** The plugin, {@code groupId:artifactId[@range]}, e.g. {@code com.acme:team-workflow@^1.2}. */
  @Parameter(property = "codexplugin.plugin", required = true)
  String plugin;

  /** Let the range choose pre-release versions. */
  @Parameter(property = "codexplugin.pre", defaultValue = "false")
  boolean pre;

  /** Created by Maven, which injects its repository system. */
  @Inject
  public AddMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    run(pm -> {
      pm.add(plugin, pre);
      return 0;
    }, "add failed");
  }
}
