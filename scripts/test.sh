#!/usr/bin/env bash
# Install the test dependencies (system packages too) and run the whole test suite,
# the linters and the type checker. .ci/run calls exactly this.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
bootstrap "test" "${RUNTIME_APT_PACKAGES[@]}" chromium
cd "$ROOT"
echo "==> ruff"
ruff check .
ruff format --check ekc_docs tests benchmarks
echo "==> mypy"
mypy
echo "==> pytest"
python -m pytest "$@"
