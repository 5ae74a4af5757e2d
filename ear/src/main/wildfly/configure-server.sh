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

# standalone.xml: one node; standalone-ha.xml: a node of a clustered site (./batchtrace cluster).
for profile in standalone standalone-ha; do
  if [[ ! -f $config/$profile.xml.release ]]; then
    cp "$config/$profile.xml" "$config/$profile.xml.release"
  fi
  cp "$config/$profile.xml.release" "$config/$profile.xml"
done
rm -rf "$jboss_home/modules/org/postgresql" "$config/standalone_xml_history"

export JAVA_OPTS="${JAVA_OPTS:-} -Djava.awt.headless=true"
"$jboss_home/bin/jboss-cli.sh" --command="module add --name=org.postgresql \
  --resources=$driver_jar \
  --dependencies=java.logging,java.sql,java.naming,java.security.jgss,jakarta.transaction.api"
"$jboss_home/bin/jboss-cli.sh" --file="$here/configure.cli"
# The same configuration for the clustered profile, then what only a cluster node needs.
sed 's/--server-config=standalone.xml/--server-config=standalone-ha.xml/' "$here/configure.cli" \
  >"$config/configure-ha-base.cli"
"$jboss_home/bin/jboss-cli.sh" --file="$config/configure-ha-base.cli"
rm -f "$config/configure-ha-base.cli"
"$jboss_home/bin/jboss-cli.sh" --file="$here/configure-ha.cli"
echo "WildFly at $jboss_home configured for Batchtrace"
