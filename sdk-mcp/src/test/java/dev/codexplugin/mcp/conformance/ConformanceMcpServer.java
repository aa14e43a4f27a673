package dev.codexplugin.mcp.conformance;

import dev.codexplugin.mcp.CompletionMethod;
import dev.codexplugin.mcp.McpHttpServer;
import dev.codexplugin.mcp.McpToolServer;
import dev.codexplugin.mcp.PromptMethod;
import dev.codexplugin.mcp.ResourceMethod;
import dev.codexplugin.mcp.ToolMethod;
import dev.codexplugin.mcp.ToolServerDefinition;
import java.util.List;
import java.util.function.Supplier;

/**
 * The conformance server, as the processor would generate it for a plugin "conformance": {@code main} serves
 * it over stdio, or over Streamable HTTP with {@code --http} followed by {@link McpHttpServer}'s options.
 */
public final class ConformanceMcpServer implements ToolServerDefinition {
  private final Supplier<ConformanceTools> instance = ConformanceTools_McpTools.instance();

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--http")) {
      McpHttpServer.serve(new ConformanceMcpServer(), java.util.Arrays.copyOfRange(args, 1, args.length));
    } else {
      McpToolServer.serve(new ConformanceMcpServer());
    }
  }

  @Override
  public String serverName() {
    return "conformance";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public List<ToolMethod> tools() {
    return ConformanceTools_McpTools.tools(instance);
  }

  @Override
  public List<ResourceMethod> resources() {
    return ConformanceTools_McpTools.resources(instance);
  }

  @Override
  public List<PromptMethod> prompts() {
    return ConformanceTools_McpTools.prompts(instance);
  }

  @Override
  public List<CompletionMethod> completions() {
    return ConformanceTools_McpTools.completions(instance);
  }
}
