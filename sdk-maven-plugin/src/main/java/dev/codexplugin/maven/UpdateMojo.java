package dev.codexplugin.maven;

import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * Moves each plugin (or the one named) to the newest version in its range whose number announces its
 * changes, printing the diff's verdict of each; fails the build when a newer version in range was refused (after
 * taking the one it could).
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:update -Dcodexplugin.plugin=team-workflow
 * </pre>
 */
@Mojo(name = "update", requiresProject = false, aggregator = true, threadSafe = true)
public class UpdateMojo extends PackageMojo {
  /** The plugin to update ({@code groupId:artifactId}, artifactId or plugin name); every plugin by default. */
  @Parameter(property = "codexplugin.plugin")
  String plugin;

  /** Created by Maven, which injects its repository system. */
  @Inject
  public UpdateMojo(RepositorySystem repositorySystem) {
    super(repositorySystem);
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    run(pm -> pm.update(Optional.ofNullable(plugin)), "update refused a newer version in range whose changes need a bigger version bump (see the verdicts above)");
  }
}
