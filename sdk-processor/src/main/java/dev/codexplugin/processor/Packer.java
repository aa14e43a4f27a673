package dev.codexplugin.processor;

import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.FolderWalk;
import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.Limits;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.lang.model.util.Elements;

/**
 * The files a bundle packages as they are (assets, local skills, shipped files, the tools file), read from the
 * resources the annotations name. Every problem with such a file is reported on the attribute that names it:
 * {@code MissingFile}, {@code TooLarge}, {@code Io}, {@code Duplicate} for two files at one path, and the folder
 * walk's {@code UnsafePath}.
 */
final class Packer {
  private final Resources resources;
  private final Findings findings;
  private final Elements elements;
  private final SortedMap<String, byte[]> packaged = new TreeMap<>();
  /** What each packaged file was copied from, for the message about a second file at its path. */
  private final Map<String, String> from = new HashMap<>();
  private final Set<String> executable = new TreeSet<>();

  /**
   * A packer whose resource paths are relative to the package of the element that names them (the element of an
   * origin).
   */
  Packer(Resources resources, Findings findings, Elements elements) {
    this.resources = resources;
    this.findings = findings;
    this.elements = elements;
  }

  /** Every packaged file by its path in the bundle. */
  SortedMap<String, byte[]> files() {
    return packaged;
  }

  /** The packaged files that are executable, as the file system says of the files they were read from. */
  Set<String> executable() {
    return executable;
  }

  /**
   * Adds a file to the bundle. A different file already at {@code target} is {@code Duplicate}, reported on
   * {@code origin}; returns whether the file is in the bundle.
   */
  boolean pack(String target, byte[] bytes, String source, Origin origin) {
    byte[] existing = packaged.get(target);
    if (existing != null && !Arrays.equals(existing, bytes)) {
      findings.problem(FindingCode.DUPLICATE, origin, Place.of(target))
          .found(Text.quote(source) + ", which would be copied to " + target + ", where " + Text.quote(from.get(target))
              + " is already")
          .fix("rename one of the files").report();
      return false;
    }
    packaged.put(target, bytes);
    from.putIfAbsent(target, source);
    return true;
  }

  /** Marks a packaged file executable. */
  void executable(String target) {
    executable.add(target);
  }

