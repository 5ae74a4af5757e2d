#!/bin/sh
# Container entrypoint of the Batchtrace application image.
#
# 1. Migrates the database schema with the Flyway-based migrator (as the schema owner role),
#    so the application role (BATCHTRACE_DB_USER) never needs DDL rights. The migrator reads
#    BATCHTRACE_DB_URL, BATCHTRACE_DB_OWNER_USER, BATCHTRACE_DB_OWNER_PASSWORD and
#    BATCHTRACE_DB_USER (to grant it its privileges) from the environment.
# 2. Starts WildFly (exec: standalone.sh replaces this shell as PID 1 and, with
#    LAUNCH_JBOSS_IN_BACKGROUND=true, forwards SIGTERM from `docker stop` to the server JVM).
# A failed migration stops the container: the application never runs on an unknown schema.
set -eu

: "${BATCHTRACE_DB_URL:?BATCHTRACE_DB_URL must be set}"
: "${BATCHTRACE_DB_OWNER_USER:?BATCHTRACE_DB_OWNER_USER must be set}"
: "${BATCHTRACE_DB_OWNER_PASSWORD:?BATCHTRACE_DB_OWNER_PASSWORD must be set}"
: "${BATCHTRACE_DB_USER:?BATCHTRACE_DB_USER must be set}"

echo "batchtrace: migrating database schema at ${BATCHTRACE_DB_URL}"
java -jar /opt/batchtrace/batchtrace-db-migrator.jar

echo "batchtrace: starting WildFly"
exec "${JBOSS_HOME:-/opt/wildfly}/bin/standalone.sh" -b 0.0.0.0 "$@"
