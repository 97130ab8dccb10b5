# Shared settings for the CI scripts: caches live outside the clone so a fresh
# clone reuses builds (override with RUNRECOVERY_CACHE).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${RUNRECOVERY_CACHE:-$HOME/.cache/runrecovery-ci}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$CACHE/target}
export CARGO_INCREMENTAL=0
export CARGO_TERM_COLOR=never
VENV=$CACHE/venv
export PATH=$HOME/.cargo/bin:$PATH
mkdir -p "$CACHE"
step() { printf '\n==== %s\n' "$*"; }
