# Sourced (after env.sh) by the Python steps that use the installed package
# (52-python-stubtest, 55-python-notebook). ensure_runrecovery_installed builds
# and installs the wheel from this checkout into $VENV, as 50-python does,
# unless the installed package's Python files are already this checkout's
# (after 50-python they are, and nothing is rebuilt). A change to the Rust
# code alone is not detected here: 50-python rebuilds for that.
ensure_runrecovery_installed() {
  local site f
  site=$("$VENV/bin/python" -c 'import os, runrecovery; print(os.path.dirname(runrecovery.__file__))' 2>/dev/null) || site=""
  if [ -n "$site" ]; then
    local stale=0
    for f in "$ROOT"/runrecovery-py/python/runrecovery/*; do
      [ -f "$f" ] || continue
      cmp -s "$f" "$site/$(basename "$f")" || { stale=1; break; }
    done
    if [ "$stale" = 0 ]; then
      echo "runrecovery in $VENV is this checkout's"
      return 0
    fi
  fi
  echo "building and installing runrecovery from this checkout"
  rm -rf "$CACHE/dist"
  "$VENV/bin/maturin" build --release -q -m "$ROOT/runrecovery-py/Cargo.toml" --out "$CACHE/dist"
  "$VENV/bin/pip" install -q --no-deps --force-reinstall "$CACHE"/dist/*.whl
}
