package dev.codexplugin.e2e;

import dev.codexplugin.runtime.format.BundleIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Builds a local marketplace from the bundle folders inside plugin jars, for the real hosts to install. */
final class Marketplaces {
  private Marketplaces() {}

  /**
   * Copies {@code META-INF/codex-plugins/<plugin>/} of {@code jar} to {@code <root>/plugins/<plugin>/} and
   * writes {@code <root>/.agents/plugins/marketplace.json} naming it.
   */
  static Path fromJar(Path jar, String plugin, Path root, String marketplace) throws IOException {
    CodexCli.deleteRecursively(root);
    Path folder = root.resolve("plugins").resolve(plugin);
    String prefix = BundleIndex.ROOT + plugin + "/";
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
          continue;
        }
        Path target = folder.resolve(entry.getName().substring(prefix.length())).normalize();
        if (!target.startsWith(folder)) {
          throw new IOException("unsafe entry " + entry.getName());
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, target);
        }
      }
    }
    Path manifest = root.resolve(".agents/plugins/marketplace.json");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, """
        {
          "name": "%s",
          "interface": {"displayName": "E2E"},
          "plugins": [
            {
              "name": "%s",
              "source": {"source": "local", "path": "./plugins/%s"},
              "policy": {"installation": "AVAILABLE", "authentication": "ON_INSTALL"},
              "category": "productivity"
            }
          ]
        }
        """.formatted(marketplace, plugin, plugin), StandardCharsets.UTF_8);
    return root;
  }
}
