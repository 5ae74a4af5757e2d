# shellcheck shell=bash
# ./batchtrace cluster [stop|status]: on one machine, a site laid out as it runs on several hosts
# (docs/operations.md, "A clustered site"):
#   HAProxy on http://localhost:8880, health checks and sticky sessions, in front of
#   two WildFly nodes (standalone-ha: JGroups over TCP on loopback, static member list),
#     node1 with port offset 650 (http 8730), node2 with port offset 750 (http 8830),
#   one Keycloak (8980) and one Mosquitto (1887) for both,
#   a PostgreSQL primary (5434) and a streaming standby (5435, pg_basebackup, synchronous
#     replication: a commit returns once the standby has it), both clusters of their own under
#     .stack/cluster-pg, never the machine's PostgreSQL on 5432.
# Sourced by ./batchtrace (which sets `set -euo pipefail` and sources batchtrace-lib.sh).

CLUSTER_HTTP=8880 CLUSTER_KC=8980 CLUSTER_KC_MGMT=9980 CLUSTER_MQTT_PORT=1887
CLUSTER_PG_PRIMARY=5434 CLUSTER_PG_STANDBY=5435
CLUSTER_NODES="node1:650 node2:750"
# JGroups TCP is 7600 plus each node's port offset.
CLUSTER_MEMBERS="127.0.0.1[8250],127.0.0.1[8350]"
CLUSTER_DB_URL="jdbc:postgresql://127.0.0.1:$CLUSTER_PG_PRIMARY,127.0.0.1:$CLUSTER_PG_STANDBY/batchtrace?targetServerType=primary"

ensure_haproxy() {
  command -v haproxy >/dev/null || apt_install haproxy
}

# The newest PostgreSQL server binaries of the machine (Debian: /usr/lib/postgresql/<v>/bin).
pg_bin() {
  local bin
  # shellcheck disable=SC2012  # (the folders are version numbers)
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -x $bin/pg_ctl ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install -y postgresql)"
  echo "$bin"
}

