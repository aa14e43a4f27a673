package dev.codexplugin.processor;

import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Text;
import java.util.Optional;

/**
 * The files of {@code @Plugin(files)}: a resource folder whose content the bundle holds at its root as it is,
 * such as hook scripts ({@code hooks/check.sh}) and commands ({@code bin/server}), executable where the file
 * system says so. A file at a path the processor writes from the annotations is {@code Duplicate}.
 */
final class ShippedFiles {
  private final Assembly assembly;

  ShippedFiles(Assembly assembly) {
    this.assembly = assembly;
  }

  /** Packs the files of the folder; every problem is reported on {@code files}. */
  void pack() {
    PluginPrism p = assembly.prism();
    String dir = p.files();
    if (dir.isEmpty()) {
      return;
    }
    Origin attribute = p.origin(PluginPrism.Attr.FILES);
    Origin inside = attribute.labeled(attribute.label() + " " + Text.quote(dir)).forFiles("");
    Optional<Packer.Folder> folder = assembly.packer().folder(dir, attribute, Place.BUNDLE, inside, "", rel -> false);
    if (folder.isEmpty()) {
      return;
    }
    Packer packer = assembly.packer();
    folder.get().files().forEach((path, bytes) -> {
      Optional<String> owner = owner(path);
      if (owner.isPresent()) {
        assembly.findings().problem(FindingCode.DUPLICATE, inside, Place.of(path))
            .found("a file the processor writes from " + owner.get())
            .fix("declare it with " + owner.get() + " and remove the file from the folder").report();
      } else if (packer.pack(path, bytes, Packer.inFolder(dir, path), inside) && folder.get().executable().contains(path)) {
        packer.executable(path);
      }
    });
  }

  /**
   * What the processor writes {@code path} from, when it owns that path: the bundle's manifest and part files.
   * (Hidden entries, such as {@code .codex-plugin/} and {@code .mcp.json}, never get this far.)
   */
  static Optional<String> owner(String path) {
    if (path.equals(FormatFiles.ROOT_MANIFEST)) {
      return Optional.of("@Plugin");
    }
    if (path.equals(FormatFiles.HOOKS_FILE)) {
      return Optional.of("@Hook");
    }
    if (path.equals(FormatFiles.TOOLS_FILE)) {
      return Optional.of("@McpTool");
    }
    if (path.equals(FormatFiles.REQUIREMENTS_FILE)) {
      return Optional.of("@McpServer(requirements)");
    }
    if (path.startsWith(FormatFiles.SKILLS + "/")
        && (path.endsWith("/" + FormatFiles.SKILL_FILE) || path.endsWith("/" + FormatFiles.AGENT_FILE))) {
      return Optional.of("@Skill or @Plugin(localSkills)");
    }
    return Optional.empty();
  }
}
