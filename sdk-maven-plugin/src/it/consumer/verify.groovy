def check = { boolean ok, String message -> if (!ok) throw new AssertionError(message) }

File out = new File(basedir, "target/codex-plugin")
String codex = new File(out, ".agents/plugins/marketplace.json").getText("UTF-8")
// the name defaults to the artifactId of the exported artifact
check(codex.contains('"name": "tools-it"'), "marketplace: " + codex)
check(!new File(out, ".claude-plugin").exists(), "claude files without format both")
def libs = new File(out, "plugins/tools-it/lib").list().toList().sort()
check(libs == ["picocli-4.7.7.jar", "tools-it-1.0.0.jar"], "lib/ holds " + libs)
check(new File(out, "plugins/tools-it/lib/tools-it-1.0.0.jar").bytes
    == new File(localRepositoryPath, "com/acme/it/tools-it/1.0.0/tools-it-1.0.0.jar").bytes, "jar differs")
String log = new File(basedir, "build.log").getText("UTF-8")
check(log.contains("codexplugin: resolved com.acme.it:tools-it:1.0.0"), "log: no resolve line")
return true
