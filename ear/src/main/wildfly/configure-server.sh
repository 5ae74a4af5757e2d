#!/usr/bin/env bash
# Configures the unpacked WildFly release for Batchtrace, only through jboss-cli:
#   configure-server.sh <jboss-home> <postgresql.jar>
# Re-runnable: every run starts again from the release's own standalone.xml (kept as
# standalone.xml.release on the first run), so the server always matches the CLI scripts in
# the repository and nothing configured by hand survives a build.
set -euo pipefail

jboss_home=${1:?jboss home}
driver_jar=${2:?postgresql driver jar}
here=$(cd "$(dirname "$0")" && pwd)
config=$jboss_home/standalone/configuration

[[ -x $jboss_home/bin/jboss-cli.sh ]] || { echo "No WildFly at $jboss_home" >&2; exit 1; }

if [[ ! -f $config/standalone.xml.release ]]; then
  cp "$config/standalone.xml" "$config/standalone.xml.release"
fi
cp "$config/standalone.xml.release" "$config/standalone.xml"
rm -rf "$jboss_home/modules/org/postgresql" "$config/standalone_xml_history"

export JAVA_OPTS="${JAVA_OPTS:-} -Djava.awt.headless=true"
"$jboss_home/bin/jboss-cli.sh" --command="module add --name=org.postgresql \
  --resources=$driver_jar \
  --dependencies=java.logging,java.sql,java.naming,java.security.jgss,jakarta.transaction.api"
"$jboss_home/bin/jboss-cli.sh" --file="$here/configure.cli"
echo "WildFly at $jboss_home configured for Batchtrace"
