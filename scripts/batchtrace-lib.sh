# shellcheck shell=bash disable=SC2034  # (the settings are used by the scripts that source this)
# Shared by ./batchtrace and bench/run-benchmarks (sourced, not run): the local settings, the
# ports of every stack, and the functions that start, check and stop what they run.
# Sourcing it sets ROOT (the repository), STACK (.stack/, pid files and logs) and MVN (./mvnw),
# and changes into ROOT. The sourcing script sets `set -euo pipefail`.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK=$ROOT/.stack
# Every build goes through the Maven wrapper: the Maven version in .mvn/wrapper/maven-wrapper.properties.
MVN=$ROOT/mvnw
cd "$ROOT" || exit

# LOCAL DEMO credentials. Production sets its own (docs/operations.md, "Production set-up").
# The owner role's are NOT exported: only the migrator and the benchmarks' data generators get
# them (owner_env), so no WildFly started from here ever holds them in its environment.
DB_OWNER_USER=${BATCHTRACE_DB_OWNER_USER:-batchtrace_owner}
DB_OWNER_PASSWORD=${BATCHTRACE_DB_OWNER_PASSWORD:-batchtrace-owner-demo}
unset BATCHTRACE_DB_OWNER_USER BATCHTRACE_DB_OWNER_PASSWORD
export BATCHTRACE_DB_USER=${BATCHTRACE_DB_USER:-batchtrace_app}
export BATCHTRACE_DB_PASSWORD=${BATCHTRACE_DB_PASSWORD:-batchtrace-app-demo}
export BATCHTRACE_OIDC_CLIENT_SECRET=${BATCHTRACE_OIDC_CLIENT_SECRET:-batchtrace-demo-secret}
KC_ADMIN_PASSWORD=${KC_ADMIN_PASSWORD:-Admin-Local-1}
REALM_JSON=$ROOT/docker/keycloak/realm-plant.json

# Ports: the demo run, the test stack and the benchmarks can run side by side.
# WildFly listens on http 8080, https 8443 and management 9990, each plus its port offset.
RUN_HTTP=8080 RUN_KC=8180 RUN_KC_MGMT=9180 RUN_MQTT_PORT=1886
# The test stack: WildFly with port offset 200 (pom.xml test.http.port and test.port.offset,
# ear/pom.xml test.management.port), its Keycloak, its Mosquitto (start_uns_broker, TLS on 8885).
TEST_OFFSET=200 TEST_KC=8380 TEST_KC_MGMT=9380 TEST_MQTT_PORT=1885 TEST_MQTT_TLS_PORT=8885
# Ingestion benchmark and fault run: their own WildFly (port offset 400) and Mosquitto.
BENCH_OFFSET=400 BENCH_HTTP=8480 BENCH_MQTT_PORT=1884
# Terminal benchmark: the same WildFly set-up with a Keycloak of its own.
BENCH_KC=8580 BENCH_KC_MGMT=9580

say() { printf '\033[1mbatchtrace:\033[0m %s\n' "$*"; }
die() { printf '\033[1;31mbatchtrace: %s\033[0m\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
is_root() { [[ $(id -u) -eq 0 ]]; }

apt_install() {
  if is_root && command -v apt-get >/dev/null; then
    say "installing $* with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null ||
      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null; }
  else
    die "please install $* (Debian: sudo apt-get install -y $*), then run this again"
  fi
}

check_tools() {
  command -v java >/dev/null || die "Java 17 is needed: install a JDK 17 (Debian: apt-get install -y openjdk-17-jdk)"
  local v; v=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
  [[ ${v%%.*} -ge 17 ]] || die "Java 17 or later is needed, found $v"
  command -v curl >/dev/null || apt_install curl
  # ./mvnw fetches Maven once; without unzip it would take the .tar.gz, whose checksum is not the
  # pinned one (the .zip's), and refuse it.
  command -v unzip >/dev/null || apt_install unzip
  command -v psql >/dev/null || apt_install postgresql-client
}

# Builds the reactor (or the modules named with -pl ... -am) without running the tests.
build() {
  say "building (./mvnw -DskipTests package${*:+ $*})"
  "$MVN" -B -q -DskipTests package "$@"
}

