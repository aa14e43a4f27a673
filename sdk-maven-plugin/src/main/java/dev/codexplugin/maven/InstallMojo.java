package dev.codexplugin.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.eclipse.aether.RepositorySystem;

/**
 * Installs exactly the lock into the declared hosts; locks the declaration first when there is no lock.
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:install
 * </pre>
 */
@Mojo(name = "install", requiresProject = false, aggregator = true, threadSafe = true)
public class InstallMojo extends PackageMojo {
  /** Created by Maven, which injects its repository system. */
  @Inject
  public InstallMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    run(pm -> {
      pm.install();
      return 0;
    }, "install failed");
  }
}
