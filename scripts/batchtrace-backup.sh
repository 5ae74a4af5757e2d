# shellcheck shell=bash
# Backup, point-in-time restore and the restore drill (sourced by ./batchtrace after
# scripts/batchtrace-lib.sh). pgBackRest does the database; this adds the Keycloak realm and the
# checkpoint log and the archive packages to every backup, in a backup set directory with a manifest of SHA-256s.
# The Java side is com.batchtrace.db.backup in db/ (in the built migrator jar).
#
# Production (docs/operations.md, "Backup and restore"): BATCHTRACE_PGBACKREST_CONFIG names the
# plant cluster's stanza configuration (/etc/pgbackrest/pgbackrest.conf), whose cluster archives
# its WAL with pgBackRest. Without it, backups are of the local installation's own cluster: a
# Batchtrace-managed cluster in .stack/backup on port 5544 that archives its WAL (the machine's
# shared cluster on 5432 is not restarted or reconfigured by this script).

BACKUP_HOME=${BATCHTRACE_BACKUP_HOME:-$STACK/backup}
LOCAL_BACKUP_PORT=5544 DRILL_PORT=5546
BACKUP_JAR=$ROOT/db/target/batchtrace-db-migrator.jar

ensure_pgbackrest() {
  command -v pgbackrest >/dev/null || apt_install pgbackrest
}

# The stanza's configuration and name: the plant's, or the local installation's cluster (made on
# first use, with a copy of the demo database when there is one, and started if it stopped).
backup_stanza() {
  if [[ -n ${BATCHTRACE_PGBACKREST_CONFIG:-} ]]; then
    PGBR_CONFIG=$BATCHTRACE_PGBACKREST_CONFIG
    PGBR_STANZA=${BATCHTRACE_PGBACKREST_STANZA:-batchtrace}
    return
  fi
  PGBR_CONFIG=$BACKUP_HOME/pgbackrest.conf PGBR_STANZA=batchtrace
  local seed=()
  if [[ ! -e $BACKUP_HOME/pg/PG_VERSION ]]; then
    mkdir -p "$BACKUP_HOME"
    require_free_ports "$LOCAL_BACKUP_PORT:the local backup cluster"
    if psql_super -d batchtrace -tAc "select 1 from batchtrace.flyway_schema_history limit 1" >/dev/null 2>&1; then
      say "copying the demo database (127.0.0.1:5432/batchtrace) into the local backup cluster"
      psql_dump "$BACKUP_HOME/seed.dump"
      seed=(--seed-dump "$BACKUP_HOME/seed.dump")
    fi
  fi
  java -cp "$BACKUP_JAR" com.batchtrace.db.backup.BackupCommand local-cluster \
    --work "$BACKUP_HOME" --port $LOCAL_BACKUP_PORT "${seed[@]}"
  rm -f "$BACKUP_HOME/seed.dump"
}

# pg_dump -Fc of the demo database, as a superuser of the shared cluster (read only).
psql_dump() {
  local file=$1
  if pg_dump -h 127.0.0.1 -U postgres -Fc -f "$file" batchtrace 2>/dev/null; then return; fi
  runuser -u postgres -- pg_dump -Fc batchtrace >"$file" || die "pg_dump of the demo database failed"
}

