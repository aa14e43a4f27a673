package dev.codexplugin.maven;

import dev.codexplugin.packages.PackageManager;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.eclipse.aether.RepositorySystem;

/**
 * Prints declared, locked and installed versions per host, and drift; fails the build when there is drift.
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:status
 * </pre>
 */
@Mojo(name = "status", requiresProject = false, aggregator = true, threadSafe = true)
public class StatusMojo extends PackageMojo {
  /** Created by Maven, which injects its repository system. */
  @Inject
  public StatusMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    run(PackageManager::status, "drift found (see above): run codexplugin:install");
  }
}