# PostgreSQL refuses to run as root: its programs run as the postgres user.
as_postgres() {
  if is_root; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# psql as superuser: cluster_psql <port> <database> -c "..."
cluster_psql() {
  local port=$1 db=$2; shift 2
  psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -tAq "$@"
}

# The primary (made once with initdb) and its standby (made once with pg_basebackup from it).
# Local trust authentication on 127.0.0.1, as the machine's own PostgreSQL here: LOCAL DEMO ONLY.
cluster_postgres_start() {
  local dir=$STACK/cluster-pg bin
  bin=$(pg_bin)
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  # Made afresh only when neither copy exists: a copy half rebuilt must not become a new site.
  if [[ ! -s $dir/primary/PG_VERSION && ! -s $dir/standby/PG_VERSION ]]; then
    rm -rf "$dir/primary" "$dir/standby"
    as_postgres "$bin/initdb" -D "$dir/primary" -U postgres --auth=trust >/dev/null
    cat >>"$dir/primary/postgresql.conf" <<CONF
# ./batchtrace cluster: the site's primary.
listen_addresses = '127.0.0.1'
port = $CLUSTER_PG_PRIMARY
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
# A commit (a signature, a machine value) returns only once the standby has written it.
synchronous_standby_names = 'batchtrace_standby'
synchronous_commit = on
# A node that dies with its host (no FIN on the wire) holds its sessions, and with them the site's
# duties (SiteDuties), until keepalive finds it gone: about 10 + 3 x 5 = 25 s.
tcp_keepalives_idle = 10
tcp_keepalives_interval = 5
tcp_keepalives_count = 3
CONF
  fi
  # The ports belong to the data directories (primary 5434, standby 5435); which of them is the
  # primary may change with a failover (cluster_pg_lead).
  local lead other lead_port other_port
  lead=$(cluster_pg_lead)
  if [[ $lead == standby ]]; then
    other=primary lead_port=$CLUSTER_PG_STANDBY other_port=$CLUSTER_PG_PRIMARY
  else
    other=standby lead_port=$CLUSTER_PG_PRIMARY other_port=$CLUSTER_PG_STANDBY
  fi
  require_pg_port_or_ours "$lead_port" "$dir/$lead"
  as_postgres "$bin/pg_ctl" -D "$dir/$lead" -l "$dir/$lead.log" -w -t 60 start >/dev/null
  # A copy that is not a standby (the old primary after a failover) must never run again as a
  # primary next to the new one: it is made afresh as the new primary's standby.
  if [[ ! -s $dir/$other/PG_VERSION || ! -e $dir/$other/standby.signal ]]; then
    [[ -s $dir/$other/PG_VERSION ]] &&
      say "the $other copy (127.0.0.1:$other_port) was a primary before the failover: rebuilding it as the standby of 127.0.0.1:$lead_port"
    cluster_pg_make_standby "$other" "$other_port" "$lead_port"
  else
    require_pg_port_or_ours "$other_port" "$dir/$other"
    as_postgres "$bin/pg_ctl" -D "$dir/$other" -l "$dir/$other.log" -w -t 60 start >/dev/null
  fi
  cluster_pg_await_sync "$lead_port"
  say "PostgreSQL primary on 127.0.0.1:$lead_port, synchronous streaming standby on 127.0.0.1:$other_port"
}

# Which data directory holds the primary: the one that is not a standby; when both are primaries
# (the standby was promoted, the old primary not yet rebuilt), the one on the later timeline.
cluster_pg_lead() {
  local dir=$STACK/cluster-pg
  if [[ ! -s $dir/standby/PG_VERSION || -e $dir/standby/standby.signal ]]; then
    echo primary
  elif [[ ! -s $dir/primary/PG_VERSION || -e $dir/primary/standby.signal ]]; then
    echo standby
  elif (($(cluster_pg_timeline standby) > $(cluster_pg_timeline primary))); then
    echo standby
  else
    echo primary
  fi
}

cluster_pg_timeline() {
  as_postgres "$(pg_bin)/pg_controldata" -D "$STACK/cluster-pg/$1" |
    sed -n "s/^Latest checkpoint's TimeLineID: *//p"
}

# The port of the running primary (the JDBC URL finds it the same way: targetServerType=primary).
cluster_pg_primary_port() {
  local port
  for port in $CLUSTER_PG_PRIMARY $CLUSTER_PG_STANDBY; do
    if [[ $(cluster_psql "$port" postgres -c "select pg_is_in_recovery()" 2>/dev/null) == f ]]; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# <copy> (primary or standby, a data directory under .stack/cluster-pg) made afresh with
# pg_basebackup from the primary on <from-port>, started on <port> as its synchronous standby.
cluster_pg_make_standby() {
  local copy=$1 port=$2 from=$3 dir=$STACK/cluster-pg bin
  bin=$(pg_bin)
  if as_postgres "$bin/pg_ctl" -D "$dir/$copy" status >/dev/null 2>&1; then
    as_postgres "$bin/pg_ctl" -D "$dir/$copy" -m fast -w -t 60 stop >/dev/null
  fi
  rm -rf "${dir:?}/$copy"
  cluster_psql "$from" postgres -c "select pg_drop_replication_slot('batchtrace_standby')
    where exists (select 1 from pg_replication_slots where slot_name = 'batchtrace_standby')" >/dev/null
  # -c fast: a checkpoint now (the default spreads it over minutes).
  as_postgres "$bin/pg_basebackup" -h 127.0.0.1 -p "$from" -U postgres -D "$dir/$copy" \
    -R -X stream -C -S batchtrace_standby -c fast
  cat >>"$dir/$copy/postgresql.conf" <<CONF
# ./batchtrace cluster: the site's streaming standby (read-only until promoted).
port = $port
hot_standby = on
CONF
  # The name the primary's synchronous_standby_names waits for (written after -R's line, so it
  # wins); a failover drill's ALTER SYSTEM of the primary is not the standby's.
  as_postgres sed -i '/^synchronous_standby_names/d' "$dir/$copy/postgresql.auto.conf"
  echo "primary_conninfo = 'host=127.0.0.1 port=$from user=postgres application_name=batchtrace_standby'" |
    as_postgres tee -a "$dir/$copy/postgresql.auto.conf" >/dev/null
  require_pg_port_or_ours "$port" "$dir/$copy"
  as_postgres "$bin/pg_ctl" -D "$dir/$copy" -l "$dir/$copy.log" -w -t 60 start >/dev/null
  # A promoted primary stopped waiting for a standby (the drill, as Patroni does); wait again.
  cluster_psql "$from" postgres -c "alter system reset synchronous_standby_names" -c "select pg_reload_conf()" >/dev/null
}

cluster_pg_await_sync() {
  local state=""
  for _ in $(seq 60); do
    state=$(cluster_psql "$1" postgres -c \
      "select sync_state from pg_stat_replication where application_name = 'batchtrace_standby'" 2>/dev/null) || true
    [[ $state == sync ]] && break
    sleep 0.5
  done
  [[ $state == sync ]] || die "the standby did not become synchronous (see $STACK/cluster-pg/*.log)"
}

# A port another program holds is refused; the cluster's own server (its postmaster.pid) is fine.
require_pg_port_or_ours() {
  local port=$1 data=$2
  if port_open "$port" && ! as_postgres "$(pg_bin)/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    require_free_ports "$port:cluster PostgreSQL"
  fi
}

cluster_postgres_stop() {
  local dir=$STACK/cluster-pg bin
  [[ -d $dir ]] || return 0
  bin=$(pg_bin)
  # The standby first would leave the primary waiting for it on every commit still in flight.
  local db lead
  lead=$(cluster_pg_lead)
  for db in "$lead" primary standby; do
    if [[ -s $dir/$db/PG_VERSION ]] && as_postgres "$bin/pg_ctl" -D "$dir/$db" status >/dev/null 2>&1; then
      as_postgres "$bin/pg_ctl" -D "$dir/$db" -m fast -w -t 60 stop >/dev/null || true
    fi
  done
}

# HAProxy in front of the nodes: round robin for new visitors, then a cookie keeps each browser on
# its node; a node failing its health check three times (2 s apart) gets no new requests, and
# requests of its browsers go to the other node (redispatch), which has their sessions
# (Infinispan). A dead node refuses the connection at once (about 6 s until it is out; requests
# meanwhile are redispatched); a node that is only slow has 5 s to answer a check: with 1 s, both
# nodes of a saturated host were taken out at once (HAProxy answered 503, measured with 200
# terminals on 2 cores).
cluster_haproxy_start() {
  local dir=$STACK/haproxy-cluster
  mkdir -p "$dir"
  {
    cat <<CFG
# Generated by ./batchtrace cluster (scripts/batchtrace-cluster.sh). LOCAL ONLY.
global
  maxconn 4096
defaults
  mode http
  option redispatch
  retries 2
  timeout connect 2s
  timeout client 120s
  timeout server 120s
  timeout http-request 30s
  timeout check 5s
frontend batchtrace
  bind 127.0.0.1:$CLUSTER_HTTP
  default_backend nodes
backend nodes
  balance roundrobin
  cookie BATCHTRACE_NODE insert indirect nocache httponly
  option httpchk GET /batchtrace/signed-out.xhtml
  http-check expect status 200
CFG
    local n
    for n in $CLUSTER_NODES; do
      echo "  server ${n%%:*} 127.0.0.1:$((8080 + ${n#*:})) check inter 2s fall 3 rise 2 cookie ${n%%:*}"
    done
  } >"$dir/haproxy.cfg"
  haproxy -c -q -f "$dir/haproxy.cfg" || die "HAProxy refuses $dir/haproxy.cfg"
  setsid haproxy -db -f "$dir/haproxy.cfg" >"$STACK/haproxy-cluster.log" 2>&1 9>&- &
  echo $! >"$STACK/haproxy-cluster.pid"
  for _ in $(seq 20); do port_open $CLUSTER_HTTP && break; sleep 0.5; done
  port_open $CLUSTER_HTTP || die "HAProxy did not start: see $STACK/haproxy-cluster.log"
}

# One node: its own server base directory (configuration, data, logs) of the cluster's server copy.
cluster_node_start() {
  local name=$1 offset=$2 home=$STACK/wildfly-cluster
  local base=$STACK/cluster-$name
  rm -rf "$base"
  cp -a "$home/standalone" "$base"
  cp "$ROOT/ear/target/batchtrace.ear" "$base/deployments/"
  say "starting $name on http://localhost:$((8080 + offset)) (log: .stack/cluster-$name.log)"
  BATCHTRACE_DEMO_DATA=true BATCHTRACE_OIDC_PROVIDER_URL=http://localhost:$CLUSTER_KC/realms/plant \
    BATCHTRACE_MQTT_URL=tcp://127.0.0.1:$CLUSTER_MQTT_PORT BATCHTRACE_MQTT_CLIENT_ID=batchtrace-$name \
    BATCHTRACE_MQTT_SHARED=true BATCHTRACE_CLUSTER_MEMBERS=$CLUSTER_MEMBERS BATCHTRACE_DB_URL=$CLUSTER_DB_URL \
    setsid "$home/bin/standalone.sh" -c standalone-ha.xml -Djboss.server.base.dir="$base" \
    -Djboss.node.name="$name" -Djboss.tx.node.id="$name" -Djboss.socket.binding.port-offset="$offset" \
    >"$STACK/cluster-$name.log" 2>&1 9>&- &
  echo $! >"$STACK/cluster-$name.pid"
  wait_for "http://localhost:$((8080 + offset))/batchtrace/signed-out.xhtml" 240 "$name" "$STACK/cluster-$name.log" \
    "$base/deployments/batchtrace.ear.failed"
}

cmd_cluster() {
  case ${1:-start} in
    start) cluster_start ;;
    stop) cluster_stop ;;
    status) cluster_status ;;
    *) die "usage: ./batchtrace cluster [stop|status]" ;;
  esac
}

