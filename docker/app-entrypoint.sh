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

# The checkpoint key signs the checkpoints and the archive packages. Made once, on the
# checkpoints volume, unless a key is given (BATCHTRACE_CHECKPOINT_KEYSTORE and its password).
CHECKPOINTS=${BATCHTRACE_CHECKPOINTS_HOME:-/var/lib/batchtrace/checkpoints}
if [ -z "${BATCHTRACE_CHECKPOINT_KEYSTORE:-}" ] && [ -d "$CHECKPOINTS" ] && [ -w "$CHECKPOINTS" ]; then
  mkdir -p "$CHECKPOINTS/log"
  if [ ! -s "$CHECKPOINTS/checkpoint-key.p12" ]; then
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$CHECKPOINTS/checkpoint-key.pass")
    (umask 077 && keytool -genkeypair -keyalg Ed25519 -alias checkpoint -validity 36500 \
      -dname "CN=Batchtrace checkpoints" -storetype PKCS12 -keystore "$CHECKPOINTS/checkpoint-key.p12" \
      -storepass:file "$CHECKPOINTS/checkpoint-key.pass" >/dev/null)
    keytool -exportcert -rfc -alias checkpoint -keystore "$CHECKPOINTS/checkpoint-key.p12" \
      -storetype PKCS12 -storepass:file "$CHECKPOINTS/checkpoint-key.pass" \
      -file "$CHECKPOINTS/checkpoint-certificate.pem" >/dev/null
    echo "batchtrace: made the checkpoint key in $CHECKPOINTS (certificate: checkpoint-certificate.pem)"
  fi
  BATCHTRACE_CHECKPOINT_KEYSTORE=$CHECKPOINTS/checkpoint-key.p12
  BATCHTRACE_CHECKPOINT_KEYSTORE_PASSWORD=$(cat "$CHECKPOINTS/checkpoint-key.pass")
  export BATCHTRACE_CHECKPOINT_KEYSTORE BATCHTRACE_CHECKPOINT_KEYSTORE_PASSWORD
fi

echo "batchtrace: starting WildFly"
exec "${JBOSS_HOME:-/opt/wildfly}/bin/standalone.sh" -b 0.0.0.0 "$@"
