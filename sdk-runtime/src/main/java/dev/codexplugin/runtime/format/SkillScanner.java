package dev.codexplugin.runtime.format;

import dev.codexplugin.runtime.FindingCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds skills under a skills root the way Codex 0.169.0 does: every file named exactly {@code SKILL.md} in
 * the root or in folders at most {@value Limits#SKILL_SCAN_DEPTH} levels below it, skipping entries whose name
 * starts with {@code .}, visiting fewer than {@value Limits#SKILL_SCAN_FOLDERS} folders (the root included;
 * docs/FORMAT.md#skill-md: Codex found 1,998 of 2,100 skill folders). Folders are visited level by level, each level sorted, so
 * the result does not depend on the file system.
 */
public final class SkillScanner {
  private static final Comparator<String> LEVEL_ORDER =
      Comparator.comparingInt((String folder) -> folder.split("/").length).thenComparing(Comparator.naturalOrder());

  private SkillScanner() {}

  /**
   * The skill folders under {@code root} (e.g. {@code skills}), sorted. Skills Codex silently misses (too
   * deep, {@code skill.md} spelled differently, past the folder limit) are host-fatal
   * {@link FindingCode#UNREACHABLE} findings; a {@code SKILL.md} in a hidden folder is one too, but only a
   * warning, since hiding a folder is a common way to keep it out on purpose.
   */
  public static List<String> find(Collection<String> files, String root, Report report) {
    String prefix = root.isEmpty() ? "" : root + "/";
    Set<String> folders = new TreeSet<>(LEVEL_ORDER);
    Set<String> skillFolders = new TreeSet<>();
    for (String file : files) {
      if (!file.startsWith(prefix)) {
        continue;
      }
      String[] segments = file.substring(prefix.length()).split("/");
      String fileName = segments[segments.length - 1];
      int depth = segments.length - 1;
      boolean named = fileName.equals("SKILL.md");
      if (isHidden(segments)) {
        if (named) {
          report.problem(FindingCode.UNREACHABLE, file, "").found("inside a hidden folder")
              .fix("Codex skips folders whose name starts with \".\"; rename the folder if this is a skill")
              .report();
        }
        continue;
      }
      StringBuilder folder = new StringBuilder();
      for (int i = 0; i < depth && i < Limits.SKILL_SCAN_DEPTH; i++) {
        folder.append(i == 0 ? "" : "/").append(segments[i]);
        folders.add(folder.toString());
      }
      String relativeFolder = String.join("/", java.util.Arrays.asList(segments).subList(0, depth));
      if (named && depth <= Limits.SKILL_SCAN_DEPTH) {
        skillFolders.add(relativeFolder);
      } else if (named) {
        report.problem(FindingCode.UNREACHABLE, file, "").found(depth + " folders deep")
            .fix("move the skill at most " + Limits.SKILL_SCAN_DEPTH + " folders below " + root
                + "/; Codex does not see it")
            .dropsPart().report();
      } else if (depth <= Limits.SKILL_SCAN_DEPTH && fileName.toLowerCase(Locale.ROOT).equals("skill.md")) {
        report.problem(FindingCode.UNREACHABLE, file, "").found("named " + fileName)
            .fix("rename it to SKILL.md; Codex does not see it").dropsPart().report();
      }
    }
    List<String> found = new ArrayList<>();
    if (skillFolders.contains("")) {
      found.add(root);
    }
    int visited = 1;
    int missed = 0;
    for (String folder : folders) {
      if (++visited >= Limits.SKILL_SCAN_FOLDERS) {
        missed++;
        continue;
      }
      if (skillFolders.contains(folder)) {
        found.add(prefix + folder);
      }
    }
    if (missed > 0) {
      long lost = folders.stream().skip(folders.size() - (long) missed).filter(skillFolders::contains).count();
      report.problem(FindingCode.UNREACHABLE, root, "").found((folders.size() + 1) + " folders, and Codex scans"
              + " fewer than " + Limits.SKILL_SCAN_FOLDERS + " (the skills root included)")
          .fix("Codex stops scanning there and does not see " + lost + " of the skills; split the skills"
              + " over fewer folders")
          .dropsPart().report();
    }
    found.sort(null);
    return found;
  }

  private static boolean isHidden(String[] segments) {
    for (String segment : segments) {
      if (segment.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
