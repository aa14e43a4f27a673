// The local repository outlives this folder (target/local-repo): nothing of an earlier run may look published.
new File(localRepositoryPath, "com/acme/it").deleteDir()

// The team's repository is ./repo; its URL is absolute, so it is written here, for every invocation
// (test.properties: user properties) and into the teammate's declaration, which a team would have committed.
String url = "file:" + new File(basedir, "repo").absolutePath
new File(basedir, "test.properties").setText("""\
codexplugin.repositories=team=${url}
codexplugin.noHosts=true
url=${url}
""", "UTF-8")
File teammate = new File(basedir, "teammate")
teammate.mkdirs()
new File(teammate, "codexplugin.json").setText("""\
{
  "marketplace": "team-tools",
  "scope": "project",
  "hosts": ["claude", "codex"],
  "repositories": [{"id": "team", "url": "${url}"}],
  "plugins": [{"id": "com.acme.it:team-it", "range": "^1.0.0"}]
}
""", "UTF-8")
return true
