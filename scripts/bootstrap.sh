# Shared set-up for build.sh and test.sh: system packages, a virtual environment, the package.
# Sourced, not run. Usage: bootstrap <pip extras, e.g. "" or "test"> <apt packages…>
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${EKC_VENV:-$ROOT/.venv}"
# WeasyPrint needs Pango; HarfBuzz's subsetter makes every PDF about twice as fast.
RUNTIME_APT_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig)

apt_install() {
  # Install the Debian packages that are missing (root, or through sudo).
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "==> apt-get install ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

bootstrap() {
  local extras="$1"; shift
  if command -v apt-get >/dev/null 2>&1; then
    apt_install python3 python3-venv python3-pip "$@"
  fi
  local python="${PYTHON:-python3}"
  "$python" -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV"
    "$python" -m venv "$VENV"
  fi
  # shellcheck disable=SC1091
  source "$VENV/bin/activate"
  python -m pip install -q --upgrade pip
  local target="$ROOT"
  [ -n "$extras" ] && target="$ROOT[$extras]"
  echo "==> pip install $target"
  python -m pip install -q "$target"
}
