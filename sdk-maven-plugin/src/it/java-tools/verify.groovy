import java.util.zip.ZipFile

def fail = { String message -> throw new AssertionError(message) }
def check = { boolean ok, String message -> if (!ok) fail(message) }
def text = { File f -> check(f.isFile(), "missing " + f); f.getText("UTF-8") }

File out = new File(basedir, "target/codex-plugin")
File plugin = new File(out, "plugins/tools-it")

// the marketplace, with the configured settings
String codex = text(new File(out, ".agents/plugins/marketplace.json"))
check(codex.contains('"name": "acme-tools"'), "marketplace name: " + codex)
check(codex.contains('"displayName": "Acme Tools"'), "display name: " + codex)
check(codex.contains('"installation": "INSTALLED_BY_DEFAULT"'), "policy: " + codex)
check(codex.contains('"category": "developer-tools"'), "category: " + codex)
check(codex.contains('"path": "./plugins/tools-it"'), "path: " + codex)

// lib/: the project jar and its compile/runtime dependencies, nothing provided or test
def libs = new File(plugin, "lib").list().toList().sort()
check(libs == ["picocli-4.7.7.jar", "tools-it-1.0.0.jar"], "lib/ holds " + libs)
check(new File(plugin, "lib/tools-it-1.0.0.jar").bytes == new File(basedir, "target/tools-it-1.0.0.jar").bytes,
    "lib/tools-it-1.0.0.jar differs from the project jar")

// the bundle files, byte for byte from the jar (plugin.json and .mcp.json are rewritten for Claude Code)
File bundle = new File(basedir, "src/main/resources/META-INF/codex-plugins/tools-it")
for (String f : ["mcp-tools.json", "skills/versions/SKILL.md"]) {
  check(new File(plugin, f).bytes == new File(bundle, f).bytes, f + " differs from the jar")
}

// format both: the Claude Code files beside the Codex ones
String claudeMarket = text(new File(out, ".claude-plugin/marketplace.json"))
check(claudeMarket.contains('"owner": {\n    "name": "Acme Platform Team"\n  }'), "owner: " + claudeMarket)
check(claudeMarket.contains('"source": "./plugins/tools-it"'), "claude source: " + claudeMarket)
String claudeMcp = text(new File(plugin, ".mcp.json"))
check(claudeMcp.contains('"${CLAUDE_PLUGIN_ROOT}/lib/*"'), "claude .mcp.json: " + claudeMcp)
String codexManifest = text(new File(plugin, ".codex-plugin/plugin.json"))
check(codexManifest.contains('"cwd": "."') && codexManifest.contains('"lib/*"'), "inline servers: " + codexManifest)
check(!text(new File(plugin, ".claude-plugin/plugin.json")).contains("interface"), "claude manifest has interface")

// the zip, attached and installed with the classifier codex-plugin
File zip = new File(basedir, "target/codex-plugin.zip")
check(zip.isFile(), "missing " + zip)
def names = new ZipFile(zip).withCloseable { z -> z.entries().collect { it.name } }
check(names.contains("codex-plugin/plugins/tools-it/lib/picocli-4.7.7.jar"), "zip entries " + names)
check(names == names.toSorted(), "zip entries are not sorted: " + names)
File installed = new File(localRepositoryPath, "com/acme/it/tools-it/1.0.0/tools-it-1.0.0-codex-plugin.zip")
check(installed.isFile(), "the zip was not attached: missing " + installed)
check(installed.bytes == zip.bytes, "the installed zip differs")

String log = text(new File(basedir, "build.log"))
check(log.contains("codexplugin: exported marketplace acme-tools (both)"), "log: no export line")
check(log.contains("codex plugin add tools-it@acme-tools"), "log: no install hint")
return true
