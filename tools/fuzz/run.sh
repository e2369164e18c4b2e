#!/usr/bin/env bash
# Fuzzes a running gatehouse against its own OpenAPI document with schemathesis.
# Not part of `npm test` or CI: a manual, time-bounded probe (see tools/fuzz/README.md).
#
#   tools/fuzz/run.sh [extra schemathesis run options...]
#
# FUZZ_MODE=remote runs gatehouse in remote mode instead, on a local stack (redis-server ◀
# redis-http, FerretDB ◀ gateway) started by tools/fuzz/remote-stack.ts.
#
# Environment: FUZZ_MAX_EXAMPLES (30), FUZZ_MAX_TIME (unset: no time budget; set, fuzzing repeats
# until it is spent), FUZZ_CHECKS (all), FUZZ_EXCLUDE_CHECKS (positive_data_acceptance; empty for
# none), FUZZ_SEED, FUZZ_VENV (/tmp/gatehouse-fuzz-venv), FUZZ_KEEP=1 keeps the data dir, server
# log and reports, FUZZ_LOG_LEVEL (warn) for the server.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=${FUZZ_VENV:-/tmp/gatehouse-fuzz-venv}
MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-30}
MAX_TIME=${FUZZ_MAX_TIME:-}
# Every check but positive_data_acceptance: the API rightly refuses some data the document cannot
# rule out (IANA time zones, cross-field rules, stale If-Match...) — see README.md.
CHECKS=${FUZZ_CHECKS:-all}
EXCLUDE_CHECKS=${FUZZ_EXCLUDE_CHECKS-positive_data_acceptance}
WORK=$(mktemp -d /tmp/gatehouse-fuzz.XXXXXX)
MODE=${FUZZ_MODE:-embedded}
SERVER_PID=
STACK_PID=

progress() { printf '[fuzz] %s\n' "$*" >&2; }

# Stops a process group started with setsid: SIGTERM, then SIGKILL after 5 s.
stop_group() {
  local pid=$1 what=$2
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  progress "stopping $what (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
  stop_group "$SERVER_PID" gatehouse
  stop_group "$STACK_PID" "the remote stack"
  if [[ "${FUZZ_KEEP:-}" == 1 ]]; then progress "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT INT TERM

# 1. schemathesis in a throwaway venv (nothing from pip lives in the repository).
if [[ ! -x "$VENV/bin/schemathesis" ]]; then
  progress "installing schemathesis into $VENV"
  python3.11 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet schemathesis
fi
progress "$("$VENV/bin/schemathesis" --version)"

# 2. gatehouse (embedded, or remote on the local stack) on a fresh data dir and a free port; limits
#    raised so the fuzzer measures behaviour, not the rate limiter (429s are still declared).
cd "$ROOT"
if [[ "$MODE" == remote ]]; then
  progress "starting the remote stack (redis-server, redis-http, FerretDB, gateway)"
  setsid npx node tools/fuzz/remote-stack.ts "$WORK/remote.env" >"$WORK/stack.log" 2>&1 &
  STACK_PID=$!
  for i in $(seq 1800); do
    [[ -f "$WORK/remote.env" ]] && break
    kill -0 "$STACK_PID" 2>/dev/null || { cat "$WORK/stack.log" >&2; progress "the remote stack exited"; exit 1; }
    [[ $i == 1800 ]] && { cat "$WORK/stack.log" >&2; progress "the remote stack not ready after 180 s"; exit 1; }
    sleep 0.1
  done
  set -a; source "$WORK/remote.env"; set +a
elif [[ "$MODE" != embedded ]]; then
  progress "FUZZ_MODE must be embedded or remote"; exit 2
fi

PORT=$(python3.11 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
progress "starting gatehouse ($MODE mode, data dir $WORK/data) on $BASE"
GATEHOUSE_DATA_DIR="$WORK/data" PORT=$PORT HOST=127.0.0.1 LOG_LEVEL=${FUZZ_LOG_LEVEL:-warn} \
  RATE_LIMIT_REQUESTS=1000000 AUTH_RATE_LIMIT_ACCOUNT=1000000 AUTH_RATE_LIMIT_IP=1000000 \
  QUOTA_API_CALLS_PER_HOUR=1000000 PASSWORD_PBKDF2_ITERATIONS=${FUZZ_PBKDF2_ITERATIONS:-10000} \
  setsid npm start >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for i in $(seq 300); do
  curl -fsS "$BASE/health/live" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; progress "gatehouse exited"; exit 1; }
  [[ $i == 300 ]] && { cat "$WORK/server.log" >&2; progress "gatehouse not ready after 30 s"; exit 1; }
  sleep 0.1
done
progress "gatehouse is up"

# 3. An account to fuzz with: register (tenant admin), then sign in once to prove the credentials.
export FUZZ_EMAIL="fuzz-$RANDOM$RANDOM@example.com"
export FUZZ_PASSWORD="fuzz-password-$RANDOM$RANDOM"
curl -fsS -X POST "$BASE/api/v1/auth/register" -H 'content-type: application/json' \
  -d "{\"email\":\"$FUZZ_EMAIL\",\"password\":\"$FUZZ_PASSWORD\",\"organization\":\"Fuzz Org\"}" >/dev/null
curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"$FUZZ_EMAIL\",\"password\":\"$FUZZ_PASSWORD\"}" >/dev/null
progress "registered and signed in as $FUZZ_EMAIL (token fetched again by schemathesis on any 401)"

# 4. The fuzz run itself, bounded by examples per operation and by wall time.
progress "schemathesis: max $MAX_EXAMPLES examples per operation${MAX_TIME:+, time budget ${MAX_TIME}s}, checks $CHECKS${EXCLUDE_CHECKS:+ but $EXCLUDE_CHECKS}"
cd "$WORK" # schemathesis keeps its state in ./.schemathesis: not in the repository
set +e
PYTHONPATH="$ROOT/tools/fuzz" SCHEMATHESIS_HOOKS=hooks \
"$VENV/bin/schemathesis" --config-file "$ROOT/tools/fuzz/schemathesis.toml" run "$BASE/openapi.json" \
  --checks "$CHECKS" ${EXCLUDE_CHECKS:+--exclude-checks "$EXCLUDE_CHECKS"} \
  --max-examples "$MAX_EXAMPLES" \
  ${MAX_TIME:+--max-time "$MAX_TIME"} \
  --request-timeout 10 \
  --generation-database none \
  --report junit,ndjson --report-dir "$WORK/report" \
  ${FUZZ_SEED:+--seed "$FUZZ_SEED"} \
  "$@"
STATUS=$?
set -e

# 5. What the server said about itself: any logged 500 is a finding even if no check caught it.
if grep -q '"unhandled error"' "$WORK/server.log"; then
  progress "server logged unhandled errors:"
  grep '"unhandled error"' "$WORK/server.log" | head -20 >&2
  STATUS=1
fi
if [[ "${FUZZ_KEEP:-}" == 1 ]]; then progress "server log: $WORK/server.log, reports: $WORK/report"; fi
progress "done (exit $STATUS)"
exit $STATUS
