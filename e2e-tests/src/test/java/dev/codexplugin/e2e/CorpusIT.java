package dev.codexplugin.e2e;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fidelity to real plugins nobody here wrote (issue 12): every local plugin of the corpus marketplaces
 * ({@code src/test/corpus/}) installed with the real Codex CLI and Claude Code, and what they list for it compared,
 * field by field, with what the SDK's public API reads. The differences of today are in
 * {@code known-differences.txt}, each with the issue item it belongs to; a new difference, or a known one that
 * has gone, fails the test (the list is a ratchet, to be driven to zero).
 *
 * <p>Writes, under {@code <e2e.work>/corpus-report/}: {@code differences.txt} (every difference, with its item),
 * {@code report.txt} (every entry as each reader sees it), {@code counts.txt} (how many plugins, versions, skills,
 * hooks and MCP servers the SDK reads as each host installs them) and the hosts' transcripts.
 */
class CorpusIT {
  private static final Map<String, List<String>> REPORT = new ConcurrentHashMap<>();
  private static final Map<String, List<String>> DIFFERENCES = new ConcurrentHashMap<>();
  private static final Map<String, String> COUNTS = new ConcurrentHashMap<>();
  private static Path out;

  @BeforeAll
  static void output() throws Exception {
    out = Path.of(System.getProperty("e2e.work")).resolve("corpus-report");
    CodexCli.deleteRecursively(out);
    Files.createDirectories(out);
  }

  static List<Path> marketplaces() throws Exception {
    List<Path> folders = Corpus.folders();
    assertWithMessage("corpus folders under %s", System.getProperty("corpus.dir")).that(folders).isNotEmpty();
    return folders;
  }

  @ParameterizedTest
  @MethodSource("marketplaces")
  void codexInstallsEachPluginAsTheSdkReadsIt(Path folder) throws Exception {
    Corpus corpus = Corpus.copy(folder, Path.of(System.getProperty("e2e.work")), true);
    String version = System.getProperty("codex.version");
    CodexCli codex = CodexCli.fromBuild("corpus-" + corpus.id());
    Map<String, PluginView> host = HostViews.codex(corpus, codex, out.resolve("codex-" + corpus.id() + ".log"));
    compare(corpus, "codex", version, host);
  }

  @ParameterizedTest
  @MethodSource("marketplaces")
  void claudeInstallsEachPluginAsTheSdkReadsIt(Path folder) throws Exception {
    Corpus corpus = Corpus.copy(folder, Path.of(System.getProperty("e2e.work")), true);
    if (!corpus.forClaude()) {
      REPORT.put("claude " + corpus.id(), List.of("# " + corpus.id() + " vs claude: no " + Corpus.CLAUDE_FILE
          + "; Claude Code reads only that file, so there is nothing to install"));
      return;
    }
    String version = System.getProperty("claude.version");
    ClaudeCli claude = ClaudeCli.fromBuild("corpus-" + corpus.id());
    Map<String, PluginView> host = HostViews.claude(corpus, claude, out.resolve("claude-" + corpus.id() + ".log"));
    compare(corpus, "claude", version, host);
  }

  /**
   * Claude Code refuses Anthropic's marketplace names from a local folder, Codex refuses {@code openai-curated};
   * the SDK warns on both (ReservedName, naming the host's command; issue 12, item 6). Recorded on the snapshots'
   * own names.
   */
  @Test
  void reservedMarketplaceNames() throws Exception {
    List<String> seen = new ArrayList<>();
    Map<String, List<String>> byHost = new TreeMap<>();
    for (Path folder : marketplaces()) {
      Corpus corpus = Corpus.copy(folder, Path.of(System.getProperty("e2e.work")), false);
      // the SDK's ReservedName on a marketplace file names the host command that refuses it
      List<String> findings = corpus.sdkFindings();
      String sdk = warns(findings, "codex") ? "warns" : "silent";
      CodexCli.Result codex = HostViews.record(out.resolve("reserved.log"), CodexCli.fromBuild("reserved-"
          + corpus.id()).run("plugin", "marketplace", "add", corpus.root().toString(), "--json"));
      String codexSays = codex.exitCode() == 0 ? "accepted" : "refused: " + HostViews.firstLine(codex.stderr());
      byHost.computeIfAbsent("codex", k -> new ArrayList<>()).add(marketplaceLine(corpus, "codex", codexSays, sdk));
      if (corpus.forClaude()) {
        CodexCli.Result claude = HostViews.record(out.resolve("reserved.log"), ClaudeCli.fromBuild("reserved-"
            + corpus.id()).run("plugin", "marketplace", "add", corpus.root().toString()));
        String claudeSays = claude.exitCode() == 0 ? "accepted"
            : "refused: " + HostViews.lastLine(claude.stdout() + claude.stderr());
        byHost.computeIfAbsent("claude", k -> new ArrayList<>()).add(marketplaceLine(corpus, "claude", claudeSays,
            warns(findings, "claude") ? "warns" : "silent"));
      }
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : byHost.entrySet()) {
      String host = e.getKey();
      List<String> differences = e.getValue().stream().filter(l -> l != null).toList();
      KnownDifferences known = known(host);
      problems.addAll(known.compare(differences, d -> d.contains(" (marketplace) name ")));
      differences.forEach(d -> seen.add(d + "  #" + item(known, d)));
    }
    DIFFERENCES.put("reserved", seen);
    assertWithMessage("differences in reserved marketplace names:\n%s", String.join("\n", problems))
        .that(problems).isEmpty();
  }

