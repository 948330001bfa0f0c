#!/usr/bin/env bash
# npm test – every check the project has, in order; stops at the first that fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

step() { echo; echo "▶ $1"; shift; "$@"; }

step "Type-check" npm run --silent typecheck
step "Lint" npm run --silent lint
step "Message catalogs" npm run --silent messages:check
step "Vitest: unit and integration tests (PostgreSQL at ${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/test})" npx vitest run
step "Playwright: end-to-end tests against a production build in Chromium" npx playwright test
echo; echo "✓ All checks passed"
