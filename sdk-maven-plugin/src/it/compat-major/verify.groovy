def check = { boolean ok, String message -> if (!ok) throw new AssertionError(message) }
String log = new File(basedir, "build.log").getText("UTF-8")
check(log.contains("tools-it 1.0.0 -> 2.0.0 declares a MAJOR bump; the changes need MAJOR: compatible"), "log: no verdict")
check(log.contains('MAJOR skill "versions": removed'), "log: the change is not listed")
return true
