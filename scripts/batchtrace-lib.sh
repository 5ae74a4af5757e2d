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

# LOCAL DEMO credentials. Production sets its own (README.md, "Production").
export BATCHTRACE_DB_OWNER_USER=${BATCHTRACE_DB_OWNER_USER:-batchtrace_owner}
export BATCHTRACE_DB_OWNER_PASSWORD=${BATCHTRACE_DB_OWNER_PASSWORD:-batchtrace-owner-demo}
export BATCHTRACE_DB_USER=${BATCHTRACE_DB_USER:-batchtrace_app}
export BATCHTRACE_DB_PASSWORD=${BATCHTRACE_DB_PASSWORD:-batchtrace-app-demo}
export BATCHTRACE_OIDC_CLIENT_SECRET=${BATCHTRACE_OIDC_CLIENT_SECRET:-batchtrace-demo-secret}
KC_ADMIN_PASSWORD=${KC_ADMIN_PASSWORD:-Admin-Local-1}
REALM_JSON=$ROOT/docker/keycloak/realm-plant.json

# Ports: the demo run, the test stack and the benchmarks can run side by side.
# WildFly listens on http 8080, https 8443 and management 9990, each plus its port offset.
RUN_HTTP=8080 RUN_KC=8180 RUN_KC_MGMT=9180
# The test stack: WildFly with port offset 200 (pom.xml test.http.port and test.port.offset,
# ear/pom.xml test.management.port), its Keycloak, its Mosquitto (ear/src/test/mosquitto-test.conf).
TEST_OFFSET=200 TEST_KC=8380 TEST_KC_MGMT=9380 TEST_MQTT_PORT=1885
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
  psql_super -v db_name="$name" -v owner_password="$BATCHTRACE_DB_OWNER_PASSWORD" \
    -v app_password="$BATCHTRACE_DB_PASSWORD" -f "$ROOT/db/bootstrap/create-roles-and-database.sql"
  say "database $name ready (owner $BATCHTRACE_DB_OWNER_USER, application role $BATCHTRACE_DB_USER)"
}

# A database at the current schema: bootstrap_database <name> [fresh], then the built migrator
# (db/target, so build first). Exports BATCHTRACE_DB_URL for what runs on it next.
prepare_database() {
  bootstrap_database "$@"
  export BATCHTRACE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$1
  java -jar "$ROOT/db/target/batchtrace-db-migrator.jar"
}

ensure_mosquitto() {
  if ! port_open 1883; then
    command -v mosquitto >/dev/null || apt_install mosquitto
    say "starting Mosquitto"
    mosquitto -d -c /etc/mosquitto/mosquitto.conf 2>/dev/null || mosquitto -d
    for _ in $(seq 10); do port_open 1883 && break; sleep 1; done
  fi
  port_open 1883 || die "Mosquitto is not listening on 127.0.0.1:1883"
  say "Mosquitto (MQTT) is up on 127.0.0.1:1883"
}

# A property of the parent pom.xml (plain text: batch mode, no colour codes).
pom_property() {
  "$MVN" -B -q -N -Dstyle.color=never help:evaluate -Dexpression="$1" -DforceStdout 2>/dev/null |
    sed 's/\x1b\[[0-9;]*m//g'
}

# Unpacks Keycloak from Maven Central into .stack/<name> (once), then starts it on <port>.
# "fresh" removes its database first, so the realm is imported exactly as in the repository.
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
  say "starting Keycloak on http://localhost:$port (log: .stack/$name.log)"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$KC_ADMIN_PASSWORD \
    setsid "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" \
    --http-management-port="$mgmt" --hostname="http://localhost:$port" --import-realm \
    --health-enabled=true >"$STACK/$name.log" 2>&1 &
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