cluster_start() {
  check_tools
  ensure_mosquitto
  ensure_haproxy
  ensure_postgres # the machine's own: the tools (psql, initdb) and the postgres user
  cluster_stop quiet
  local n
  for n in $CLUSTER_NODES; do require_free_wildfly_ports "${n#*:}"; done
  require_free_ports "$CLUSTER_HTTP:HAProxy" "$CLUSTER_KC:cluster Keycloak" "$CLUSTER_KC_MGMT:cluster Keycloak management"
  build
  cluster_postgres_start
  PGPORT=$(cluster_pg_primary_port) prepare_database batchtrace
  start_uns_broker mosquitto-cluster $CLUSTER_MQTT_PORT
  cluster_node_environment
  start_keycloak keycloak-cluster $CLUSTER_KC $CLUSTER_KC_MGMT fresh
  rm -rf "$STACK/wildfly-cluster"
  cp -a "$ROOT/ear/target/wildfly" "$STACK/wildfly-cluster"
  # One after the other: the first node loads the demo plant, the second finds it there.
  for n in $CLUSTER_NODES; do cluster_node_start "${n%%:*}" "${n#*:}"; done
  cluster_haproxy_start
  java -Xmx64m -cp "$DEMO_CP" com.batchtrace.demo.DemoSeed \
    --app "http://localhost:$CLUSTER_HTTP/batchtrace" --keycloak "http://localhost:$CLUSTER_KC" ||
    say "the demo seed failed (see above); the cluster runs without planned batches"
  cat <<TXT

  A clustered Batchtrace site is running:  http://localhost:$CLUSTER_HTTP/batchtrace/  (HAProxy)
    node1 http://localhost:8730/batchtrace/   node2 http://localhost:8830/batchtrace/
    Keycloak http://localhost:$CLUSTER_KC (demo logins as in ./batchtrace run)
    Mosquitto tcp://127.0.0.1:$CLUSTER_MQTT_PORT (both nodes share one subscription)
    PostgreSQL primary and synchronous standby on 127.0.0.1:$CLUSTER_PG_PRIMARY and $CLUSTER_PG_STANDBY (primary now: $(cluster_pg_primary_port))
  See it: ./batchtrace cluster status     Stop it: ./batchtrace cluster stop

TXT
}

