package dev.codexplugin.maven;

import dev.codexplugin.runtime.ExportSummary;
import dev.codexplugin.runtime.MarketplaceExport;
import dev.codexplugin.runtime.MarketplaceExportException;
import dev.codexplugin.runtime.SafeText;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Turns the project's jar into a local marketplace that Codex (and, with {@code claude}, Claude Code) installs:
 * {@code target/codex-plugin/} with {@code .agents/plugins/marketplace.json} and {@code plugins/<name>/} for
 * every plugin bundle in the jar, plus {@code target/codex-plugin.zip}, attached to the build with the
 * classifier {@code codex-plugin}.
 *
 * <p>A bundle with Java tools gets {@code lib/}: the jar and its runtime dependencies (compile and runtime
 * scope), which its MCP server runs with {@code java -cp lib/* ...}.
 *
 * <p>With {@code -Dcodexplugin.artifacts=group:artifact:version} it exports published jars instead, resolved
 * with their runtime dependencies from the project's repositories (Maven Central without a project); without a
 * pom it writes {@code ./codex-plugin/}:
 * <pre>
 * mvn dev.codexplugin:sdk-maven-plugin:0.1.0:export -Dcodexplugin.artifacts=com.acme:team-workflow:1.0.0
 * codex plugin marketplace add ./codex-plugin &amp;&amp; codex plugin add team-workflow-plugin@team-workflow
 * </pre>
 */
@Mojo(name = "export", defaultPhase = LifecyclePhase.PACKAGE, requiresProject = false, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ExportMojo extends AbstractMojo {
  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime", "system");

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  private final MavenProjectHelper projectHelper;
  private final RepositorySystem repositorySystem;

  /** Skips the export. */
  @Parameter(property = "codexplugin.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The marketplace name users type after {@code @} in {@code codex plugin add <plugin>@<marketplace>}: 1-64
   * letters, digits, {@code _} and {@code -}. Defaults to the project's artifactId (or the first artifact's).
   * The CLI's {@code --marketplace}.
   */
  @Parameter(property = "codexplugin.marketplace")
  private String marketplace;

  /** The name hosts show for the marketplace; defaults to the marketplace name. */
  @Parameter(property = "codexplugin.displayName")
  private String displayName;

  /** What the marketplace offers (Claude Code's marketplace.json); defaults to the plugin's description. */
  @Parameter(property = "codexplugin.description")
  private String description;

  /** The owner in Claude Code's marketplace.json; defaults to the display name. */
  @Parameter(property = "codexplugin.owner")
  private String owner;

  /** {@code policy.installation} of each entry: AVAILABLE, NOT_AVAILABLE or INSTALLED_BY_DEFAULT. */
  @Parameter(property = "codexplugin.installation", defaultValue = "AVAILABLE")
  private MarketplaceExport.InstallationPolicy installation;

  /** {@code policy.authentication} of each entry: ON_INSTALL or ON_USE. */
  @Parameter(property = "codexplugin.authentication", defaultValue = "ON_INSTALL")
  private MarketplaceExport.AuthenticationPolicy authentication;

  /** The category of each entry; defaults to each plugin's own {@code interface.category}. */
  @Parameter(property = "codexplugin.category")
  private String category;

  /**
   * Which hosts the marketplace is for, as the CLI's {@code --format}: {@code codex}, {@code claude} (the
   * Claude Code files only) or {@code both} (one folder both hosts install: docs/FORMAT.md#claude-code).
   */
  @Parameter(property = "codexplugin.format", defaultValue = "codex")
  private String format;

  /**
   * The marketplace folder; {@code target/codex-plugin} in a project, {@code ./codex-plugin} without one.
   * Replaced on every run; a folder an earlier export did not create is refused.
   */
  @Parameter(property = "codexplugin.outputDirectory")
  private File outputDirectory;

  /** Also write a deterministic zip of the folder. */
  @Parameter(property = "codexplugin.zip", defaultValue = "true")
  private boolean zip;

  /** The zip file; {@code target/codex-plugin.zip} in a project, {@code ./codex-plugin.zip} without one. */
  @Parameter(property = "codexplugin.zipFile")
  private File zipFile;

  /** Attach the zip to the project (type {@code zip}), so that install and deploy publish it. */
  @Parameter(property = "codexplugin.attach", defaultValue = "true")
  private boolean attach;

  /** The classifier of the attached zip. */
  @Parameter(property = "codexplugin.classifier", defaultValue = "codex-plugin")
  private String classifier;

  /** Replace the output folder even if an earlier export did not create it. */
  @Parameter(property = "codexplugin.force", defaultValue = "false")
  private boolean force;

  /**
   * Export these published jars ({@code groupId:artifactId[:extension[:classifier]]:version}, comma-separated
   * on the command line) instead of the project's own, with their runtime dependencies.
   */
  @Parameter(property = "codexplugin.artifacts")
  private List<String> artifacts;

  /** One jar to export and its library jars. */
  private record Input(Path jar, List<Path> libraries) {}

  /** Created by Maven, which injects its components. */
  @Inject
  public ExportMojo(MavenProjectHelper projectHelper, RepositorySystem repositorySystem) {
    this.projectHelper = projectHelper;
    this.repositorySystem = repositorySystem;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("codexplugin: skipped (codexplugin.skip)");
      return;
    }
    boolean fromCoordinates = artifacts != null && !artifacts.isEmpty();
    List<Input> inputs;
    String defaultName;
    if (fromCoordinates) {
      inputs = new ArrayList<>();
      for (String coordinates : artifacts) {
        inputs.add(resolve(coordinates.trim()));
      }
      defaultName = new DefaultArtifact(artifacts.get(0).trim()).getArtifactId();
    } else {
      if ("pom".equals(project.getPackaging())) {
        getLog().info("codexplugin: skipped: packaging pom has no jar (set codexplugin.artifacts to export"
            + " published jars)");
        return;
      }
      inputs = List.of(projectInput());
      defaultName = project.getArtifactId();
    }

    MarketplaceExport export;
    String name = blank(marketplace) ? defaultName : marketplace.trim();
    MarketplaceExport.Format hosts;
    try {
      hosts = MarketplaceExport.Format.parse(format);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("codexplugin: <format> " + e.getMessage()
          + "; fix <format> in the configuration of sdk-maven-plugin (or -Dcodexplugin.format=...)", e);
    }
    try {
      MarketplaceExport.Builder builder = MarketplaceExport.builder()
          .marketplaceName(name)
          .displayName(text(displayName))
          .description(text(description))
          .owner(text(owner))
          .category(text(category))
          .installationPolicy(installation)
          .authenticationPolicy(authentication)
          .format(hosts)
          .force(force);
      inputs.forEach(input -> builder.addJar(input.jar(), input.libraries()));
      export = builder.build();
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage() + (blank(marketplace)
          ? " The name defaults to the artifactId; set <marketplace> in the configuration of"
              + " sdk-maven-plugin (or -Dcodexplugin.marketplace=...)."
          : " Fix <marketplace> in the configuration of sdk-maven-plugin."), e);
    }

    // Without a pom, Maven's stand-in project has no build directory: write into the current folder.
    Path base = project.getFile() != null ? Path.of(project.getBuild().getDirectory())
        : Path.of(session.getExecutionRootDirectory());
    Path out = outputDirectory != null ? outputDirectory.toPath() : base.resolve("codex-plugin");
    ExportSummary summary;
    Path zipped = null;
    try {
      if (zip) {
        // both targets checked before anything is written, and the folder's lock held while zipping
        zipped = zipFile != null ? zipFile.toPath() : out.resolveSibling(out.getFileName() + ".zip");
        summary = export.exportTo(out, zipped);
      } else {
        summary = export.exportTo(out);
      }
    } catch (MarketplaceExportException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    log(summary, zipped);
    if (zipped != null && attach && !fromCoordinates) {
      projectHelper.attachArtifact(project, "zip", classifier, zipped.toFile());
    }
  }

  private Input projectInput() throws MojoFailureException {
    File jar = project.getArtifact().getFile();
    if (jar == null || !jar.isFile()) {
      throw new MojoFailureException("codexplugin: the project's jar is not built yet ("
          + (jar == null ? "no file" : jar) + "); run the export goal at the package phase, after the jar"
          + " (its default), e.g. mvn package");
    }
    List<Path> libraries = new ArrayList<>();
    for (Artifact a : project.getArtifacts()) {
      if (a.getFile() != null && RUNTIME_SCOPES.contains(a.getScope()) && a.getArtifactHandler().isAddedToClasspath()
          && a.getFile().isFile()) {
        libraries.add(a.getFile().toPath());
      }
    }
    return new Input(jar.toPath(), libraries);
  }

  /** A published jar and its runtime dependencies, through the repository system. */
  private Input resolve(String coordinates) throws MojoFailureException, MojoExecutionException {
    DefaultArtifact artifact;
    try {
      artifact = new DefaultArtifact(coordinates);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("codexplugin.artifacts: \"" + coordinates + "\" must be"
          + " groupId:artifactId[:extension[:classifier]]:version, e.g. com.acme:team-workflow:1.0.0", e);
    }
    CollectRequest collect = new CollectRequest(new Dependency(artifact, "runtime"),
        project.getRemoteProjectRepositories());
    DependencyRequest request = new DependencyRequest(collect, (node, parents) -> node.getDependency() == null
        || RUNTIME_SCOPES.contains(node.getDependency().getScope()) || parents.isEmpty());
    try {
      List<ArtifactResult> results = repositorySystem.resolveDependencies(session.getRepositorySession(), request)
          .getArtifactResults();
      Path jar = null;
      List<Path> libraries = new ArrayList<>();
      for (ArtifactResult result : results) {
        org.eclipse.aether.artifact.Artifact a = result.getArtifact();
        boolean root = a.getGroupId().equals(artifact.getGroupId()) && a.getArtifactId().equals(artifact.getArtifactId())
            && a.getClassifier().equals(artifact.getClassifier()) && a.getExtension().equals(artifact.getExtension());
        if (root && jar == null) {
          jar = a.getFile().toPath();
        } else if ("jar".equals(a.getExtension())) {
          libraries.add(a.getFile().toPath());
        }
      }
      if (jar == null) {
        throw new MojoExecutionException("codexplugin: resolving " + coordinates + " returned no file for it");
      }
      getLog().info("codexplugin: resolved " + coordinates + " -> " + jar + " with " + libraries.size()
          + " runtime dependencies");
      return new Input(jar, libraries);
    } catch (DependencyResolutionException e) {
      throw new MojoFailureException("codexplugin: cannot resolve " + coordinates + " with its runtime"
          + " dependencies: " + e.getMessage(), e);
    }
  }

  private void log(ExportSummary summary, Path zipped) {
    getLog().info(SafeText.escape("codexplugin: exported marketplace " + summary.marketplaceName() + " ("
        + summary.format().name().toLowerCase(Locale.ROOT) + ") to " + summary.root()
        + (zipped == null ? "" : " and " + zipped)));
    for (ExportSummary.ExportedPlugin p : summary.plugins()) {
      getLog().info("  " + SafeText.escape(p.name() + " " + p.version() + " -> " + p.folder() + ": "
          + p.skills().size() + " skill(s), MCP servers " + p.mcpServers() + (p.hasJavaTools() ? ", lib/ "
          + p.libraries().size() + " jar(s)" : "")));
    }
    summary.warnings().forEach(w -> getLog().warn("codexplugin: " + w));
    getLog().info("  install: " + SafeText.escape("codex plugin marketplace add " + summary.root()
        + " && codex plugin add " + String.join(" ", summary.pluginIds())));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String text(String s) {
    return s == null ? "" : s.trim();
  }
}
