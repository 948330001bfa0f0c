#!/usr/bin/env bash
# npm test – every check the project has, in order; stops at the first that fails.
#
# Vitest runs twice: every test without Redis (the in-process store `npm run local` uses), then the integration
# tests again with the machine's Redis at REDIS_URL behind our local Upstash REST server, as a deployment uses it
# (unit tests touch neither). This script starts that server on its
# own port and stops it on exit. Playwright runs once, without Redis: all its traffic comes from 127.0.0.1, and a
# fresh server process keeps one run's rate-limit windows from leaking into the next. Then a second production server
# is started from the same build output, with its own database, and the suite runs again with BASE_URL pointing at it:
# only what runs against any deployment (plus the build-output checks, since it is this build) – the proof that the
# suite can be pointed at staging or production.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

REDIS_REST_URL="http://127.0.0.1:${REDIS_REST_PORT:-18079}"
REDIS_REST_TOKEN="test-suite-redis-rest-token"
rest_pid=""
TARGET_PORT="${E2E_TARGET_PORT:-3220}"
TARGET_URL="http://127.0.0.1:$TARGET_PORT"
target_pid=""

step() { echo; echo "▶ $1"; shift; "$@"; }
without_redis() { env -u UPSTASH_REDIS_REST_URL -u UPSTASH_REDIS_REST_TOKEN "$@"; }
with_redis() { UPSTASH_REDIS_REST_URL="$REDIS_REST_URL" UPSTASH_REDIS_REST_TOKEN="$REDIS_REST_TOKEN" "$@"; }

stop_redis_rest() { if [ -n "$rest_pid" ]; then kill "$rest_pid" 2>/dev/null || true; fi; }
# The target runs in its own process group (set -m below), so one kill reaches npx, tsx and `next start` alike.
stop_target() { if [ -n "$target_pid" ]; then kill -- "-$target_pid" 2>/dev/null || true; fi; }
trap 'stop_redis_rest; stop_target' EXIT

start_target() {
  set -m
  env -u UPSTASH_REDIS_REST_URL -u UPSTASH_REDIS_REST_TOKEN E2E_PORT="$TARGET_PORT" \
    E2E_DATABASE="${E2E_DATABASE:-surge_e2e}_target" npx tsx scripts/e2e-server.ts --no-build &
  target_pid=$!
  set +m
  for _ in $(seq 1 300); do
    if curl -sf -o /dev/null "$TARGET_URL/api/totals"; then return 0; fi
    kill -0 "$target_pid" 2>/dev/null || { echo "The target server exited" >&2; return 1; }
    sleep 0.5
  done
  echo "The target server did not answer at $TARGET_URL" >&2
  return 1
}

start_redis_rest() {
  # `env` execs node, so $! is the server itself and the trap's kill reaches it.
  env UPSTASH_REDIS_REST_URL="$REDIS_REST_URL" UPSTASH_REDIS_REST_TOKEN="$REDIS_REST_TOKEN" node --import tsx --import ./lib/server-process.ts scripts/redis-rest.ts &
  rest_pid=$!
  for _ in $(seq 1 50); do
    if curl -sf -o /dev/null -H "Authorization: Bearer $REDIS_REST_TOKEN" -d '["PING"]' "$REDIS_REST_URL/"; then return 0; fi
    kill -0 "$rest_pid" 2>/dev/null || { echo "The Redis REST server exited" >&2; return 1; }
    sleep 0.2
  done
  echo "The Redis REST server did not answer at $REDIS_REST_URL" >&2
  return 1
}

step "Type-check" npm run --silent typecheck
step "Lint" npm run --silent lint
step "Message catalogs" npm run --silent messages:check
step "Vitest without Redis (in-process store; PostgreSQL at ${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test})" \
  without_redis npx vitest run --project unit --project integration
step "Redis REST server at $REDIS_REST_URL in front of ${REDIS_URL:-redis://127.0.0.1:6379}" start_redis_rest
step "Vitest integration tests with Redis through the REST server" with_redis npx vitest run --project integration
stop_redis_rest
step "Playwright: end-to-end tests against a production build in Chromium (in-process store)" \
  without_redis npx playwright test
step "npm run loadtest, briefly, against that build, and its verification failing when something is lost" \
  without_redis npx vitest run --project loadtest
step "Deployment: nginx (deploy/nginx) in front of two instances; standalone copies sharing one Redis cache" \
  npx vitest run --project deploy
step "A second production server from the same build at $TARGET_URL (its own database)" start_target
step "Playwright: the part that runs against any deployment, with BASE_URL=$TARGET_URL" \
  env BASE_URL="$TARGET_URL" E2E_TARGET_OFFERS=build-output PLAYWRIGHT_HTML_OUTPUT_DIR=playwright-report-target \
  npx playwright test
step "The suite's own test: through a proxy to $TARGET_URL that breaks one thing, it must fail naming it" \
  env SUITE_TARGET_URL="$TARGET_URL" npm run --silent test:e2e:self
stop_target
echo; echo "✓ All checks passed"