ensure_postgres() {
  if ! port_open 5432; then
    if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then apt_install postgresql; fi
    say "starting PostgreSQL"
    local v
    # shellcheck disable=SC2012  # (the folders are version numbers)
    v=$(ls /etc/postgresql | sort -V | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$v" main start 2>/dev/null || pg_ctlcluster "$v" main start ||
      die "PostgreSQL did not start: see /var/log/postgresql/"
    for _ in $(seq 30); do port_open 5432 && break; sleep 1; done
  fi
  port_open 5432 || die "PostgreSQL is not listening on 127.0.0.1:5432"
  say "PostgreSQL is up on 127.0.0.1:5432"
}

# psql as a superuser: the local trust set-up of these machines, else the postgres OS user.
psql_super() {
  if psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -q -v ON_ERROR_STOP=1 "$@"
  elif is_root; then
    runuser -u postgres -- psql -d postgres -q -v ON_ERROR_STOP=1 "$@"
  else
    sudo -u postgres psql -d postgres -q -v ON_ERROR_STOP=1 "$@"
  fi
}

# Creates the owner and runtime roles and the database (db/bootstrap); "fresh" drops it first.
bootstrap_database() {
  local name=$1 fresh=${2:-}
  if [[ $fresh == fresh ]]; then
    psql_super -c "DROP DATABASE IF EXISTS $name WITH (FORCE)"
  fi
  psql_super -v db_name="$name" -v owner_password="$DB_OWNER_PASSWORD" \
    -v app_password="$BATCHTRACE_DB_PASSWORD" -f "$ROOT/db/bootstrap/create-roles-and-database.sql"
  say "database $name ready (owner $DB_OWNER_USER, application role $BATCHTRACE_DB_USER)"
}

# A database at the current schema: bootstrap_database <name> [fresh], then the built migrator
# (db/target, so build first) as its own step, before any server starts. Exports
# BATCHTRACE_DB_URL for what runs on it next. On the PostgreSQL at PGPORT (default 5432).
prepare_database() {
  bootstrap_database "$@"
  export BATCHTRACE_DB_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/$1
  owner_env java -jar "$ROOT/db/target/batchtrace-db-migrator.jar"
}

# Runs a command with the owner role's credentials in its environment, and only that command.
owner_env() {
  BATCHTRACE_DB_OWNER_USER=$DB_OWNER_USER BATCHTRACE_DB_OWNER_PASSWORD=$DB_OWNER_PASSWORD "$@"
}

# The checkpoint key of a stack in <dir> (issue 16): an Ed25519 key pair in a PKCS#12 keystore
# that only this user can read, made once with the JDK's keytool, with a random passphrase of its
# own (<dir>/checkpoint-key.pass, also 0600), and its public key for the offline verifier
# (<dir>/checkpoint-public-key.pem). The signed checkpoints go to <dir>/log. Exports the settings
# BATCHTRACE_CHECKPOINT_KEYSTORE, _KEYSTORE_PASSWORD and _DIR for the server started next.
# Never a default key: each stack makes its own on first start.
ensure_checkpoint_key() {
  local dir=$1
  mkdir -p "$dir/log"
  chmod 700 "$dir"
  if [[ ! -s $dir/checkpoint-key.p12 ]]; then
    rm -f "$dir/checkpoint-key.p12" "$dir/checkpoint-key.pass" "$dir/checkpoint-public-key.pem"
    (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$dir/checkpoint-key.pass")
    (umask 077 && keytool -genkeypair -keyalg Ed25519 -alias checkpoint -validity 36500 \
      -dname "CN=Batchtrace checkpoints $(hostname)" -storetype PKCS12 \
      -keystore "$dir/checkpoint-key.p12" -storepass:file "$dir/checkpoint-key.pass" >/dev/null 2>&1) ||
      die "keytool could not make the checkpoint key in $dir (JDK 17 has Ed25519)"
    say "made the checkpoint key $dir/checkpoint-key.p12 (Ed25519; public key: $dir/checkpoint-public-key.pem)"
  fi
  chmod 600 "$dir/checkpoint-key.p12" "$dir/checkpoint-key.pass"
  if [[ ! -s $dir/checkpoint-public-key.pem ]]; then
    keytool -exportcert -rfc -alias checkpoint -keystore "$dir/checkpoint-key.p12" -storetype PKCS12 \
      -storepass:file "$dir/checkpoint-key.pass" -file "$dir/checkpoint-certificate.pem" >/dev/null 2>&1 ||
      die "keytool could not export the checkpoint public key from $dir"
    if command -v openssl >/dev/null; then
      openssl x509 -in "$dir/checkpoint-certificate.pem" -pubkey -noout >"$dir/checkpoint-public-key.pem"
    else
      cp "$dir/checkpoint-certificate.pem" "$dir/checkpoint-public-key.pem"
    fi
  fi
  export BATCHTRACE_CHECKPOINT_KEYSTORE=$dir/checkpoint-key.p12
  BATCHTRACE_CHECKPOINT_KEYSTORE_PASSWORD=$(cat "$dir/checkpoint-key.pass")
  export BATCHTRACE_CHECKPOINT_KEYSTORE_PASSWORD
  export BATCHTRACE_CHECKPOINT_DIR=$dir/log
}

ensure_mosquitto() {
  command -v mosquitto >/dev/null && command -v mosquitto_passwd >/dev/null || apt_install mosquitto
  command -v openssl >/dev/null || apt_install openssl
}

# LOCAL DEMO credentials of the Unified Namespace (production sets its own, docs/operations.md).
export BATCHTRACE_MQTT_USERNAME=${BATCHTRACE_MQTT_USERNAME:-batchtrace-collector}
export BATCHTRACE_MQTT_PASSWORD=${BATCHTRACE_MQTT_PASSWORD:-collector-local-demo}
UNS_GATEWAY_PASSWORD=${UNS_GATEWAY_PASSWORD:-gateway-local-demo}
# The devices the tests publish as: each may write only under its own code (docker/mosquitto/acl).
UNS_TEST_DEVICES="line-a line-b"

# A Mosquitto of this stack's own on <port> that refuses anonymous clients: a password file made
# with mosquitto_passwd (the collector, the gateways, the test devices), the ACL of
# docker/mosquitto/acl, and with <tls-port> a TLS listener whose certificate a CA of its own signs
# (.stack/<name>/tls/ca.crt; other-ca.crt is a second CA that did not sign it, for the tests).
# Refuses a taken port; stops its own earlier broker by pid.
start_uns_broker() {
  local name=$1 port=$2 tls_port=${3:-} extra=${4:-}
  local dir=$STACK/$name
  stop_group "$name"
  require_free_ports "$port:$name" ${tls_port:+"$tls_port:$name TLS"}
  rm -rf "$dir"
  mkdir -p "$dir"
  local user
  touch "$dir/passwd"
  mosquitto_passwd -b "$dir/passwd" "$BATCHTRACE_MQTT_USERNAME" "$BATCHTRACE_MQTT_PASSWORD"
  for user in acme-gateway plant-gateway $UNS_TEST_DEVICES; do
    mosquitto_passwd -b "$dir/passwd" "$user" "$UNS_GATEWAY_PASSWORD"
  done
  # Read by the broker after it drops root for its own user mosquitto (hashes, not passwords).
  chmod 0644 "$dir/passwd"
  cat >"$dir/mosquitto.conf" <<CONF
# Generated by ./batchtrace (scripts/batchtrace-lib.sh): the $name broker. LOCAL ONLY.
allow_anonymous false
password_file $dir/passwd
acl_file $ROOT/docker/mosquitto/acl
# The collector acknowledges after its commit: let more than the default 20 messages travel, and
# never drop what is queued for its persistent session while the server is down.
max_inflight_messages 1000
max_queued_messages 0
max_queued_bytes 0
persistence false
log_dest stdout
log_type error
log_type warning
listener $port 127.0.0.1
CONF
  if [[ -n $tls_port ]]; then
    uns_test_certificates "$dir/tls"
    cat >>"$dir/mosquitto.conf" <<CONF
listener $tls_port 127.0.0.1
cafile $dir/tls/ca.crt
certfile $dir/tls/server.crt
keyfile $dir/tls/server.key
CONF
  fi
  [[ -n $extra ]] && printf '%s\n' "$extra" >>"$dir/mosquitto.conf"
  setsid mosquitto -c "$dir/mosquitto.conf" >"$STACK/$name.log" 2>&1 9>&- &
  echo $! >"$STACK/$name.pid"
  for _ in $(seq 20); do port_open "$port" && break; sleep 0.5; done
  port_open "$port" || die "the $name broker did not start: see $STACK/$name.log"
  say "$name (Mosquitto, users and ACL, no anonymous clients) on 127.0.0.1:$port${tls_port:+, TLS on $tls_port}"
}

# A throw-away CA and a server certificate for 127.0.0.1/localhost that it signs, plus a second CA
# that signs nothing: enough to prove that the collector checks whom it talks to.
uns_test_certificates() {
  local dir=$1
  mkdir -p "$dir"
  (
    cd "$dir"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -keyout ca.key -out ca.crt \
      -subj "/CN=Batchtrace test CA" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost" 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >san.ext
    openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 \
      -extfile san.ext -out server.crt 2>/dev/null
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -keyout other-ca.key -out other-ca.crt \
      -subj "/CN=Some other CA" 2>/dev/null
    # Mosquitto started as root runs as the user mosquitto, which must read these throw-away files.
    chmod 0644 ./*.key ./*.crt
  ) || die "could not make the test certificates in $dir (openssl)"
}

# A property of the parent pom.xml (plain text: batch mode, no colour codes).
pom_property() {
  "$MVN" -B -q -N -Dstyle.color=never help:evaluate -Dexpression="$1" -DforceStdout 2>/dev/null |
    sed 's/\x1b\[[0-9;]*m//g'
}

# Unpacks Keycloak from Maven Central into .stack/<name> (once), then starts it on <port>.
# "fresh" removes its database first, so the realm is imported exactly as in the repository.
# Signatures check a password with a direct grant each time, often one right after the other for
# the same person. Keycloak 26's brute-force protector refuses a login that overlaps another of
# the same user ("user temporarily disabled") unless concurrent requests are allowed; failed
# passwords are still counted and locked out as the realm says.
KC_SIGNING_OPTIONS="--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true"

start_keycloak() {
  local name=$1 port=$2 mgmt=$3 fresh=${4:-}
  local home=$STACK/$name version repo zip
  version=$(pom_property keycloak.version)
  if [[ ! -x $home/bin/kc.sh ]]; then
    say "fetching Keycloak $version from Maven Central"
    "$MVN" -B -q dependency:get -Dtransitive=false -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip"
    repo=$(pom_property settings.localRepository)
    zip=$repo/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip
    rm -rf "$home" "$STACK/keycloak-$version"
    mkdir -p "$STACK"
    (cd "$STACK" && jar xf "$zip") && mv "$STACK/keycloak-$version" "$home"
    chmod +x "$home"/bin/*.sh
  fi
  [[ $fresh == fresh ]] && rm -rf "$home/data/h2"
  mkdir -p "$home/data/import"
  cp "$REALM_JSON" "$home/data/import/realm-plant.json"
  # The sign-in page's theme (touch sizes, English and German), as the realm names it.
  rm -rf "$home/themes/batchtrace"
  cp -r "$ROOT/docker/keycloak/themes/batchtrace" "$home/themes/batchtrace"
  say "starting Keycloak on http://localhost:$port (log: .stack/$name.log)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
    setsid "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" \
    --http-management-port="$mgmt" --hostname="http://localhost:$port" --import-realm \
    --health-enabled=true $KC_SIGNING_OPTIONS >"$STACK/$name.log" 2>&1 9>&- &
  echo $! >"$STACK/$name.pid"
  wait_for "http://localhost:$port/realms/plant/.well-known/openid-configuration" 180 "Keycloak" "$STACK/$name.log"
}

# Waits for a URL to answer; gives up early when <failed-marker> appears (a failed deployment).
wait_for() {
  local url=$1 seconds=$2 what=$3 log=$4 failed=${5:-/nonexistent}
  for _ in $(seq "$seconds"); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then say "$what is up"; return 0; fi
    if [[ -e $failed ]]; then grep -m5 -E "ERROR|Caused by" "$log" >&2 || true; die "$what failed to deploy (see $log)"; fi
    sleep 1
  done
  tail -20 "$log" >&2 || true
  die "$what did not come up within ${seconds}s (see $log)"
}

# Stops the process group started with setsid whose leader's pid is in .stack/<name>.pid.
stop_group() {
  local pidfile=$STACK/$1.pid
  [[ -f $pidfile ]] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# Who listens on a TCP port, as "name (pid N)" from ss; empty when ss cannot tell.
port_holder() {
  command -v ss >/dev/null || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null |
    sed -n '/users:((/{s/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p;q;}'
}

# Refuses to start a server on a port another program listens on: a second demo or test stack
# started elsewhere would otherwise answer in its place. Arguments: <port>[:<what uses it>] ...
require_free_ports() {
  local arg port what holder
  for arg in "$@"; do
    port=${arg%%:*} what=${arg#*:}
    [[ $what == "$arg" ]] && what="" || what=" ($what)"
    if port_open "$port"; then
      holder=$(port_holder "$port") || holder=""
      die "port $port$what is in use by ${holder:-another program (see: ss -ltnp | grep :$port)}; stop it and run again"
    fi
  done
}

# Refuses the ports a WildFly with port offset <offset> would listen on: http, https, management.
require_free_wildfly_ports() {
  local offset=$1
  require_free_ports "$((8080 + offset)):WildFly http" "$((8443 + offset)):WildFly https" \
    "$((9990 + offset)):WildFly management"
}
