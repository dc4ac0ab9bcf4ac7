#!/usr/bin/env bash
# Runs every check and test of the project: `npm test` runs this, and so does CI (.ci/run).
#
#   1. setup           npm install when node_modules is missing
#   2. PostgreSQL      $TEST_DATABASE_URL if set, else a throwaway cluster (scripts/pg-test-cluster.sh)
#   3. vitest          unit (PGlite) and integration (TEST_DATABASE_URL) projects
#   4. db:check        schema.prisma and prisma/migrations agree
#   5. lint, typecheck
#   6. end-to-end      Chromium (installed with apt-get when missing), a fresh database,
#                      `next build` (through scripts/build-if-stale.ts, so that `npm start` sees a
#                      current build), then Playwright (which starts the app with `npm start`),
#                      then the fault suite and a short load run on the same build
#                      (`npm run test:faults`, `npm run test:load -- --minutes 1.5`)
#   7. summary         the closing line is `N passed, N failed` (vitest + Playwright tests; a failed
#                      check step or a runner that died without reporting adds 1 to "failed")
#
# Every step runs even when an earlier one failed (except setup and PostgreSQL, which are needed
# by the rest), so one run shows everything that is broken. Exit status is non-zero on any failure.
# The throwaway cluster, the e2e database and the temp folder are removed on exit, however it exits.
#
# Environment:
#   TEST_DATABASE_URL        use this PostgreSQL server instead of starting one (e2e creates and drops
#                            its own database on it; the role needs CREATEDB)
#   E2E_PORT                 port for the app under Playwright (default: first free from 3100)
#   TEST_STEP_TIMEOUT_SCALE  multiply every step's time limit (default 1)
#
# `bash scripts/test-all.sh --summarize VITEST_JSON VITEST_RC PW_JSON PW_RC` only prints the closing
# lines from two report files (used to check the parsing; an empty RC means "did not run").
# shellcheck disable=SC2317  # cleanup, stop_child and on_signal are called from traps
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

export NEXT_TELEMETRY_DISABLED=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Tests never touch a developer's own database: the app under test gets its URL explicitly.
unset DATABASE_URL

CHROMIUM=/usr/bin/chromium

