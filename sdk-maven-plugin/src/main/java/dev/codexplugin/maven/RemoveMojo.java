package dev.codexplugin.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Removes a plugin from the declaration, the lock and the hosts.
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:remove -Dcodexplugin.plugin=team-workflow
 * </pre>
 */
@Mojo(name = "remove", requiresProject = false, aggregator = true, threadSafe = true)
public class RemoveMojo extends PackageMojo {
  /** The plugin to remove ({@code groupId:artifactId}, artifactId or plugin name). */
  @Parameter(property = "codexplugin.plugin", required = true)
  String plugin;

  /** Created by Maven, which injects its repository system. */
  @Inject
  public RemoveMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    run(pm -> {
      pm.remove(plugin);
      return 0;
    }, "remove failed");
  }
}
