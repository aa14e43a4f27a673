package dev.codexplugin.maven;

import dev.codexplugin.runtime.BundleChange;
import dev.codexplugin.runtime.BundleDiff;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginLoader;
import dev.codexplugin.runtime.SafeText;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Compares the project's plugin bundles with a baseline build (the last release) and fails when the project's
 * version bump is smaller than the changes need: a removed skill, tool, MCP server or app, or a narrowed tool
 * input, needs a major version; an addition a minor one; text a patch ({@link BundleDiff} has the rules).
 *
 * <pre>
 * &lt;execution&gt;
 *   &lt;goals&gt;&lt;goal&gt;check-compatibility&lt;/goal&gt;&lt;/goals&gt;   &lt;!-- bound to verify --&gt;
 *   &lt;configuration&gt;&lt;baseline&gt;com.acme:team-workflow:1.0.0&lt;/baseline&gt;&lt;/configuration&gt;
 * &lt;/execution&gt;
 * </pre>
 *
 * <p>The baseline is a jar file, or coordinates ({@code groupId:artifactId[:extension[:classifier]]:version})
 * resolved from the local repository or the project's remote repositories.
 */
@Mojo(name = "check-compatibility", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckCompatibilityMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  private final RepositorySystem repositorySystem;

  /**
   * The build to compare with: a jar file, or {@code groupId:artifactId[:extension[:classifier]]:version}. Without
   * one (a first release) the goal says so and does nothing.
   */
  @Parameter(property = "codexplugin.baseline")
  private String baseline;

  /** Fail the build when a change needs a bigger version bump than the project declares; else only warn. */
  @Parameter(property = "codexplugin.failOnIncompatible", defaultValue = "true")
  private boolean failOnIncompatible;

  /** Skips the check. */
  @Parameter(property = "codexplugin.compatibility.skip", defaultValue = "false")
  private boolean skip;

  /** Created by Maven, which injects its components. */
  @Inject
  public CheckCompatibilityMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("codexplugin: compatibility check skipped (codexplugin.compatibility.skip)");
      return;
    }
    if (baseline == null || baseline.isBlank()) {
      getLog().info("codexplugin: no <baseline> to compare with (set it to the last release, e.g."
          + " -Dcodexplugin.baseline=" + project.getGroupId() + ":" + project.getArtifactId() + ":<version>)");
      return;
    }
    File jar = project.getArtifact().getFile();
    if (jar == null || !jar.isFile()) {
      throw new MojoFailureException("codexplugin: the project's jar is not built yet (" + (jar == null ? "no file"
          : jar) + "); run check-compatibility after package (its default phase is verify)");
    }
    Path old = baselineFile(baseline.trim());
    LoadResult before = load(old, "the baseline " + baseline.trim());
    LoadResult after = load(jar.toPath(), "the project's jar");
    List<BundleDiff> diffs = BundleDiff.compareAll(before.bundles(), after.bundles());
    boolean compatible = true;
    StringBuilder failures = new StringBuilder();
    for (BundleDiff diff : diffs) {
      getLog().info("codexplugin: " + SafeText.escape(diff.verdict()));
      List<BundleChange> unannounced = diff.unannounced();
      for (BundleChange change : diff.changes()) {
        if (unannounced.contains(change)) {
          getLog().error("  " + SafeText.escape(change.toString()) + " (needs a " + change.bump() + " version)");
        } else {
          getLog().info("  " + SafeText.escape(change.toString()));
        }
      }
      if (!diff.compatible()) {
        compatible = false;
        failures.append("\n  ").append(SafeText.escape(diff.verdict()));
        unannounced.forEach(c -> failures.append("\n    ").append(SafeText.escape(c.toString())));
      }
    }
    if (!compatible) {
      String message = "codexplugin: the version bump is smaller than the changes need:" + failures
          + "\nRaise <version> of the project, or undo the changes (baseline " + baseline.trim() + ").";
      if (failOnIncompatible) {
        throw new MojoFailureException(message);
      }
      getLog().warn(message);
    }
  }

  private LoadResult load(Path path, String what) throws MojoFailureException {
    LoadResult result = PluginLoader.check(path);
    if (result.hasErrors() || result.bundles().isEmpty()) {
      StringBuilder message = new StringBuilder("codexplugin: cannot read the plugin bundles of " + what + " ("
          + path + "):");
      for (Finding f : result.errors()) {
        message.append("\n  ").append(f);
      }
      throw new MojoFailureException(message.toString());
    }
    return result;
  }

  /** The baseline as a file: a path that exists, else coordinates resolved through the repository system. */
  private Path baselineFile(String value) throws MojoFailureException {
    Path file = Path.of(value);
    if (Files.isRegularFile(file) || value.endsWith(".jar")) {
      if (!Files.isRegularFile(file)) {
        throw new MojoFailureException("codexplugin: <baseline> " + value + " does not exist");
      }
      return file;
    }
    DefaultArtifact artifact;
    try {
      artifact = new DefaultArtifact(value);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("codexplugin: <baseline> \"" + value + "\" must be a jar file or"
          + " groupId:artifactId[:extension[:classifier]]:version, e.g. com.acme:team-workflow:1.0.0", e);
    }
    try {
      File resolved = repositorySystem.resolveArtifact(session.getRepositorySession(),
          new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null)).getArtifact().getFile();
      getLog().info("codexplugin: baseline " + value + " -> " + resolved);
      return resolved.toPath();
    } catch (ArtifactResolutionException e) {
      throw new MojoFailureException("codexplugin: cannot resolve the baseline " + value + ": " + e.getMessage(), e);
    }
  }
}