# What both nodes are started with besides their own settings (cluster_node_start): the site's
# checkpoint key, archive folder and time zone; also for a node started again after a failover.
cluster_node_environment() {
  ensure_checkpoint_key "$STACK/checkpoints-cluster"
  export BATCHTRACE_ARCHIVE_DIR=$STACK/archive-cluster BATCHTRACE_SITE_ZONE=${BATCHTRACE_SITE_ZONE:-Europe/Zurich}
  mkdir -p "$BATCHTRACE_ARCHIVE_DIR"
}

# Both nodes and HAProxy answer.
cluster_running() {
  local n
  port_open $CLUSTER_HTTP || return 1
  for n in $CLUSTER_NODES; do
    curl -fsS -o /dev/null "http://localhost:$((8080 + ${n#*:}))/batchtrace/signed-out.xhtml" 2>/dev/null || return 1
  done
}

cluster_stop() {
  stop_group haproxy-cluster
  local n
  for n in $CLUSTER_NODES; do stop_group "cluster-${n%%:*}"; done
  stop_group keycloak-cluster
  stop_group mosquitto-cluster
  cluster_postgres_stop
  [[ ${1:-} == quiet ]] || say "cluster stopped"
}

cluster_status() {
  local p n
  for p in haproxy-cluster cluster-node1 cluster-node2 keycloak-cluster mosquitto-cluster; do
    if [[ -f $STACK/$p.pid ]] && kill -0 "$(cat "$STACK/$p.pid")" 2>/dev/null; then
      say "$p running (pid $(cat "$STACK/$p.pid"))"
    else
      say "$p not running"
    fi
  done
  for n in $CLUSTER_NODES; do
    if curl -fsS -o /dev/null "http://localhost:$((8080 + ${n#*:}))/batchtrace/signed-out.xhtml" 2>/dev/null; then
      say "${n%%:*} answers on http://localhost:$((8080 + ${n#*:}))"
    else
      say "${n%%:*} does not answer"
    fi
  done
  local port primary
  primary=$(cluster_pg_primary_port) || primary=""
  for port in $CLUSTER_PG_PRIMARY $CLUSTER_PG_STANDBY; do
    if port_open "$port"; then
      say "PostgreSQL 127.0.0.1:$port: $(cluster_psql "$port" postgres -c \
        "select case when pg_is_in_recovery() then 'standby' else 'primary' end" 2>/dev/null || echo unreachable)"
    else
      say "PostgreSQL 127.0.0.1:$port not running"
    fi
  done
  if [[ -n $primary ]]; then
    say "replication: $(cluster_psql "$primary" postgres -c "select coalesce(string_agg(application_name
      || ' ' || state || ' ' || sync_state, ', '), 'no standby connected') from pg_stat_replication" 2>/dev/null || echo unknown)"
    say "once-per-site jobs run on: $(cluster_psql "$primary" batchtrace -c "select coalesce(max(
      substring(application_name from 'batchtrace site duties (.*)')), 'no node yet') from pg_stat_activity
      where application_name like 'batchtrace site duties %'" 2>/dev/null || echo unknown)"
  else
    say "no PostgreSQL primary of the cluster is running"
  fi
}
