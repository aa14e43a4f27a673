import java.security.MessageDigest
import java.util.concurrent.TimeUnit

def fail = { String message -> throw new AssertionError(message) }
def check = { boolean ok, String message -> if (!ok) fail(message) }
def text = { File f -> check(f.isFile(), "missing " + f); f.getText("UTF-8") }
def sha256 = { File f -> MessageDigest.getInstance("SHA-256").digest(f.bytes).encodeHex().toString() }

File team = new File(basedir, "team")
File teammate = new File(basedir, "teammate")
File repo = new File(basedir, "repo")

// One section of build.log per Maven invocation, in order.
List<String> steps = text(new File(basedir, "build.log")).split(/(?m)^\[INFO\] Scanning for projects\.\.\.$/)
    .drop(1)
check(steps.size() == 10, "expected 10 Maven runs in build.log, found " + steps.size())
def step = { int n -> steps[n - 1] }
def has = { int n, String s -> check(step(n).contains(s), "step " + n + " does not print \"" + s + "\":\n" + step(n)) }

// 1, 2, 7: mvn deploy filled the repository
for (String v : ["1.0.0", "1.1.0", "1.2.0"]) {
  check(new File(repo, "com/acme/it/team-it/${v}/team-it-${v}.jar").isFile(), "team-it ${v} was not deployed")
}
File cliFolder = new File(repo, "dev/codexplugin/sdk-cli").listFiles().find { it.isDirectory() }
File cliJar = cliFolder?.listFiles()?.find { it.name.endsWith("-all.jar") }
check(cliJar != null, "the CLI jar was not deployed into " + cliFolder)
String cliVersion = cliJar.name.replaceFirst(/^sdk-cli-/, "").replaceFirst(/-all\.jar$/, "")
check(cliVersion ==~ /\d+\.\d+\.\d+-\d{8}\.\d{6}-\d+/, "the deployed CLI is not a timestamped snapshot: " + cliVersion)

// 3: init, without a project: the declaration, an empty lock, the wrapper pinned to the deployed CLI
has(3, "BUILD SUCCESS")
has(3, "wrote " + new File(team, "codexplugin.json").path)
has(3, "running dev.codexplugin:sdk-cli:jar:all:${cliVersion} (sha256 ${sha256(cliJar)})")
String declaration = text(new File(team, "codexplugin.json"))
check(declaration.contains('"marketplace": "team-tools"'), "declaration: " + declaration)
check(declaration.contains('"url": "file:' + repo.absolutePath + '"'), "declaration: " + declaration)
String pin = text(new File(team, ".codexplugin-wrapper/codexplugin-wrapper.properties"))
check(pin.contains("cli=dev.codexplugin:sdk-cli:jar:all:${cliVersion}\nsha256=${sha256(cliJar)}\n"
    + "repositories=team=file:${repo.absolutePath}\n"), "wrapper pin: " + pin)
check(new File(team, "codexplugin").canExecute(), "./codexplugin is not executable")
check(new File(team, "codexplugin.cmd").isFile() && new File(team, ".codexplugin-wrapper/CodexpluginWrapper.java").isFile(),
    "the wrapper's files are missing")

// 4: add locks the newest in range, with the jar's and every bundle file's sha256
has(4, "added com.acme.it:team-it@^1.0.0: team-it 1.1.0")
String lock = text(new File(team, "codexplugin-lock.json"))
File jar110 = new File(repo, "com/acme/it/team-it/1.1.0/team-it-1.1.0.jar")
check(lock.contains('"version": "1.1.0"') && lock.contains('"repository": "team"'), "lock: " + lock)
check(lock.contains('"sha256": "' + sha256(jar110) + '"'), "the lock does not hold the jar's sha256: " + lock)
File bundle110 = new File(basedir, "publisher-1.1.0/src/main/resources/META-INF/codex-plugins/team-it")
for (String f : [".codex-plugin/plugin.json", "skills/review/SKILL.md", "skills/testing/SKILL.md"]) {
  check(lock.contains('"' + f + '": "' + sha256(new File(bundle110, f)) + '"'), "lock misses " + f + ": " + lock)
}
check(new File(team, ".codexplugin/marketplace/plugins/team-it/skills/testing/SKILL.md").isFile(),
    "the managed marketplace was not written")

