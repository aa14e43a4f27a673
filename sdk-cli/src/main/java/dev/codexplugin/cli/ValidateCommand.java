package dev.codexplugin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.Finding;
import dev.codexplugin.runtime.LoadResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code validate <jar|folder>}: exit 0 when valid, 1 with every finding and its code otherwise. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check plugin bundles (a jar, a classes folder, a Codex or Claude Code plugin folder, a"
        + " marketplace root); exit 0 when valid, 1 when there are findings, each printed with its code.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin BundlePath input;

  @Option(names = "--strict",
      description = "Fail on warnings too (the publishing rules the annotation processor enforces).")
  boolean strict;

  @Mixin Output output;


  @Override
  public Integer call() {
    PrintWriter out = output.out();
    LoadResult result = input.check();
    List<Finding> findings = result.findings();
    long errors = findings.stream().filter(Finding::isError).count();
    long warnings = findings.size() - errors;
    boolean failed = errors > 0 || (strict && warnings > 0);
    if (output.json) {
      ObjectNode node = CliJson.object();
      node.put("valid", !failed);
      node.set("bundles", CliJson.strings(result.bundles().stream().map(b -> b.name() + "@" + b.version()).toList()));
      node.put("errors", errors);
      node.put("warnings", warnings);
      node.set("findings", CliJson.findings(findings));
      out.print(CliJson.text(node));
    } else {
      findings.forEach(out::println);
      out.println((failed ? "invalid: " : "valid: ") + result.bundles().size() + " bundle(s), " + errors
          + " error(s), " + warnings + " warning(s)");
    }
    out.flush();
    return failed ? Main.FINDINGS : Main.OK;
  }
}
