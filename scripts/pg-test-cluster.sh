#!/usr/bin/env bash
# Throwaway PostgreSQL server for tests and benchmarks.
#
#   eval "$(bash scripts/pg-test-cluster.sh start)"     # starts one, exports the variables below
#   bash scripts/pg-test-cluster.sh start --env-file F  # the same, and also writes the lines to F
#   bash scripts/pg-test-cluster.sh stop [DIR|ENV_FILE] # stops it and deletes its folder
#                                                      # (default: $PG_TEST_DIR)
#   bash scripts/pg-test-cluster.sh restart [DIR|ENV_FILE] # `pg_ctl restart -m fast`: cuts every
#                                                      # connection, keeps data, port and settings
#   bash scripts/pg-test-cluster.sh install             # only make sure the server binaries exist
#
# `start` prints, on stdout and nothing else (its log goes to stderr):
#   export PG_TEST_DIR=/tmp/marginal-pg.XXXXXX      the cluster's folder (data/, socket, server.log)
#   export PG_TEST_PORT=55432                        the TCP port, on 127.0.0.1 only
#   export TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:55432/postgres
#
# The cluster: `initdb -A trust -U postgres` as the `postgres` user (initdb refuses root), listening
# on 127.0.0.1 and on a Unix socket inside its own folder, with durability switched off (fsync,
# synchronous_commit, full_page_writes) and max_connections=200. Nothing about it survives `stop`.
# It never touches Debian's own cluster (`main`, port 5432), whether that one runs or not.
#
# Settings (environment):
#   PG_BINDIR           server binaries to use (default: newest /usr/lib/postgresql/*/bin)
#   PG_TEST_PORT_START  first port to try (default 55432; the next free one up is used)
#   PG_NO_INSTALL=1     fail instead of running apt-get when the server binaries are missing
set -euo pipefail

