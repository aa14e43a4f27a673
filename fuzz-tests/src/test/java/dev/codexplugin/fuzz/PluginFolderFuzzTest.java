package dev.codexplugin.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.codexplugin.runtime.LoadResult;
import dev.codexplugin.runtime.PluginLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/**
 * The JSON and front-matter readers behind {@link PluginLoader#check(Path)}: fuzzed bytes as one file of a
 * plugin folder whose other files are valid. {@code check} reports bad input as findings, so any exception or
 * error that escapes it is a finding of the fuzzer. Seeds: {@code PluginFolderFuzzTestInputs/<method>/}.
 */
class PluginFolderFuzzTest {
  private static final byte[] MANIFEST = """
      {"name": "fuzz", "version": "1.0.0", "description": "A plugin folder for the fuzzer."}
      """.getBytes(UTF_8);
  private static final byte[] SKILL = """
      ---
      name: fuzz
      description: A skill for the fuzzer.
      ---
      Do what the fuzzer says.
      """.getBytes(UTF_8);
  private static final byte[] MCP = """
      {"mcpServers": {"fuzz": {"command": "echo", "args": ["fuzz"]}}}
      """.getBytes(UTF_8);
  private static final byte[] HOOKS = """
      {"hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "true"}]}]}}
      """.getBytes(UTF_8);

  /** One folder per JVM, its four files overwritten by each input: a fresh folder per input halves the rate. */
  private static final Path FOLDER = Folders.create("fuzz-plugin");

  static {
    Inputs.warmUp(() -> check(MANIFEST, SKILL, MCP, HOOKS));
  }

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void manifest(FuzzedDataProvider data) {
    check(data.consumeRemainingAsBytes(), SKILL, MCP, HOOKS);
  }

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void skill(FuzzedDataProvider data) {
    check(MANIFEST, data.consumeRemainingAsBytes(), MCP, HOOKS);
  }

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void mcpServers(FuzzedDataProvider data) {
    check(MANIFEST, SKILL, data.consumeRemainingAsBytes(), HOOKS);
  }

  @Timeout(Inputs.LIMIT_SECONDS)
  @FuzzTest(maxDuration = "30s")
  void hooks(FuzzedDataProvider data) {
    check(MANIFEST, SKILL, MCP, data.consumeRemainingAsBytes());
  }

  private static void check(byte[] manifest, byte[] skill, byte[] mcp, byte[] hooks) {
    Path folder = FOLDER;
    Folders.write(folder.resolve(".codex-plugin/plugin.json"), manifest);
    Folders.write(folder.resolve("skills/fuzz/SKILL.md"), skill);
    Folders.write(folder.resolve(".mcp.json"), mcp);
    Folders.write(folder.resolve("hooks/hooks.json"), hooks);
    LoadResult result = PluginLoader.check(folder);
    if (result == null) {
      throw new AssertionError("PluginLoader.check returned null");
    }
    // Every finding is rendered, as the CLI does: a message that cannot be built is a finding too.
    result.findings().forEach(f -> f.toString());
  }
}
