#!/usr/bin/env bash
# The main job: install everything, check all the project's data, print the example plans and
# build the site (online and offline editions).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
bootstrap "" "${RUNTIME_APT_PACKAGES[@]}"
cd "$ROOT"
echo "==> ekc check ."
ekc check .
echo "==> ekc plan content/voorbeelden -o build/plannen --html"
ekc plan content/voorbeelden -o build/plannen --html
echo "==> mkdocs build --strict"
export NO_MKDOCS_2_WARNING=1
mkdocs build --strict
echo "==> mkdocs build --strict -f mkdocs-offline.yml"
mkdocs build --strict -f mkdocs-offline.yml
rm -f build/site-offline.zip
(cd site-offline && python -m zipfile -c ../build/site-offline.zip ./*)
cat <<DONE

Klaar.
  De site:              site/  bekijk met: python -m http.server -d site 8000
                        en open http://127.0.0.1:8000/ (of: mkdocs serve)
  Offline-editie (zip): build/site-offline.zip (uitpakken en index.html openen, zoeken werkt)
  Voorbeeldplannen:     build/plannen/        (PDF en HTML)
DONE