// 5: install of an installed lock
has(5, "up to date: team-it 1.1.0")

// 6: a teammate with the declaration alone: install writes the same lock, byte for byte
has(6, "locked and installed team-it 1.1.0 into " + new File(teammate, ".codexplugin/marketplace").path
    + " (no host command run: --no-hosts)")
check(new File(teammate, "codexplugin-lock.json").bytes == new File(team, "codexplugin-lock.json").bytes,
    "the teammate's lock differs from the team's")

// 8: outdated: 1.2.0 is in range, and the diff says it needs a major version
check((step(8) =~ /team-it\s+1\.1\.0\s+1\.2\.0\s+1\.2\.0/).find(), "outdated: no current/wanted/latest line:\n" + step(8))
has(8, "1.2.0 (in range)  needs MAJOR: team-it 1.1.0 -> 1.2.0 declares a MINOR bump, but the changes need MAJOR")

// 9: update refuses 1.2.0 (a skill removed under a minor bump): the build fails, the lock stays
has(9, "refused team-it 1.1.0 -> 1.2.0 declares a MINOR bump, but the changes need MAJOR")
has(9, '! MAJOR skill "review": removed')
has(9, "team-it 1.1.0: stays")
has(9, "update refused a newer version in range")
has(9, "BUILD FAILURE")
check(new File(team, "codexplugin-lock.json").text == lock, "the refused update changed the lock")

// 10: status, and the plugin's realm (-X) without Maven Resolver or the settings builder of its own
check((step(10) =~ /team-it\s+\^1\.0\.0\s+1\.1\.0/).find(), "status: no declared/locked line:\n" + step(10))
has(10, "no drift")
List<String> realm = []
boolean inRealm = false
for (String line : step(10).readLines()) {
  if (line.contains("Populating class realm plugin>dev.codexplugin:sdk-maven-plugin")) {
    inRealm = true
  } else if (inRealm && line.contains("Included: ")) {
    realm << line.substring(line.indexOf("Included: ") + 10).trim()
  } else if (inRealm) {
    inRealm = false
  }
}
check(realm.any { it.startsWith("dev.codexplugin:sdk-packages:") }, "no plugin realm in the -X log: " + realm)
check(!realm.any { it.contains("maven-resolver") || it.contains("maven-settings") || it.contains(":maven-") },
    "the plugin realm carries Maven's own libraries: " + realm)
println "plugin realm: " + realm

// The committed wrapper, as a teammate runs it: fetches the pinned CLI from ./repo, checks it, runs status.
File home = new File(basedir, "wrapper-home")
ProcessBuilder pb = new ProcessBuilder(new File(team, "codexplugin").path, "status", "--no-hosts")
    .directory(team).redirectErrorStream(true)
pb.environment().put("HOME", home.path)
pb.environment().put("CODEXPLUGIN_HOME", new File(home, ".codexplugin").path)
pb.environment().put("JAVA_HOME", System.getProperty("java.home"))
Process p = pb.start()
String out = p.inputStream.getText("UTF-8")
check(p.waitFor(120, TimeUnit.SECONDS), "the wrapper did not finish")
println "./codexplugin status --no-hosts:\n" + out
check(p.exitValue() == 0, "the wrapper exited with " + p.exitValue() + ":\n" + out)
check(out.contains("sha256 verified"), "the wrapper did not verify the CLI:\n" + out)
check(out.contains("no drift"), "the CLI run by the wrapper did not print status:\n" + out)
check(new File(home, ".codexplugin/wrapper/dists/${sha256(cliJar)}.jar").isFile(), "the CLI was not cached")
return true
