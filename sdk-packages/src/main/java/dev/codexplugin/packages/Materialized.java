package dev.codexplugin.packages;

import dev.codexplugin.runtime.PluginBundle;
import java.nio.file.Path;
import java.util.List;

/**
 * A locked plugin whose files were fetched and verified against the lock: the jar, its runtime dependencies
 * and the bundle read from the jar.
 */
record Materialized(Lock.LockedPlugin locked, Path jar, List<Path> libraries, PluginBundle bundle) {}
