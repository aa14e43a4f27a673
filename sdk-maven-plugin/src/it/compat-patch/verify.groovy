def check = { boolean ok, String message -> if (!ok) throw new AssertionError(message) }
String log = new File(basedir, "build.log").getText("UTF-8")
check(log.contains("codexplugin: baseline com.acme.it:tools-it:1.0.0 -> "), "log: the baseline was not resolved")
check(log.contains("tools-it 1.0.0 -> 1.0.1 declares a PATCH bump, but the changes need MAJOR; bump the version to at least 2.0.0"),
    "log: no verdict")
check(log.contains('MAJOR skill "versions": removed (needs a MAJOR version)'), "log: the change is not named")
check(log.contains("Raise <version> of the project, or undo the changes"), "log: no fix")
return true
