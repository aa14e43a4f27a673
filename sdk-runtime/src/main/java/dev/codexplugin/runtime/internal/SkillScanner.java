package dev.codexplugin.runtime.internal;

import dev.codexplugin.runtime.FindingCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Finds skills under a skills root the way Codex 0.169.0 does: every file named exactly {@code SKILL.md} in
 * the root or in folders at most {@value Limits#SKILL_SCAN_DEPTH} levels below it, skipping entries whose name
 * starts with {@code .}, visiting at most {@value Limits#SKILL_SCAN_FOLDERS} folders.
 */
public final class SkillScanner {
  private SkillScanner() {}

  /**
   * The skill folders under {@code root} (e.g. {@code skills}), sorted. Files Codex would miss although they
   * look like skills (too deep, {@code skill.md} spelled differently) are reported as
   * {@link FindingCode#UNREACHABLE}.
   */
  public static List<String> find(Collection<String> files, String root, Report report) {
    String prefix = root.isEmpty() ? "" : root + "/";
    TreeSet<String> folders = new TreeSet<>();
    TreeSet<String> visited = new TreeSet<>();
    List<String> found = new ArrayList<>();
    for (String file : files) {
      if (!file.startsWith(prefix)) {
        continue;
      }
      String rest = file.substring(prefix.length());
      String[] segments = rest.split("/");
      String fileName = segments[segments.length - 1];
      boolean hidden = false;
      for (String segment : segments) {
        hidden |= segment.startsWith(".");
      }
      if (hidden) {
        continue;
      }
      int depth = segments.length - 1;
      StringBuilder folder = new StringBuilder(root);
      for (int i = 0; i < depth && i < Limits.SKILL_SCAN_DEPTH; i++) {
        folder.append(folder.length() == 0 ? "" : "/").append(segments[i]);
        visited.add(folder.toString());
      }
      boolean named = fileName.equals("SKILL.md");
      boolean lookalike = !named && fileName.toLowerCase(Locale.ROOT).equals("skill.md");
      String skillFolder = file.substring(0, Math.max(0, file.length() - fileName.length() - 1));
      if (named && depth <= Limits.SKILL_SCAN_DEPTH) {
        folders.add(skillFolder);
      } else if (named) {
        report.problem(FindingCode.UNREACHABLE, file, "").found("(" + depth + " folders deep)")
            .fix("move the skill at most " + Limits.SKILL_SCAN_DEPTH + " folders below " + root
                + "/; Codex does not see it").report();
      } else if (lookalike && depth <= Limits.SKILL_SCAN_DEPTH) {
        report.problem(FindingCode.UNREACHABLE, file, "").found("(named " + fileName + ")")
            .fix("rename it to SKILL.md; Codex does not see it").report();
      }
    }
    if (visited.size() > Limits.SKILL_SCAN_FOLDERS) {
      report.problem(FindingCode.UNREACHABLE, root, "").found("(" + visited.size() + " folders)")
          .fix("keep at most " + Limits.SKILL_SCAN_FOLDERS + " folders under " + root
              + "/; Codex stops scanning there").report();
    }
    found.addAll(folders);
    return found;
  }
}
