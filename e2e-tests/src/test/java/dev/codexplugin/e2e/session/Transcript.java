package dev.codexplugin.e2e.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A short, deterministic markdown transcript of a session test, {@code transcript.md} in the test's work folder:
 * what the scripted model server answered and the tool results it received on each main request, and the lines of
 * the host's stdout that show the tool calls. Identifiers that change from run to run (session ids, message uuids,
 * durations, costs) are left out of the stdout lines and the work folder is written {@code <work>}; nothing else is
 * changed, so the lines are the host's own words.
 */
final class Transcript {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> VOLATILE = Set.of("session_id", "uuid", "thread_id", "timestamp", "request_id",
      "total_cost_usd", "subagent_stats");

  private final StringBuilder md = new StringBuilder();
  private final Path work;

  Transcript(String title, Path work) {
    this.work = work;
    md.append("# ").append(title).append("\n\n");
  }

  Transcript line(String text) {
    md.append(normalize(text)).append("\n\n");
    return this;
  }

  /** Each main request the model server received: its answer and the tool results it carried. */
  Transcript model(List<RecordedRequest> main, List<ModelScript.ToolCall> calls) {
    md.append("## What the scripted model server received\n\n");
    for (int i = 0; i < main.size(); i++) {
      RecordedRequest r = main.get(i);
      String answer = r.answer();
      if (i < calls.size() && answer.startsWith("call ")) {
        answer += " " + calls.get(i).argumentsJson();
      }
      md.append(i + 1).append(". `").append(r.method()).append(' ').append(r.path().replaceAll("\\?.*", ""))
          .append("` carrying ").append(r.toolResults().size()).append(" tool result(s); answered: `")
          .append(answer).append("`\n");
      for (int k = 0; k < r.toolResults().size(); k++) {
        md.append("   - tool result ").append(k + 1).append(": `")
            .append(normalize(r.toolResults().get(k)).replace("`", "'").replace("\n", " \u23ce ")).append("`\n");
      }
    }
    md.append('\n');
    return this;
  }

  /** The JSON lines of the host's stdout that {@code keep} selects, without their volatile fields. */
  Transcript stdout(String heading, HostRun run, Predicate<JsonNode> keep) {
    md.append("## ").append(heading).append("\n\n```json\n");
    for (JsonNode line : run.jsonLines()) {
      if (keep.test(line)) {
        JsonNode copy = line.deepCopy();
        strip(copy);
        md.append(normalize(copy.toString())).append('\n');
      }
    }
    md.append("```\n\n");
    return this;
  }

  /** The lines of the host's stderr that {@code keep} selects, without a leading time stamp. */
  Transcript stderr(String heading, HostRun run, Predicate<String> keep) {
    md.append("## ").append(heading).append("\n\n```\n");
    for (String line : run.stderr().lines().toList()) {
      if (keep.test(line)) {
        md.append(normalize(line.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\s+", ""))).append('\n');
      }
    }
    md.append("```\n\n");
    return this;
  }

  /** Writes {@code transcript.md} into {@code dir} and returns its path. */
  Path write(Path dir) throws IOException {
    Path file = dir.resolve("transcript.md");
    Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    System.out.println("transcript: " + file + "\n" + md);
    return file;
  }

  private String normalize(String text) {
    return text.replace(work.toString(), "<work>").replaceAll("Wall time: [0-9.]+ seconds", "Wall time: <t> seconds");
  }

  /** Removes the fields that change from run to run: ids, times, durations ({@code *_ms}), usage and cost. */
  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      List<String> names = new java.util.ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (VOLATILE.contains(name) || name.endsWith("_ms") || name.toLowerCase(java.util.Locale.ROOT).contains("usage")
            || name.startsWith("fast_mode")) {
          o.remove(name);
        }
      }
    }
    node.forEach(Transcript::strip);
  }
}
