package dev.codexplugin.bench;

import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap retained per loaded bundle, measured in a fresh JVM (run with -XX:+UseSerialGC): one bundle is loaded
 * and dropped first (so that static caches exist before the baseline), then {@code n} bundles are loaded and
 * kept; the difference of the heap used after full collections, divided by {@code n}. Prints bytes per bundle.
 */
public final class HeapProbe {
  private HeapProbe() {}

  public static void main(String[] args) throws Exception {
    List<Path> jars = BundleJars.list(Path.of(args[0]));
    int n = Integer.parseInt(args[1]);
    PluginLoader.load(jars.get(0));
    long before = used();
    List<List<PluginBundle>> kept = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      kept.add(PluginLoader.load(jars.get(i)));
    }
    long after = used();
    System.out.println((after - before) / (double) n);
    Reference.reachabilityFence(kept);
  }

  private static long used() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(50);
      long now = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(now - last) < 1024) {
        return now;
      }
      last = now;
    }
    return last;
  }
}