  /** {@code <marketplace> (marketplace) name <host>: host=<outcome> sdk=<outcome>} when they disagree. */
  /** Whether the SDK warns that {@code host}'s {@code plugin marketplace add} refuses the marketplace's name. */
  private static boolean warns(List<String> findings, String host) {
    return findings.stream()
        .anyMatch(f -> f.contains("ReservedName") && f.contains("`" + host + " plugin marketplace add`"));
  }

  private static String marketplaceLine(Corpus corpus, String host, String says, String sdk) {
    boolean hostRefuses = !says.equals("accepted");
    boolean sdkWarns = sdk.equals("warns");
    return hostRefuses == sdkWarns ? null : corpus.id() + " (marketplace) name " + host + ": host="
        + PluginView.abbreviate(corpus.originalName() + " " + says) + " sdk=" + sdk;
  }

  private static void compare(Corpus corpus, String host, String version, Map<String, PluginView> hostViews)
      throws Exception {
    Map<String, PluginView> sdk = corpus.sdkView(host);
    KnownDifferences known = known(host);
    List<String> differences = new ArrayList<>();
    List<String> report = new ArrayList<>();
    report.add("# " + corpus.id() + " (marketplace " + corpus.name() + ", " + corpus.entries().size()
        + " local entries, " + corpus.remote() + " remote) vs " + host + " " + version);
    int plugins = 0;
    int versions = 0;
    int skills = 0;
    int hooks = 0;
    int servers = 0;
    int skillCount = 0;
    int sdkSkillCount = 0;
    for (String entry : corpus.entries().keySet()) {
      PluginView h = hostViews.get(entry);
      PluginView s = sdk.get(entry);
      assertWithMessage("%s has no view of %s", host, entry).that(h).isNotNull();
      List<String> mine = h.differences(corpus.id(), host, s);
      differences.addAll(mine);
      report.add(entry + (mine.isEmpty() ? ": same" : ": " + mine.size() + " difference(s)"));
      report.add(h.render(host + " " + version));
      report.add(s.render("sdk"));
      if (h.present() && s.present()) {
        plugins++;
        versions += same(h, s, "version");
        skills += same(h, s, "skills");
        hooks += same(h, s, "hooks");
        servers += same(h, s, "mcpServers");
      }
      skillCount += count(h.field("skills"));
      sdkSkillCount += s.present() ? count(s.field("skills")) : 0;
    }
    int n = corpus.entries().size();
    String counts = String.format("%s vs %s %s: %d local entries; read the same as the host installs them:"
        + " plugins %d/%d, versions %d/%d, skills %d/%d, hooks %d/%d, MCP servers %d/%d; skills listed: host %d,"
        + " sdk %d", corpus.id(), host, version, n, plugins, n, versions, n, skills, n, hooks, n, servers, n,
        skillCount, sdkSkillCount);
    System.out.println(counts);
    COUNTS.put(host + " " + corpus.id(), counts);
    REPORT.put(host + " " + corpus.id(), report);
    DIFFERENCES.put(host + " " + corpus.id(), differences.stream().map(d -> d + "  #" + item(known, d)).toList());
    List<String> problems = known.compare(differences, d -> d.startsWith(corpus.id() + " ")
        && !d.contains(" (marketplace) "));
    if (!problems.isEmpty()) {
      throw new AssertionError(corpus.id() + " vs " + host + " " + version + ": " + problems.size()
          + " difference(s) changed (the list is " + System.getProperty("corpus.dir") + "/known-differences.txt;"
          + " every difference of this run is in " + out.resolve("differences.txt") + "):\n"
          + String.join("\n", problems.subList(0, Math.min(40, problems.size())))
          + (problems.size() > 40 ? "\n... and " + (problems.size() - 40) + " more" : ""));
    }
    assertThat(plugins).isGreaterThan(0);
  }

  private static int same(PluginView h, PluginView s, String field) {
    return h.field(field) != null && h.field(field).equals(s.field(field)) ? 1 : 0;
  }

  private static int count(String list) {
    return list == null || list.equals("[]") ? 0 : list.split(", ").length;
  }

  private static String item(KnownDifferences known, String difference) {
    String item = known.item(difference);
    return item == null ? "new" : item;
  }

  private static KnownDifferences known(String host) throws Exception {
    String version = System.getProperty(host + ".version");
    return KnownDifferences.load(Path.of(System.getProperty("corpus.dir")).resolve("known-differences.txt"), host,
        version);
  }

  @AfterAll
  static void writeReports() throws Exception {
    String label = "codex " + System.getProperty("codex.version") + ", claude " + System.getProperty("claude.version");
    StringBuilder differences = new StringBuilder("# differences between the hosts (" + label + ") and the SDK\n");
    new TreeMap<>(DIFFERENCES).values().forEach(list -> list.forEach(d -> differences.append(d).append('\n')));
    Files.writeString(out.resolve("differences.txt"), differences, StandardCharsets.UTF_8);
    StringBuilder report = new StringBuilder();
    new TreeMap<>(REPORT).values().forEach(list -> list.forEach(d -> report.append(d).append('\n')));
    Files.writeString(out.resolve("report.txt"), report, StandardCharsets.UTF_8);
    StringBuilder counts = new StringBuilder("# " + label + "\n");
    new TreeMap<>(COUNTS).values().forEach(c -> counts.append(c).append('\n'));
    Files.writeString(out.resolve("counts.txt"), counts, StandardCharsets.UTF_8);
    System.out.println("corpus report: " + out + "\n" + counts);
  }
}
