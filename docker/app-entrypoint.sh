#!/bin/sh
# Container entrypoint of the Batchtrace application image: starts WildFly.
#
# The schema is migrated before, as its own step, by the migrator of the same image run as the
# owner role (compose.yaml: the service `migrate`, entrypoint
# `java -jar /opt/batchtrace/batchtrace-db-migrator.jar`). The application never holds the
# owner's credentials: this entrypoint refuses to start WildFly with them in its environment.
# exec: standalone.sh replaces this shell as PID 1 and, with LAUNCH_JBOSS_IN_BACKGROUND=true,
# forwards SIGTERM from `docker stop` to the server JVM.
set -eu

: "${BATCHTRACE_DB_URL:?BATCHTRACE_DB_URL must be set}"
: "${BATCHTRACE_DB_USER:?BATCHTRACE_DB_USER must be set}"
if [ -n "${BATCHTRACE_DB_OWNER_PASSWORD:-}" ]; then
  echo "batchtrace: BATCHTRACE_DB_OWNER_PASSWORD is set for the application container;" \
    "only the migrate step may hold the owner's credentials. Remove it." >&2
  exit 1
fi

echo "batchtrace: starting WildFly"
exec "${JBOSS_HOME:-/opt/wildfly}/bin/standalone.sh" -b 0.0.0.0 "$@"