log() { printf '[pg-test-cluster] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

MARKER=.marginal-pg-test-cluster

find_bindir() {
  local d best=""
  # Newest major version wins (sort -V: 9.6 < 13 < 15 < 16).
  while IFS= read -r d; do
    [[ -x "$d/initdb" && -x "$d/pg_ctl" && -x "$d/postgres" ]] && best="$d"
  done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V)
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

install_server() {
  [[ "${PG_NO_INSTALL:-}" != 1 ]] || die "PostgreSQL server binaries not found and PG_NO_INSTALL=1"
  [[ $EUID -eq 0 ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin; install them (sudo apt-get install -y postgresql) or set PG_BINDIR"
  command -v apt-get >/dev/null || die "PostgreSQL server binaries not found and apt-get is not available; set PG_BINDIR"
  log "PostgreSQL server binaries not found: installing Debian's postgresql package"
  # Non-interactive throughout; wait for a dpkg lock held by someone else instead of failing.
  # Debian's postinst may create (and, where services may start, start) its own cluster `main`
  # on port 5432: we neither use nor touch it.
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update >&2
  apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends postgresql >&2
}

ensure_bindir() {
  local b
  if [[ -n "${PG_BINDIR:-}" ]]; then
    [[ -x "$PG_BINDIR/initdb" && -x "$PG_BINDIR/pg_ctl" && -x "$PG_BINDIR/postgres" ]] ||
      die "PG_BINDIR=$PG_BINDIR has no initdb, pg_ctl and postgres"
    printf '%s\n' "$PG_BINDIR"
    return 0
  fi
  if ! b=$(find_bindir); then
    install_server
    b=$(find_bindir) || die "postgresql was installed but no /usr/lib/postgresql/*/bin/initdb was found"
  fi
  printf '%s\n' "$b"
}

# Run a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    if command -v runuser >/dev/null; then
      (cd / && runuser -u postgres -- "$@")
    else
      (cd / && su postgres -s /bin/bash -c "$(printf '%q ' "$@")")
    fi
  else
    "$@"
  fi
}

port_in_use() {
  # A successful connect means someone listens there (on 127.0.0.1 or on 0.0.0.0).
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

cmd_start() {
  local env_file=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --env-file) env_file=${2:?--env-file needs a path}; shift 2 ;;
      --env-file=*) env_file=${1#--env-file=}; shift ;;
      *) die "unknown option for start: $1" ;;
    esac
  done

  local bindir
  bindir=$(ensure_bindir)
  log "using $bindir ($("$bindir/postgres" --version))"

  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    log "creating system user postgres"
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  # /tmp, not $TMPDIR: the postgres user must be able to reach it, and the socket path must
  # stay short (Unix socket paths are limited to ~107 bytes).
  local dir
  dir=$(mktemp -d /tmp/marginal-pg.XXXXXX)
  touch "$dir/$MARKER"
  printf '%s\n' "$bindir" >"$dir/bindir"
  if [[ $EUID -eq 0 ]]; then chown -R postgres: "$dir"; fi
  chmod 700 "$dir"
  # From here on, any failure (die, or a command failing under set -e) removes the half-made cluster.
  START_DIR=$dir START_OK=0
  trap 'if [[ $START_OK != 1 ]]; then log "start failed; removing $START_DIR"; cmd_stop "$START_DIR" >/dev/null 2>&1 || rm -rf "$START_DIR"; fi' EXIT

  local locale_opt=(--locale=C.UTF-8)
  locale -a 2>/dev/null | grep -qix 'c.utf-\?8' || locale_opt=(--no-locale)
  as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 "${locale_opt[@]}" \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb failed"; }

  cat >>"$dir/data/postgresql.conf" <<EOF

# --- throwaway test cluster (scripts/pg-test-cluster.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
wal_level = minimal
max_wal_senders = 0
max_wal_size = 1GB
checkpoint_timeout = 30min
max_parallel_workers_per_gather = 0
EOF

  local port=${PG_TEST_PORT_START:-55432} tries=0 started=0
  while (( tries < 50 && port <= 65535 )); do
    if port_in_use "$port"; then port=$((port + 1)); continue; fi
    tries=$((tries + 1))
    : >"$dir/server.log"
    if [[ $EUID -eq 0 ]]; then chown postgres: "$dir/server.log"; fi
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
      started=1
      break
    fi
    # Someone took the port between our check and the bind: try the next one.
    if grep -qiE 'could not bind|address already in use|could not create any TCP/IP sockets' "$dir/server.log"; then
      log "port $port taken, trying $((port + 1))"
      port=$((port + 1))
      continue
    fi
    cat "$dir/server.log" >&2
    die "the server did not start (log above)"
  done
  (( started )) || die "no free port found from ${PG_TEST_PORT_START:-55432} up"

  local i
  for i in $(seq 1 60); do
    "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres && break
    (( i < 60 )) || { cat "$dir/server.log" >&2; die "pg_isready never answered"; }
    sleep 0.5
  done
  START_OK=1

  printf '%s\n' "$port" >"$dir/port"
  local url="postgresql://postgres@127.0.0.1:${port}/postgres"
  local out
  out=$(printf 'export PG_TEST_DIR=%q\nexport PG_TEST_PORT=%q\nexport TEST_DATABASE_URL=%q\n' "$dir" "$port" "$url")
  if [[ -n "$env_file" ]]; then printf '%s\n' "$out" >"$env_file"; fi
  printf '%s\n' "$out"
  log "ready: $url (folder $dir)"
}

cmd_stop() {
  local target=${1:-${PG_TEST_DIR:-}}
  [[ -n "$target" ]] || die "stop: give the cluster folder or env file, or set PG_TEST_DIR"
  if [[ -f "$target" ]]; then
    # An env file written by `start --env-file`.
    target=$(sed -n "s/^export PG_TEST_DIR=//p" "$target" | head -n1)
    target=$(eval "printf '%s' $target")
  fi
  if [[ ! -d "$target" ]]; then log "stop: $target is already gone"; return 0; fi
  [[ -f "$target/$MARKER" ]] || die "stop: $target is not a folder made by this script; not touching it"

  local bindir
  bindir=$(cat "$target/bindir" 2>/dev/null || true)
  if [[ -f "$target/data/postmaster.pid" ]]; then
    if [[ -n "$bindir" && -x "$bindir/pg_ctl" ]]; then
      as_owner "$bindir/pg_ctl" -D "$target/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
        as_owner "$bindir/pg_ctl" -D "$target/data" -m immediate -w -t 15 stop >/dev/null 2>&1 || true
    fi
    if [[ -f "$target/data/postmaster.pid" ]]; then
      local pid
      pid=$(head -n1 "$target/data/postmaster.pid" 2>/dev/null || true)
      if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
        log "stop: killing postmaster $pid"
        kill -9 "$pid" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf "$target"
  log "stopped and removed $target"
}

# Fast, not immediate: with synchronous_commit=off an immediate shutdown may lose the last commits,
# which a real server (synchronous commit on) would keep.
cmd_restart() {
  local target=${1:-${PG_TEST_DIR:-}}
  [[ -n "$target" ]] || die "restart: give the cluster folder or env file, or set PG_TEST_DIR"
  if [[ -f "$target" ]]; then
    target=$(sed -n "s/^export PG_TEST_DIR=//p" "$target" | head -n1)
    target=$(eval "printf '%s' $target")
  fi
  [[ -f "$target/$MARKER" ]] || die "restart: $target is not a folder made by this script; not touching it"
  # The port and other -o options come back from postmaster.opts; the log file must be named again.
  as_owner "$(cat "$target/bindir")/pg_ctl" -D "$target/data" -l "$target/server.log" -m fast -w -t 60 restart >/dev/null ||
    die "restart: pg_ctl restart failed (see $target/server.log)"
  log "restarted $target"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) shift; cmd_stop "$@" ;;
  restart) shift; cmd_restart "$@" ;;
  install) ensure_bindir ;;
  *) echo "usage: $0 start [--env-file FILE] | stop [DIR|ENV_FILE] | restart [DIR|ENV_FILE] | install" >&2; exit 2 ;;
esac
