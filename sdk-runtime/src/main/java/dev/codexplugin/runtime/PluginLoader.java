package dev.codexplugin.runtime;

import dev.codexplugin.runtime.format.Bundles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Reads Codex plugin bundles: the ones the annotation processor writes into jars, and plugin folders written
 * by hand (with a {@code .codex-plugin} or {@code .claude-plugin} manifest).
 *
 * <pre>{@code
 * List<PluginBundle> bundles = PluginLoader.load(Path.of("target/team-workflow-1.0.0.jar"));
 * PluginBundle bundle = bundles.get(0);
 * bundle.skills().forEach(s -> System.out.println(bundle.name() + ":" + s.name()));
 * }</pre>
 *
 * <p>The loader sees what Codex 0.169.0 sees: the same manifest, the skills it finds, the MCP servers, apps and
 * hooks it keeps (a broken server is left out, a broken {@code .app.json} or hooks file loses all its entries).
 * A finding is an error only when Codex would reject the plugin or silently lose part of it; the stricter
 * publishing rules (which the processor enforces) are warnings here, available on
 * {@link PluginBundle#warnings()}. Even a plugin folder without a manifest is read, as Codex installs it.
 *
 * <p>Bad input never escapes as an unchecked exception, and the loader never reads outside the bundle: a
 * {@code ..} entry, an absolute name or a symbolic link that leaves the folder is a finding, and every file is
 * read with a size cap. All methods read everything eagerly and close what they open.
 */
public final class PluginLoader {
  private PluginLoader() {}

  /**
   * Loads every bundle at {@code path}: a jar holding bundles, an exploded classes folder (with
   * {@code META-INF/codex-plugins/index.json}), a plugin folder, or a marketplace root (every local plugin its
   * marketplace files name, each checked as Codex checks it before it installs the entry).
   *
   * @throws PluginLoadException when nothing can be read there, or a bundle has errors; it lists every finding
   */
  public static List<PluginBundle> load(Path path) throws PluginLoadException {
    return check(path).orThrow();
  }

  /**
   * Loads every bundle on a class path, from each {@code META-INF/codex-plugins/index.json} that
   * {@code classLoader} sees. Each bundle's files are read next to its own index, so two jars with a bundle of
   * the same name both come back.
   *
   * @throws PluginLoadException when a bundle has errors; it lists every finding
   */
  public static List<PluginBundle> load(ClassLoader classLoader) throws PluginLoadException {
    return check(classLoader).orThrow();
  }

  /** Like {@link #load(Path)}, but returns the findings instead of throwing. */
  public static LoadResult check(Path path) {
    Objects.requireNonNull(path, "path");
    return Bundles.check(path);
  }

  /** Like {@link #load(ClassLoader)}, but returns the findings instead of throwing. */
  public static LoadResult check(ClassLoader classLoader) {
    Objects.requireNonNull(classLoader, "classLoader");
    return Bundles.check(classLoader);
  }
}
