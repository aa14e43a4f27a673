#!/bin/sh
# codexplugin wrapper: runs the codexplugin CLI that this project pins, as ./mvnw runs Maven. Written by
# `codexplugin init`; commit it with .codexplugin-wrapper/. Needs only a JDK 17+ (JAVA_HOME or java on PATH).
#
# The first run fetches the pinned CLI jar from the team's Maven repositories (.codexplugin-wrapper/
# codexplugin-wrapper.properties), checks its sha256 and caches it in ${CODEXPLUGIN_HOME:-~/.codexplugin}/wrapper/;
# every run after that starts the cached jar at once, without the network. CODEXPLUGIN_OPTS adds JVM options.
set -e

die() {
  echo "codexplugin wrapper: error: $*" >&2
  exit 1
}

dir=$(cd "$(dirname "$0")" && pwd -P) || die "cannot find the folder of $0"
properties="$dir/.codexplugin-wrapper/codexplugin-wrapper.properties"
[ -f "$properties" ] || die "$properties is missing; run \`codexplugin init\` to write the wrapper's files"
sha256=$(sed -n 's/^sha256=\([0-9a-f]\{64\}\)[[:space:]]*$/\1/p' "$properties")
[ -n "$sha256" ] || die "$properties: sha256= must be 64 lower-case hex digits; run \`codexplugin init\` again to pin the CLI"

if [ -n "$JAVA_HOME" ]; then
  java="$JAVA_HOME/bin/java"
  [ -x "$java" ] || die "JAVA_HOME is $JAVA_HOME, which has no bin/java; set it to a JDK 17+"
else
  java=$(command -v java) || die "no java on PATH; install a JDK 17+ or set JAVA_HOME"
fi

jar="${CODEXPLUGIN_HOME:-$HOME/.codexplugin}/wrapper/dists/$sha256.jar"
if [ ! -f "$jar" ]; then
  "$java" "$dir/.codexplugin-wrapper/CodexpluginWrapper.java" "$properties" "$jar" || exit 1
fi
# shellcheck disable=SC2086 # CODEXPLUGIN_OPTS holds several options
exec "$java" $CODEXPLUGIN_OPTS -jar "$jar" "$@"
