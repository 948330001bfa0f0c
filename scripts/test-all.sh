#!/usr/bin/env bash
# npm test – every check the project has, in order; stops at the first that fails.
#
# Vitest runs twice: every test without Redis (the in-process store `npm run local` uses), then the integration
# tests again with the machine's Redis at REDIS_URL behind our local Upstash REST server, as a deployment uses it
# (unit tests touch neither). This script starts that server on its
# own port and stops it on exit. Playwright runs once, without Redis: all its traffic comes from 127.0.0.1, and a
# fresh server process keeps one run's rate-limit windows from leaking into the next.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

REDIS_REST_URL="http://127.0.0.1:${REDIS_REST_PORT:-18079}"
REDIS_REST_TOKEN="test-suite-redis-rest-token"
rest_pid=""

step() { echo; echo "▶ $1"; shift; "$@"; }
without_redis() { env -u UPSTASH_REDIS_REST_URL -u UPSTASH_REDIS_REST_TOKEN "$@"; }
with_redis() { UPSTASH_REDIS_REST_URL="$REDIS_REST_URL" UPSTASH_REDIS_REST_TOKEN="$REDIS_REST_TOKEN" "$@"; }

stop_redis_rest() { if [ -n "$rest_pid" ]; then kill "$rest_pid" 2>/dev/null || true; fi; }
trap stop_redis_rest EXIT

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
  without_redis npx vitest run
step "Redis REST server at $REDIS_REST_URL in front of ${REDIS_URL:-redis://127.0.0.1:6379}" start_redis_rest
step "Vitest integration tests with Redis through the REST server" with_redis npx vitest run --project integration
stop_redis_rest
step "Playwright: end-to-end tests against a production build in Chromium (in-process store)" \
  without_redis npx playwright test
echo; echo "✓ All checks passed"
