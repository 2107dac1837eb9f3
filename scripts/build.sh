#!/usr/bin/env bash
# The main job: install everything, check all the project's data and print the example plans.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap "" "${RUNTIME_APT_PACKAGES[@]}"
cd "$ROOT"
echo "==> ekc check ."
ekc check .
echo "==> ekc plan content/voorbeelden -o build/plannen --html"
ekc plan content/voorbeelden -o build/plannen --html
echo "De voorbeeldplannen staan in build/plannen/ (PDF en HTML)."