  /**
   * Copies the asset {@code value} that {@code origin}'s attribute names into bundle folder {@code folder} (e.g.
   * {@code assets} or {@code skills/review/assets}); returns its path for the file that refers to it,
   * {@code ./assets/logo.png}, or empty when there is no asset or it was reported.
   */
  Optional<String> asset(String value, Origin origin, String folder, Place field) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Optional<byte[]> bytes = read(value, origin, field, Resources.MAX_BYTES);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    String fileName = value.substring(value.lastIndexOf('/') + 1);
    if (!pack(folder + "/" + fileName, bytes.get(), value, origin)) {
      return Optional.empty();
    }
    String base = folder.startsWith(FormatFiles.SKILLS + "/") ? "assets" : folder;
    return Optional.of("./" + base + "/" + fileName);
  }

  /**
   * The bytes of the resource {@code value} that {@code origin}'s attribute names, at most {@code limit} of them;
   * empty after reporting {@code MissingFile}, {@code TooLarge} or {@code Io} on {@code origin} (and leaving out
   * the rules' findings at {@code place}).
   */
  Optional<byte[]> read(String value, Origin origin, Place place, int limit) {
    Optional<String> name = name(value, origin, place);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<byte[]> bytes = resources.read(name.get(), origin.element(), limit);
      if (bytes.isEmpty()) {
        notFound(value, name.get(), false, origin, place);
      }
      return bytes;
    } catch (Resources.TooLargeException e) {
      findings.problem(FindingCode.TOO_LARGE, origin, place).arg("limit", size(e.limit()))
          .found(Text.quote(value) + ", a larger file").report();
      return Optional.empty();
    } catch (IOException e) {
      findings.problem(FindingCode.IO, origin, place).found(Text.quote(value) + ": " + e)
          .fix("check the file's permissions").report();
      return Optional.empty();
    }
  }

  /**
   * The resource folder {@code value} that {@code origin}'s attribute names, walked: every file under it except
   * hidden ones, by relative path; empty after reporting {@code MissingFile} on {@code origin}. The walk's
   * problems ({@code UnsafePath} for a link that leads out, {@code TooLarge} beyond the file count, {@code Io})
   * and a file over its size cap ({@code limit} says which cap) are reported on {@code files}, with each file's
   * path under {@code prefix} in the bundle.
   */
  Optional<Folder> folder(String value, Origin origin, Place place, Origin files, String prefix,
      Predicate<String> text) {
    Optional<String> name = name(value, origin, place);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Optional<Path> folder = resources.folder(name.get(), origin.element());
    if (folder.isEmpty()) {
      notFound(value, name.get(), true, origin, place);
      return Optional.empty();
    }
    Report walkReport = new Report(FindingCode.Context.COMPILE, "");
    FolderWalk.Walked walked;
    try {
      walked = FolderWalk.walk(folder.get(), FolderWalk.Hidden.SKIP, walkReport);
    } catch (IOException | RuntimeException e) {
      findings.problem(FindingCode.IO, origin, place).found(Text.quote(value) + ": " + e).report();
      return Optional.empty();
    }
    for (Finding finding : walkReport.findings()) {
      // A link to a file inside is read as that file: the bundle holds a copy, never a link, so Codex's dropping
      // of links (the walk's Discouraged) does not apply to what the processor writes.
      if (finding.code() != FindingCode.DISCOURAGED) {
        findings.relay(new Finding(finding.code(), finding.severity(), "", prefix + finding.file(), finding.field(),
            finding.message()), files);
      }
    }
    SortedMap<String, byte[]> read = new TreeMap<>();
    for (var file : walked.files().entrySet()) {
      String rel = file.getKey();
      int limit = text.test(rel) ? Limits.MAX_TEXT_BYTES : Resources.MAX_BYTES;
      try {
        read.put(rel, Resources.readCapped(Files.newInputStream(file.getValue()), rel, limit));
      } catch (Resources.TooLargeException e) {
        findings.problem(FindingCode.TOO_LARGE, files, Place.of(prefix + rel)).arg("limit", size(e.limit()))
            .found("a larger file").report();
      } catch (IOException e) {
        findings.problem(FindingCode.IO, files, Place.of(prefix + rel)).found(e.toString()).report();
      }
    }
    return Optional.of(new Folder(read, walked.executable()));
  }

  /**
   * The files of a walked folder.
   *
   * @param files each file's bytes by its relative path
   * @param executable the relative paths of the executable files
   */
  record Folder(SortedMap<String, byte[]> files, Set<String> executable) {}

  /** The resource name of {@code value}; empty after reporting a {@code ..} that leaves the resource root. */
  private Optional<String> name(String value, Origin origin, Place place) {
    Optional<String> name = Resources.name(
        elements.getPackageOf(origin.element()).getQualifiedName().toString(), value);
    if (name.isEmpty()) {
      findings.problem(FindingCode.MISSING_FILE, origin, place)
          .found(Text.quote(value) + ", a path whose .. leaves the resource root")
          .fix("start it with / or drop the .. segments").report();
    }
    return name;
  }

  private void notFound(String value, String name, boolean folder, Origin origin, Place place) {
    findings.problem(FindingCode.MISSING_FILE, origin, place)
        .found(Text.quote(value) + ": looked for " + (folder ? "the folder " : "") + name + " in "
            + resources.searched())
        .fix("fix the path or add the " + (folder ? "folder" : "file")
            + (value.startsWith("/") ? "" : " (a path without a leading / is relative to the package)"))
        .report();
  }

  /** The resource path of file {@code relative} of resource folder {@code folder}, for messages. */
  static String inFolder(String folder, String relative) {
    return folder.endsWith("/") ? folder + relative : folder + "/" + relative;
  }

  /** A size for a message: {@code 16 MiB}, or bytes when it is not a whole number of MiB. */
  static String size(int bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }
}
