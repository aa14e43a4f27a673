def check = { boolean ok, String message -> if (!ok) throw new AssertionError(message) }
String log = new File(basedir, "build.log").getText("UTF-8")
check(log.contains("codexplugin: skipped (codexplugin.skip)"), "log: not skipped")
check(!new File(basedir, "target/codex-plugin").exists(), "exported although skipped")
check(new File(basedir, "target/skip-1.0.0.jar").isFile(), "the build did not run")
return true
