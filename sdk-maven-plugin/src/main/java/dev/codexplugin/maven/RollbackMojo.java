package dev.codexplugin.maven;

import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.eclipse.aether.RepositorySystem;

/**
 * Returns to the declaration and lock before the last {@code add}, {@code update} or {@code remove},
 * and installs them.
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:rollback
 * </pre>
 */
@Mojo(name = "rollback", requiresProject = false, aggregator = true, threadSafe = true)
public class RollbackMojo extends PackageMojo {
  /** Created by Maven, which injects its repository system. */
  @Inject
  public RollbackMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    run(pm -> {
      pm.rollback();
      return 0;
    }, "rollback failed");
  }
}
