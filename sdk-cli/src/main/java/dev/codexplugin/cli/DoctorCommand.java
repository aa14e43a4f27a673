package dev.codexplugin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.Doctor;
import dev.codexplugin.runtime.DoctorReport;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginBundle;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code doctor <jar|folder>}: what the plugins need on this machine, and how to fix what is missing. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "Check, before installing, that this machine has what the plugins' MCP servers need: commands"
        + " on PATH, Java for Java tools, Node.js for npx, environment variables, reachable URLs; then, for a plugin"
        + " folder or an exported marketplace, start each stdio server as Codex would and complete the MCP"
        + " initialize handshake within its startup timeout. Print each missing piece with its fix. Exit 0 when"
        + " nothing is missing, 1 when something is, 2 when nothing can be read.")
final class DoctorCommand implements Callable<Integer> {
  @Mixin BundlePath input;

  @Option(names = "--offline", description = "Do not try the URLs of HTTP servers.")
  boolean offline;

  @Option(names = "--no-start", description = "Do not start the stdio servers; check their prerequisites only.")
  boolean noStart;

  @Mixin Output output;


  @Override
  public Integer call() {
    PrintWriter out = output.out();
    LoadResult result = input.check();
    if (result.bundles().isEmpty()) {
      out.print(BundleText.describe(result));
      out.flush();
      return Main.USAGE;
    }
    Doctor.Environment env = Doctor.Environment.system();
    if (offline) {
      env = env.offline();
    }
    List<DoctorReport> reports = new ArrayList<>();
    for (PluginBundle bundle : result.bundles()) {
      reports.add(noStart ? Doctor.check(bundle, env) : Doctor.checkAndStart(bundle, env));
    }
    boolean ok = reports.stream().allMatch(DoctorReport::ok);
    if (output.json) {
      ObjectNode node = CliJson.object();
      node.put("ok", ok);
      ArrayNode plugins = node.putArray("plugins");
      for (DoctorReport r : reports) {
        ObjectNode p = plugins.addObject();
        p.put("plugin", r.plugin());
        p.put("version", r.version());
        p.put("ok", r.ok());
        ArrayNode checks = p.putArray("checks");
        for (DoctorReport.Check c : r.checks()) {
          ObjectNode check = checks.addObject();
          check.put("status", c.status().name());
          check.put("kind", c.kind().name());
          check.put("server", c.server());
          check.put("subject", c.subject());
          check.put("detail", c.detail());
          check.put("fix", c.fix());
        }
      }
      out.print(CliJson.text(node));
    } else {
      reports.forEach(r -> out.print(r.render()));
      long missing = reports.stream().mapToLong(r -> r.missing().size()).sum();
      out.println(missing == 0 ? "ready: nothing is missing" : missing + " missing piece(s); fix them before"
          + " installing the plugin(s)");
    }
    out.flush();
    return ok ? Main.OK : Main.FINDINGS;
  }
}