# ---------------------------------------------------------------------------------------------
# Counting: reads vitest's JSON report and Playwright's JSON report.
# Prints a breakdown to stderr and "PASSED FAILED" to stdout.
#   vitest:     passed = numPassedTests; failed = numFailedTests + files that failed without a
#               failing test (a file that does not import, a failing beforeAll...).
#   Playwright: passed = expected + flaky (passed on retry); failed = unexpected.
#   A runner that exited non-zero but reported no failure (crash, no report, web server that never
#   came up, no test found) counts as 1 failed.
count_results() {
  node - "$@" <<'JS'
const fs = require('node:fs');
const [vJson, vRc, pJson, pRc] = process.argv.slice(2);
const read = (f) => { try { return f && fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, 'utf8')) : null; } catch (e) { console.error(`  (could not read ${f}: ${e.message})`); return null; } };
let passed = 0, failed = 0;
const runner = (name, rc, report, count) => {
  if (rc === '' || rc === undefined) { console.error(`  ${name}: did not run`); return; }
  let c = { passed: 0, failed: 0, skipped: 0, note: '' };
  if (report) c = count(report); else c.note = 'no JSON report';
  if (Number(rc) !== 0 && c.failed === 0) { c.failed = 1; c.note += (c.note ? '; ' : '') + `exited ${rc} without a failing test: counted as 1 failed`; }
  passed += c.passed; failed += c.failed;
  console.error(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped${c.note ? ` (${c.note})` : ''}`);
};
runner('vitest', vRc, read(vJson), (r) => {
  const brokenFiles = (r.testResults || []).filter((f) => f.status === 'failed' && !(f.assertionResults || []).some((a) => a.status === 'failed'));
  return {
    passed: r.numPassedTests || 0,
    failed: (r.numFailedTests || 0) + brokenFiles.length,
    skipped: (r.numPendingTests || 0) + (r.numTodoTests || 0),
    note: brokenFiles.length ? `${brokenFiles.length} file(s) failed outside a test` : '',
  };
});
runner('playwright', pRc, read(pJson), (r) => {
  const s = r.stats || {};
  const errs = (r.errors || []).length;
  return {
    passed: (s.expected || 0) + (s.flaky || 0),
    failed: s.unexpected || 0,
    skipped: s.skipped || 0,
    note: [s.flaky ? `${s.flaky} flaky, passed on retry` : '', errs ? `${errs} error(s) outside tests` : ''].filter(Boolean).join('; '),
  };
});
process.stdout.write(`${passed} ${failed}\n`);
JS
}

if [[ "${1:-}" == --summarize ]]; then
  shift
  read -r P F < <(count_results "$@")
  printf '%s passed, %s failed\n' "$P" "$F"
  (( F == 0 ))
  exit
fi

# ---------------------------------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/marginal-test.XXXXXX")
VITEST_JSON=$WORK/vitest.json
PW_JSON=$WORK/playwright.json
VITEST_RC=""
PW_RC=""
FAILED_STEPS=()
PG_ENV_FILE=""
E2E_DB_NAME=""
ADMIN_DB_URL=""
STEP_NO=0
T0=$SECONDS

header() {
  STEP_NO=$((STEP_NO + 1))
  printf '\n==================== [%d] %s  (t+%ds) ====================\n' "$STEP_NO" "$*" "$((SECONDS - T0))"
}
warn() { printf '!! %s\n' "$*"; }

# Each step runs under a time limit, so a hung step cannot eat CI's whole 90 minutes (and with it
# the cleanup and the summary). `timeout` puts the step in its own process group, and the step runs
# in the background while this script waits, so an INT/TERM reaches our trap at once and the trap
# stops the step's whole process group (dev servers, workers, browsers included).
CHILD=""
scaled() { echo $(( $1 * ${TEST_STEP_TIMEOUT_SCALE:-1} )); }
with_limit() { # with_limit SECONDS CMD... -> the command's exit status (124 on timeout)
  local secs=$1 rc=0; shift
  timeout --kill-after=30 "$(scaled "$secs")" "$@" &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}
stop_child() {
  [[ -n "$CHILD" ]] || return 0
  local pid=$CHILD
  CHILD=""
  # SIGINT first: Playwright then shuts its web server down itself.
  kill -INT -- "-$pid" 2>/dev/null || kill -INT "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 40); do
    kill -0 -- "-$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

# run_step NAME SECONDS CMD...: runs CMD, records a failure, never aborts the script.
# Sets LAST_RC.
LAST_RC=0
run_step() {
  local name=$1 secs=$2; shift 2
  header "$name"
  printf '$ %s\n' "$*"
  local rc=0
  with_limit "$secs" "$@" || rc=$?
  LAST_RC=$rc
  if (( rc == 124 || rc == 137 )); then
    warn "$name: stopped after its time limit of $(scaled "$secs")s"
  fi
  if (( rc != 0 )); then
    warn "$name FAILED (exit $rc)"
    FAILED_STEPS+=("$name")
  fi
  return 0
}

# Small PostgreSQL admin calls through the project's own `pg` package (no psql needed).
pg_admin() { # pg_admin create|drop ADMIN_URL DBNAME
  node - "$@" <<'JS'
const { Client } = require('pg');
const [op, url, name] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
(async () => {
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 10000 });
  await c.connect();
  try {
    if (op === 'create') await c.query(`CREATE DATABASE "${name}"`);
    else await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally { await c.end(); }
})().catch((e) => { console.error(`pg_admin ${op} ${name}: ${e.message}`); process.exit(1); });
JS
}

db_url_with_name() { # db_url_with_name URL DBNAME -> URL with its database replaced
  node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$1" "$2"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port_from() {
  local p=$1
  while port_in_use "$p"; do p=$((p + 1)); done
  echo "$p"
}

apt_install() {
  [[ $EUID -eq 0 ]] || { warn "not root: cannot apt-get install $*"; return 1; }
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update &&
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y "$@"
}

cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  stop_child
  printf '\n==================== cleanup  (t+%ds) ====================\n' "$((SECONDS - T0))"
  # The e2e database only matters on a server we keep (TEST_DATABASE_URL given); a throwaway
  # cluster goes away whole.
  if [[ -n "$E2E_DB_NAME" && -z "$PG_ENV_FILE" ]]; then
    pg_admin drop "$ADMIN_DB_URL" "$E2E_DB_NAME" && echo "dropped database $E2E_DB_NAME"
  fi
  if [[ -n "$PG_ENV_FILE" && -f "$PG_ENV_FILE" ]]; then
    bash "$ROOT/scripts/pg-test-cluster.sh" stop "$PG_ENV_FILE"
  fi

  if (( rc != 0 )) && (( ${#FAILED_STEPS[@]} == 0 )); then
    FAILED_STEPS+=("aborted (exit $rc)")
  fi
  printf '\n==================== summary  (%ds) ====================\n' "$((SECONDS - T0))"
  local P=0 F=0
  read -r P F < <(count_results "$VITEST_JSON" "$VITEST_RC" "$PW_JSON" "$PW_RC") || { P=0; F=0; }
  # Runner failures are already in F; add the other failed steps.
  local s extra=0
  for s in "${FAILED_STEPS[@]}"; do
    case "$s" in vitest|playwright) ;; *) extra=$((extra + 1)) ;; esac
  done
  F=$((F + extra))
  if (( ${#FAILED_STEPS[@]} > 0 )); then
    echo "  failed steps: ${FAILED_STEPS[*]}"
  else
    echo "  all steps passed"
  fi
  rm -rf "$WORK"
  printf '%s passed, %s failed\n' "$P" "$F"
  if (( F > 0 || rc != 0 )); then exit 1; fi
  exit 0
}
trap cleanup EXIT
on_signal() { warn "interrupted by SIG$1"; stop_child; exit "$2"; }
trap 'on_signal INT 130' INT
trap 'on_signal TERM 143' TERM

# ---------------------------------------------------------------------------------------------
header "setup"
echo "node $(node --version), npm $(npm --version), CI=${CI:-}"
if [[ ! -d node_modules ]]; then
  echo "node_modules is missing: npm install"
  with_limit 1200 npm install --no-audit --no-fund || { FAILED_STEPS+=("npm install"); exit 1; }
fi

# ---------------------------------------------------------------------------------------------
header "PostgreSQL"
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  echo "using TEST_DATABASE_URL from the environment (not starting a server)"
else
  PG_ENV_FILE=$WORK/pg.env
  if ! bash scripts/pg-test-cluster.sh start --env-file "$PG_ENV_FILE" >/dev/null; then
    FAILED_STEPS+=("PostgreSQL")
    exit 1
  fi
  # shellcheck disable=SC1090
  source "$PG_ENV_FILE"
fi
export TEST_DATABASE_URL
echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"

# ---------------------------------------------------------------------------------------------
# e2e specs are Playwright's: keep them out of vitest whatever vitest.config.ts says.
run_step vitest 1800 npx vitest run --exclude 'e2e/**' \
  --reporter=default --reporter=json --outputFile.json="$VITEST_JSON"
VITEST_RC=$LAST_RC

run_step db:check 600 npm run db:check
run_step lint 900 npm run lint
run_step typecheck 900 npm run typecheck

# ---------------------------------------------------------------------------------------------
header "end-to-end: prerequisites"
e2e_ready=1
if [[ -z "$(find e2e -path e2e/support -prune -o -type f \( -name '*.spec.ts' -o -name '*.test.ts' \) -print 2>/dev/null | head -n1)" ]]; then
  warn "no Playwright specs under e2e/: skipping the end-to-end steps"
  e2e_ready=0
fi
if (( e2e_ready )) && [[ ! -x "$CHROMIUM" ]]; then
  echo "$CHROMIUM is missing: installing Debian's chromium"
  if ! apt_install chromium || [[ ! -x "$CHROMIUM" ]]; then
    warn "could not install chromium"
    FAILED_STEPS+=("chromium install")
    e2e_ready=0
  fi
fi
if (( e2e_ready )); then
  "$CHROMIUM" --version 2>/dev/null || true
  ADMIN_DB_URL=$TEST_DATABASE_URL
  name="marginal_e2e_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  if pg_admin create "$ADMIN_DB_URL" "$name"; then
    E2E_DB_NAME=$name
    E2E_DATABASE_URL=$(db_url_with_name "$ADMIN_DB_URL" "$name")
    E2E_PORT=${E2E_PORT:-$(free_port_from 3100)}
    E2E_NEXTAUTH_SECRET=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
    export E2E_DATABASE_URL E2E_PORT E2E_NEXTAUTH_SECRET
    export PLAYWRIGHT_JSON_OUTPUT_FILE=$PW_JSON
    echo "e2e database $name; app on http://127.0.0.1:$E2E_PORT"
  else
    FAILED_STEPS+=("e2e database")
    e2e_ready=0
  fi
fi

if (( e2e_ready )); then
  # `npm start` rebuilds unless .next/marginal-source-hash matches the sources, and a plain
  # `next build` does not write that stamp: build through the same helper so the web server
  # (180 s to come up) reuses this build instead of building again.
  if [[ -f scripts/build-if-stale.ts ]]; then
    run_step "next build" 1500 npx tsx -e 'import { buildIfStale } from "./scripts/build-if-stale.ts"; buildIfStale();'
  else
    run_step "next build" 1500 npx next build
  fi
  if (( LAST_RC == 0 )); then
    run_step playwright 2400 npx playwright test
    PW_RC=$LAST_RC
    # Issue 7: the fault suite (server SIGKILLed, PostgreSQL restarted mid-ingestion) and a short load
    # run on this build, each under its own limit; the step fails when either does.
    run_step "faults and load" 900 bash -c "timeout --kill-after=30 $(scaled 420) npm run test:faults -- --port $(free_port_from 3300); faults=\$?
      timeout --kill-after=30 $(scaled 360) npm run test:load -- --minutes 1.5 --port $(free_port_from 3300); load=\$?
      (( faults == 0 && load == 0 ))"
  else
    warn "skipping Playwright: the build failed"
  fi
fi

exit 0
