package dev.codexplugin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.BundleChange;
import dev.codexplugin.runtime.BundleDiff;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code diff <old> <new>}: every change between two builds, the bump each needs, and the verdict. */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Compare two builds of plugin bundles (jars or folders): classify every change as MAJOR, MINOR"
        + " or PATCH and check the declared version bump; exit 0 when it covers every change, 1 when a change"
        + " needs a bigger bump, 2 when a build cannot be read.")
final class DiffCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "<old>", description = "The old build: a jar or a folder.")
  Path before;

  @Parameters(index = "1", paramLabel = "<new>", description = "The new build: a jar or a folder.")
  Path after;

  @Mixin Output output;


  @Override
  public Integer call() {
    PrintWriter out = output.out();
    PrintWriter err = output.err();
    LoadResult was = PluginLoader.check(before);
    LoadResult now = PluginLoader.check(after);
    for (var side : List.of(List.of(before, was), List.of(after, now))) {
      LoadResult r = (LoadResult) side.get(1);
      if (r.hasErrors() || r.bundles().isEmpty()) {
        err.println("codexplugin diff: cannot read " + SafeWriter.text(side.get(0)) + ":");
        r.errors().forEach(f -> err.println("  " + f));
        err.flush();
        return Main.USAGE;
      }
    }
    List<BundleDiff> diffs = BundleDiff.compareAll(was.bundles(), now.bundles());
    boolean compatible = diffs.stream().allMatch(BundleDiff::compatible);
    if (output.json) {
      ObjectNode node = CliJson.object();
      node.put("compatible", compatible);
      ArrayNode list = node.putArray("plugins");
      for (BundleDiff d : diffs) {
        ObjectNode p = list.addObject();
        p.put("plugin", d.plugin());
        p.put("oldVersion", d.oldVersion());
        p.put("newVersion", d.newVersion());
        p.put("required", d.required().name());
        p.put("declared", d.declared().map(Enum::name).orElse(""));
        p.put("compatible", d.compatible());
        p.put("verdict", d.verdict());
        ArrayNode changes = p.putArray("changes");
        List<BundleChange> unannounced = d.unannounced();
        for (BundleChange c : d.changes()) {
          ObjectNode change = changes.addObject();
          change.put("part", c.part().name());
          change.put("subject", c.subject());
          change.put("kind", c.kind().name());
          change.put("bump", c.bump().name());
          change.put("detail", c.detail());
          change.put("unannounced", unannounced.contains(c));
        }
      }
      out.print(CliJson.text(node));
    } else {
      diffs.forEach(d -> out.print(d.report()));
    }
    out.flush();
    return compatible ? Main.OK : Main.FINDINGS;
  }
}