# The Keycloak realm: with Keycloak running, the admin API (realm settings, roles, groups and
# clients with secrets masked; every user with roles and groups; each user's credential metadata:
# type and creation time, never the hash). With it stopped, kc.sh export from its home.
export_realm() {
  local dir=$1 url=${BATCHTRACE_KEYCLOAK_URL:-http://localhost:$RUN_KC} realm=${BATCHTRACE_REALM:-plant}
  local home=${BATCHTRACE_KEYCLOAK_HOME:-$STACK/keycloak-run}
  if curl -fsS -o /dev/null "$url/realms/$realm" 2>/dev/null; then
    KC_URL=$url KC_REALM=$realm KC_USER=${KC_ADMIN_USERNAME:-admin} KC_PASSWORD=$KC_ADMIN_PASSWORD \
      python3 - "$dir" <<'PY' || die "the realm export through $url failed"
import json, os, sys, urllib.parse, urllib.request
out, url, realm = sys.argv[1], os.environ["KC_URL"], os.environ["KC_REALM"]
form = urllib.parse.urlencode({"grant_type": "password", "client_id": "admin-cli",
    "username": os.environ["KC_USER"], "password": os.environ["KC_PASSWORD"]}).encode()
token = json.load(urllib.request.urlopen(url + "/realms/master/protocol/openid-connect/token", form))["access_token"]
def call(path, method="GET"):
    req = urllib.request.Request(url + "/admin/realms/" + realm + path, method=method,
                                 headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(req))
export = call("/partial-export?exportGroupsAndRoles=true&exportClients=true", "POST")
users = call("/users?briefRepresentation=false&max=1000000")
for u in users:
    u["realmRoles"] = [r["name"] for r in call("/users/%s/role-mappings/realm" % u["id"])]
    u["groups"] = [g["path"] for g in call("/users/%s/groups" % u["id"])]
    u["credentials"] = [{k: c.get(k) for k in ("id", "type", "userLabel", "createdDate")}
                        for c in call("/users/%s/credentials" % u["id"])]
export["users"] = users
with open(os.path.join(out, "keycloak-realm-%s.json" % realm), "w") as f:
    json.dump(export, f, indent=1, sort_keys=True)
print("realm %s: %d users, %d roles" % (realm, len(users), len(export.get("roles", {}).get("realm", []))))
PY
  elif [[ -x $home/bin/kc.sh ]]; then
    "$home/bin/kc.sh" export --dir "$dir" --realm "$realm" --users realm_file >"$dir/keycloak-export.log" 2>&1 ||
      die "kc.sh export failed (see $dir/keycloak-export.log)"
    rm -f "$dir/keycloak-export.log"
    say "realm $realm exported with kc.sh (Keycloak was stopped)"
  else
    die "Keycloak is not reachable at $url and has no home at $home: set BATCHTRACE_KEYCLOAK_URL (and KC_ADMIN_PASSWORD), or BATCHTRACE_KEYCLOAK_HOME"
  fi
}

# ./batchtrace backup [--full|--diff|--incr]: a pgBackRest backup now (incremental by default; the
# first is full), then the backup set directory beside it: the realm, the checkpoint log and
# SHA256SUMS over both.
cmd_backup() {
  local type=incr
  case ${1:-} in
    --full) type=full ;; --diff) type=diff ;; --incr | "") ;;
    *) die "usage: ./batchtrace backup [--full|--diff|--incr]" ;;
  esac
  check_tools
  ensure_pgbackrest
  [[ -f $BACKUP_JAR ]] || build -pl db -am
  backup_stanza
  # The realm and the checkpoint log first: a backup is taken only when its set can be complete.
  local sets=${BATCHTRACE_BACKUP_SETS:-$BACKUP_HOME/sets}
  local incoming=$sets/.incoming-$$
  # The realm export names every user: the sets are for the backup operator's eyes only.
  umask 077
  rm -rf "$incoming" && mkdir -p "$incoming"
  export_realm "$incoming"
  local checkpoints=${BATCHTRACE_CHECKPOINT_DIR:-$STACK/checkpoints-run/log}
  if [[ -d $checkpoints ]]; then
    cp -a "$checkpoints" "$incoming/checkpoints"
  else
    say "no checkpoint log at $checkpoints (set BATCHTRACE_CHECKPOINT_DIR); the set has none"
  fi
  # The archive packages (signed, never rewritten): copied whole, so a set restores them too.
  local archive=${BATCHTRACE_ARCHIVE_DIR:-$STACK/archive-run}
  if [[ -d $archive ]]; then
    cp -a "$archive" "$incoming/archive"
  else
    say "no archive directory at $archive (set BATCHTRACE_ARCHIVE_DIR); the set has none"
  fi
  say "pgBackRest $type backup of stanza $PGBR_STANZA ($PGBR_CONFIG)"
  java -cp "$BACKUP_JAR" com.batchtrace.db.backup.BackupCommand backup \
    --config "$PGBR_CONFIG" --stanza "$PGBR_STANZA" --type $type
  local label
  label=$(pgbackrest --config="$PGBR_CONFIG" --stanza="$PGBR_STANZA" --output=json info |
    python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["backup"][-1]["label"])')
  local set=$sets/$label
  [[ ! -e $set ]] || die "$set exists already"
  mv "$incoming" "$set"
  printf 'pgbackrest backup %s of stanza %s (%s), taken %s\n' "$label" "$PGBR_STANZA" "$PGBR_CONFIG" \
    "$(date -u +%FT%TZ)" >"$set/BACKUP"
  (cd "$set" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum >SHA256SUMS)
  say "backup $label done; realm, checkpoint log and archive packages in $set (check with: cd $set && sha256sum -c SHA256SUMS)"
}

