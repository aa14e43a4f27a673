package dev.codexplugin.mcp;

import java.util.List;

/** Small tool server definitions for edge cases, built the way generated code builds them. */
final class Definitions {
  static final String EMPTY_INPUT = "{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}";

  private Definitions() {}

  static ToolServerDefinition of(String serverName, ToolMethod... tools) {
    List<ToolMethod> list = List.of(tools);
    return new ToolServerDefinition() {
      @Override
      public String serverName() {
        return serverName;
      }

      @Override
      public String version() {
        return "1.0.0";
      }

      @Override
      public List<ToolMethod> tools() {
        return list;
      }
    };
  }

  /** An unstructured tool with this input schema. */
  static ToolMethod tool(String name, String inputSchema, ToolCall call) {
    return new ToolMethod(name,
        "{\"name\":\"" + name + "\",\"description\":\"test\",\"inputSchema\":" + inputSchema + "}", false, call);
  }

  /** A structured tool without arguments and with this output schema. */
  static ToolMethod structured(String name, String outputSchema, ToolCall call) {
    return new ToolMethod(name, "{\"name\":\"" + name + "\",\"description\":\"test\",\"inputSchema\":"
        + EMPTY_INPUT + ",\"outputSchema\":" + outputSchema + "}", true, call);
  }

  /** A tool with a descriptor as given. */
  static ToolMethod raw(String name, String descriptor, boolean structured) {
    return new ToolMethod(name, descriptor, structured, args -> "ok");
  }
}
