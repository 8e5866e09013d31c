#!/usr/bin/env bash
# The static checks of `npm test`: typecheck and lint side by side. Each runs on one core, so on the 2-core CI
# machine this takes the longer of the two instead of their sum. Both always run; either failing fails.
set -uo pipefail
cd "$(dirname "$0")/.."
npm run --silent typecheck &
typecheck=$!
npm run --silent lint
lint=$?
wait "$typecheck"
typecheck=$?
[ "$typecheck" -eq 0 ] || echo "typecheck failed" >&2
[ "$lint" -eq 0 ] || echo "lint failed" >&2
exit $((typecheck || lint))
