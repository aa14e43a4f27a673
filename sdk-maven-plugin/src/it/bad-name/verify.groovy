def check = { boolean ok, String message -> if (!ok) throw new AssertionError(message) }
String log = new File(basedir, "build.log").getText("UTF-8")
check(log.contains('[codexplugin:BadKey] marketplace name "acme.tools" must be 1-64 characters of letters, digits, _ and -'),
    "log: no BadKey error")
check(log.contains('use "acme-tools"'), "log: no suggestion")
check(log.contains("Fix <marketplace> in the configuration of sdk-maven-plugin"), "log: no hint")
check(!new File(basedir, "target/codex-plugin").exists(), "an output folder was written")
return true
