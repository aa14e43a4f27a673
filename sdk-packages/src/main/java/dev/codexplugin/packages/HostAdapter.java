package dev.codexplugin.packages;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One host (Codex or Claude Code) as the package manager drives it: through the host's own commands. */
interface HostAdapter {
  /**
   * A plugin the host holds.
   *
   * @param id {@code <plugin>@<marketplace>}
   * @param version the version the host recorded
   * @param enabled whether it is enabled
   */
  record Installed(String id, String version, boolean enabled) {
    String plugin() {
      return id.substring(0, id.lastIndexOf('@'));
    }

    String marketplace() {
      return id.substring(id.lastIndexOf('@') + 1);
    }
  }

  Declaration.Host host();

  /** Every file and folder the host's commands may change for this marketplace: snapshotted for undo. */
  List<Path> touched(String marketplace);

  /** What the host holds now, every marketplace (the host's own list). */
  List<Installed> list() throws PackageException;

  /** The plugins the host holds from {@code marketplace}: plugin name to version, in the host's order. */
  default Map<String, String> installedFrom(String marketplace) throws PackageException {
    Map<String, String> current = new LinkedHashMap<>();
    for (Installed i : list()) {
      if (i.marketplace().equals(marketplace)) {
        current.put(i.plugin(), i.version());
      }
    }
    return current;
  }

  /**
   * Makes the host hold exactly {@code wanted} (plugin name to version) from the marketplace at {@code root}:
   * adds the marketplace, installs or re-records changed plugins, uninstalls the others of the marketplace.
   * Returns the folder each wanted plugin is installed in, where the host says it.
   *
   * @param reinstall wanted plugins to install again although the host holds their version (their installed
   *     folder was changed or removed by hand)
   */
  Map<String, Path> apply(Path root, String marketplace, Map<String, String> wanted, Set<String> reinstall)
      throws PackageException;
}