# ./batchtrace restore --to "<time>" [--target <dir>] [--port N] [--over-live]
cmd_restore() {
  local to="" target="" port=5545 over=()
  while [[ $# -gt 0 ]]; do
    case $1 in
      --to) to=${2:-}; shift 2 ;;
      --target) target=${2:-}; shift 2 ;;
      --port) port=${2:-}; shift 2 ;;
      --over-live) over=(--over-live); shift ;;
      *) die "usage: ./batchtrace restore --to \"<time>\" [--target <dir>] [--port N] [--over-live]" ;;
    esac
  done
  [[ -n $to ]] || die "usage: ./batchtrace restore --to \"<time>\" [--target <dir>] [--port N] [--over-live]"
  check_tools
  ensure_pgbackrest
  [[ -f $BACKUP_JAR ]] || build -pl db -am
  if [[ -n ${BATCHTRACE_PGBACKREST_CONFIG:-} ]]; then
    PGBR_CONFIG=$BATCHTRACE_PGBACKREST_CONFIG PGBR_STANZA=${BATCHTRACE_PGBACKREST_STANZA:-batchtrace}
  else
    PGBR_CONFIG=$BACKUP_HOME/pgbackrest.conf PGBR_STANZA=batchtrace
    [[ -f $PGBR_CONFIG ]] || die "no backups yet: run ./batchtrace backup first"
  fi
  target=${target:-$BACKUP_HOME/restored-$(date -u +%Y%m%dT%H%M%S)}
  java -cp "$BACKUP_JAR" com.batchtrace.db.backup.BackupCommand restore --config "$PGBR_CONFIG" \
    --stanza "$PGBR_STANZA" --to "$to" --target "$target" --port "$port" "${over[@]}"
}

# ./batchtrace restore-drill [--rounds N] [--after N] [--keep]: the drill on a cluster of its own
# (port 5546, the restored copy 5547), filled from the demo database when there is one.
cmd_restore_drill() {
  check_tools
  ensure_pgbackrest
  [[ -f $BACKUP_JAR ]] || build -pl db -am
  # The offline verifier checks the restored copy against the signed checkpoints.
  local verifier=$ROOT/verify/target/batchtrace-verify.jar
  [[ -f $verifier ]] || build -pl verify -am
  require_free_ports "$DRILL_PORT:restore drill" "$((DRILL_PORT + 1)):restore drill, restored copy"
  local seed=() work=$STACK/restore-drill log=$STACK/checkpoints-run/log
  mkdir -p "$STACK"
  if psql_super -d batchtrace -tAc "select 1 from batchtrace.flyway_schema_history limit 1" >/dev/null 2>&1; then
    say "the drill starts from a copy of the demo database (127.0.0.1:5432/batchtrace)"
    # Checkpoints signed in the last seconds before the dump may describe rows it missed.
    local dumped_at; dumped_at=$(date -u -d '-2 seconds' +%Y-%m-%dT%H:%M:%SZ)
    psql_dump "$STACK/restore-drill-seed.dump"
    seed=(--seed-dump "$STACK/restore-drill-seed.dump")
    # ... and checked against the demo server's own signed checkpoints taken before the dump.
    if [[ -d $log ]] && [[ -n $(find "$log" -name 'checkpoint-*.txt' ! -newermt "$dumped_at" | head -1) ]]; then
      seed+=(--checkpoints "$log" --public-key "$STACK/checkpoints-run/checkpoint-public-key.pem"
        --dumped-at "$dumped_at")
    fi
  fi
  local rc=0
  java -cp "$BACKUP_JAR" com.batchtrace.db.backup.RestoreDrill --work "$work" --port $DRILL_PORT \
    --verifier "$verifier" "${seed[@]}" "$@" || rc=$?
  rm -f "$STACK/restore-drill-seed.dump"
  return $rc
}
