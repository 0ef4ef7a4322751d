#!/usr/bin/env bash
# The check step of action.yml: `ctxlens check` (and `ctxlens lint` when asked) on the context
# directory, with the bundle scripts/prepare.mjs wrote. Exits with the worse of the two exit codes
# (0 pass, 1 fail, 2 bad usage or input), so lint still runs when check fails.
set -uo pipefail
cli="$GITHUB_ACTION_PATH/packages/cli/dist/ctxlens.mjs"
dir="${CTXLENS_DIRECTORY:-.}"
# Word splitting only: no globbing, no quotes (an argument cannot contain spaces).
read -r -a extra <<<"${CTXLENS_ARGS:-}"

status=0
node "$cli" check "$dir" "${extra[@]}" || status=$?
case "${CTXLENS_LINT:-false}" in
  true)
    lint=0
    node "$cli" lint "$dir" || lint=$?
    [ "$lint" -gt "$status" ] && status=$lint
    ;;
  false) ;;
  *)
    echo "::error title=ctxlens action::input lint must be true or false, got \"$CTXLENS_LINT\""
    status=2
    ;;
esac
exit "$status"
