#!/usr/bin/env bash
# The main job: install everything, then check all the project's data.
# (Rendering the example plans and building the site join here as they land.)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap ""
cd "$ROOT"
echo "==> ekc check ."
ekc check .
