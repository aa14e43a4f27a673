package dev.codexplugin.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.eclipse.aether.RepositorySystem;

/**
 * Prints, per plugin, the locked version, the newest in range, the newest of all, and the version bump the
 * diff says each newer version needs.
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:outdated
 * </pre>
 */
@Mojo(name = "outdated", requiresProject = false, aggregator = true, threadSafe = true)
public class OutdatedMojo extends PackageMojo {
  /** Created by Maven, which injects its repository system. */
  @Inject
  public OutdatedMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    run(pm -> {
      pm.outdated();
      return 0;
    }, "outdated failed");
  }
}
