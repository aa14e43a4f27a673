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

# Every run starts here: the script forks no other process before the JVM (a busy machine makes each one wait
# for a core), so it finds its folder, reads the pin and names the archive with the shell's own means.
case $0 in
  */*) dir=${0%/*} ;;
  *) dir=. ;;
esac
here=$PWD
cd -P "$dir" || die "cannot find the folder of $0"
dir=$PWD
cd "$here" || die "cannot return to $here"
properties="$dir/.codexplugin-wrapper/codexplugin-wrapper.properties"
[ -f "$properties" ] || die "$properties is missing; run \`codexplugin init\` to write the wrapper's files"
sha256=
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    sha256=*) sha256=${line#sha256=} ;;
  esac
done < "$properties"
sha256=${sha256%"${sha256##*[![:space:]]}"}
case $sha256 in
  *[!0-9a-f]*) sha256= ;;
esac
[ ${#sha256} -eq 64 ] || die "$properties: sha256= must be 64 lower-case hex digits; run \`codexplugin init\` again to pin the CLI"

if [ -n "$JAVA_HOME" ]; then
  java="$JAVA_HOME/bin/java"
  [ -x "$java" ] || die "JAVA_HOME is $JAVA_HOME, which has no bin/java; set it to a JDK 17+"
else
  java=$(command -v java) || die "no java on PATH; install a JDK 17+ or set JAVA_HOME"
fi

dists="${CODEXPLUGIN_HOME:-$HOME/.codexplugin}/wrapper/dists"
jar="$dists/$sha256.jar"
if [ ! -f "$jar" ]; then
  "$java" "$dir/.codexplugin-wrapper/CodexpluginWrapper.java" "$properties" "$jar" || exit 1
fi

# The JVM takes user.home from the password database, the hosts (Codex, Claude Code) take $HOME: give the CLI
# $HOME, so that it finds ~/.m2, ~/.codex and ~/.claude where the hosts do. A short-lived command line starts
# faster with C1 only and the serial collector, and with a class-data archive of the CLI: made by the first
# run with this java (into a file of its own, renamed when the run ends), used by every run after it; an archive
# the JVM cannot use is ignored (-Xshare:auto), and the JVM's warnings stay off the CLI's output.
flags="-XX:+IgnoreUnrecognizedVMOptions -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:disable"
flags="$flags -Xlog:all=error:stderr"
# One archive per java: its path, / made _, names it.
key= rest=$java
while [ -n "$rest" ]; do
  case $rest in
    */*) key="$key${rest%%/*}_"; rest=${rest#*/} ;;
    *) key="$key$rest"; rest= ;;
  esac
done
archive="$dists/$sha256-$key.jsa"
if [ -f "$archive" ]; then
  # shellcheck disable=SC2086 # $flags and CODEXPLUGIN_OPTS hold several options
  exec "$java" ${HOME:+"-Duser.home=$HOME"} $flags "-XX:SharedArchiveFile=$archive" $CODEXPLUGIN_OPTS -jar "$jar" "$@"
fi
status=0
# shellcheck disable=SC2086
"$java" ${HOME:+"-Duser.home=$HOME"} $flags "-XX:ArchiveClassesAtExit=$archive.$$" $CODEXPLUGIN_OPTS -jar "$jar" "$@" \
  || status=$?
if [ -s "$archive.$$" ]; then
  mv -f "$archive.$$" "$archive" 2>/dev/null || rm -f "$archive.$$"
else
  rm -f "$archive.$$"
fi
exit $status
