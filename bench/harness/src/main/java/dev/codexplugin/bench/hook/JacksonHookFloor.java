package dev.codexplugin.bench.hook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The same decision with Jackson instead of sdk-hooks' own JSON reader and writer, and nothing else (no deadline,
 * no log line): what Jackson's start costs a hook process.
 */
public final class JacksonHookFloor {
  private JacksonHookFloor() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode input = mapper.readTree(System.in);
    if (input.path("tool_input").path("level").asText().equals("MAJOR")) {
      ObjectNode out = mapper.createObjectNode();
      ObjectNode specific = out.putObject("hookSpecificOutput");
      specific.put("hookEventName", "PreToolUse");
      specific.put("permissionDecision", "deny");
      specific.put("permissionDecisionReason", BenchPolicy.REASON);
      System.out.println(mapper.writeValueAsString(out));
    }
  }
}
