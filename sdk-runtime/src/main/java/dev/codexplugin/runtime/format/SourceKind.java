package dev.codexplugin.runtime.format;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What a path holds, told apart in one place for the loader, the catalogs and the command line
 * (docs/FORMAT.md#sources). The checks run in this order, and the first that holds wins:
 *
 * <ol>
 *   <li>{@link #MISSING}: nothing there;
 *   <li>{@link #JAR}: a regular file (a jar, or something else, which the jar reader reports);
 *   <li>{@link #PLUGIN_FOLDER}: a folder with a manifest ({@code .codex-plugin}, {@code .claude-plugin} or
 *       {@code .cursor-plugin} {@code plugin.json});
 *   <li>{@link #CLASSES_FOLDER}: a folder with {@code META-INF/codex-plugins/index.json};
 *   <li>{@link #MARKETPLACE}: a folder with {@code .agents/plugins/marketplace.json} or
 *       {@code .claude-plugin/marketplace.json};
 *   <li>{@link #CODEX_HOME}: a folder holding {@code plugins/cache};
 *   <li>{@link #CODEX_CACHE}: a folder {@code .../plugins/cache};
 *   <li>{@link #PLUGIN_FOLDER} again: a folder without a manifest that holds parts Codex reads by default
 *       ({@code skills/}, {@code .mcp.json}, {@code .app.json}, {@code hooks/hooks.json}), which Codex installs;
 *   <li>{@link #JARS_FOLDER}: any other folder, searched for plugin jars.
 * </ol>
 */
public enum SourceKind {
  /** Nothing at the path. */
  MISSING,
  /** A regular file: a jar holding bundles. */
  JAR,
  /** A plugin folder, with or without a manifest. */
  PLUGIN_FOLDER,
  /** An exploded classes folder with a bundle index. */
  CLASSES_FOLDER,
  /** A marketplace root. */
  MARKETPLACE,
  /** A Codex home ({@code $CODEX_HOME}), holding the installed plugins' cache. */
  CODEX_HOME,
  /** The installed plugins' cache of a Codex home. */
  CODEX_CACHE,
  /** A folder of plugin jars, e.g. a Maven repository. */
  JARS_FOLDER;

  /** The cache of installed plugins inside {@code $CODEX_HOME}. */
  public static final String CODEX_CACHE_FOLDER = "plugins/cache";

  /** What {@code path} holds. */
  public static SourceKind of(Path path) {
    if (!Files.exists(path)) {
      return MISSING;
    }
    if (!Files.isDirectory(path)) {
      return JAR;
    }
    if (FormatFiles.MANIFESTS.stream().anyMatch(m -> Files.exists(path.resolve(m), LinkOption.NOFOLLOW_LINKS))) {
      return PLUGIN_FOLDER;
    }
    if (Files.isRegularFile(path.resolve(BundleIndex.RESOURCE))) {
      return CLASSES_FOLDER;
    }
    if (isMarketplace(path)) {
      return MARKETPLACE;
    }
    if (Files.isDirectory(path.resolve(CODEX_CACHE_FOLDER))) {
      return CODEX_HOME;
    }
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (absolute.getFileName() != null && absolute.getFileName().toString().equals("cache") && parent != null
        && parent.getFileName() != null && parent.getFileName().toString().equals("plugins")) {
      return CODEX_CACHE;
    }
    if (Files.isDirectory(path.resolve(FormatFiles.SKILLS)) || Files.isRegularFile(path.resolve(FormatFiles.MCP_FILE))
        || Files.isRegularFile(path.resolve(FormatFiles.APP_FILE))
        || Files.isRegularFile(path.resolve(FormatFiles.HOOKS_FILE))) {
      return PLUGIN_FOLDER;
    }
    return JARS_FOLDER;
  }

  /** Whether {@code root} holds a marketplace file. */
  public static boolean isMarketplace(Path root) {
    return Files.isRegularFile(root.resolve(FormatFiles.CODEX_MARKETPLACE))
        || Files.isRegularFile(root.resolve(FormatFiles.CLAUDE_MARKETPLACE));
  }
}
