package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.runtime.format.BundleLoader;
import dev.codexplugin.runtime.format.FolderSource;
import dev.codexplugin.runtime.format.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the loader saw in one plugin folder: the public {@link PluginLoader#check(Path)} result, and the model
 * the reader built (what Codex would see), which exists even when the bundle has errors. Loading checks that
 * both paths report the same findings, and that {@link PluginLoader#load(Path)} throws exactly when there is an
 * error.
 */
final class Seen {
  private final Path root;
  private final LoadResult result;
  private final Optional<PluginBundle> model;

  private Seen(Path root, LoadResult result, Optional<PluginBundle> model) {
    this.root = root;
    this.result = result;
    this.model = model;
  }

  static Seen load(Path root) {
    LoadResult result = PluginLoader.check(root);
    Report report = new Report(FindingCode.Context.LOAD, root.toString());
    Optional<PluginBundle> model;
    try {
      model = BundleLoader.load(FolderSource.open(root, report), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Seen seen = new Seen(root, result, model);
    assertWithMessage("PluginLoader.check and the reader must report the same findings")
        .that(result.findings()).containsExactlyElementsIn(report.errorsFirst()).inOrder();
    if (result.hasErrors()) {
      assertWithMessage("a bundle with errors is not returned").that(result.bundles()).isEmpty();
      PluginLoadException e = assertThrows(PluginLoadException.class, () -> PluginLoader.load(root));
      assertThat(e.findings()).isEqualTo(result.findings());
    } else {
      assertWithMessage(seen.render()).that(result.bundles()).hasSize(1);
      PluginBundle bundle = result.bundles().get(0);
      assertThat(bundle.warnings()).isEqualTo(result.findings());
      assertThat(model).isPresent();
      assertThat(bundle.manifest()).isEqualTo(model.get().manifest());
      assertThat(bundle.skills()).isEqualTo(model.get().skills());
      assertThat(bundle.mcpServers()).isEqualTo(model.get().mcpServers());
      assertThat(bundle.apps()).isEqualTo(model.get().apps());
      assertThat(bundle.hooks()).isEqualTo(model.get().hooks());
    }
    return seen;
  }

  LoadResult result() {
    return result;
  }

  /** The model, even when the bundle has errors. */
  PluginBundle bundle() {
    assertWithMessage("no bundle was read:\n" + render()).that(model.isPresent()).isTrue();
    return model.get();
  }

  /** The skills Codex lists, by name (sorted, duplicates kept). */
  List<String> skills() {
    return bundle().skills().stream().map(SkillSpec::name).toList();
  }

  List<String> servers() {
    return bundle().mcpServers().stream().map(McpServerSpec::name).toList();
  }

  List<String> apps() {
    return bundle().apps().stream().map(AppSpec::key).toList();
  }

  /** The hooks as {@code Event[matcher]: command}, in file order. */
  List<String> hooks() {
    return bundle().hooks().stream()
        .map(h -> h.event() + (h.matcher().isEmpty() ? "" : "[" + h.matcher() + "]") + ": " + h.command())
        .toList();
  }

  /** Codex accepts the plugin: no error, and {@link PluginLoader#load(Path)} returns it. */
  PluginBundle accepted() {
    assertWithMessage("expected no error:\n" + render()).that(result.errors()).isEmpty();
    try {
      List<PluginBundle> bundles = PluginLoader.load(root);
      assertThat(bundles).hasSize(1);
      return bundles.get(0);
    } catch (PluginLoadException e) {
      throw new AssertionError(e);
    }
  }

  /** The error {@code code} on {@code field} of {@code file}: Codex rejects the plugin or loses part of it. */
  Finding error(FindingCode code, String file, String field) {
    Finding finding = finding(code, file, field);
    assertWithMessage("expected an error:\n" + render()).that(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(result.hasErrors()).isTrue();
    return finding;
  }

  /** The warning {@code code} on {@code field} of {@code file}: Codex accepts it or falls back to the default. */
  Finding warning(FindingCode code, String file, String field) {
    Finding finding = finding(code, file, field);
    assertWithMessage("expected a warning:\n" + render()).that(finding.severity()).isEqualTo(Severity.WARNING);
    return finding;
  }

  /** Asserts that no finding has {@code code}. */
  Seen without(FindingCode code) {
    assertWithMessage("expected no " + code + ":\n" + render())
        .that(result.findings().stream().map(Finding::code).toList()).doesNotContain(code);
    return this;
  }

  /** Asserts that there is no finding at all. */
  Seen clean() {
    assertWithMessage("expected no finding:\n" + render()).that(result.findings()).isEmpty();
    return this;
  }

  List<Finding> findings() {
    return result.findings();
  }

  private Finding finding(FindingCode code, String file, String field) {
    return result.findings().stream()
        .filter(f -> f.code() == code && f.file().equals(file) && f.field().equals(field))
        .findFirst()
        .orElseThrow(() -> new AssertionError("expected " + code + " on " + file + " [" + field + "] in:\n"
            + render()));
  }

  String render() {
    return result.findings().isEmpty() ? "  (no findings)"
        : result.findings().stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
  }
}
