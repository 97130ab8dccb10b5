#!/usr/bin/env bash
# Builds the wasm module and its two JS packages:
#   pkg-node/  CommonJS for Node (wasm-bindgen --target nodejs)
#   pkg-web/   ES module for browsers and bundlers (--target web: call init() first)
# Idempotent; honours CARGO_TARGET_DIR. Run from anywhere.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

target_dir="${CARGO_TARGET_DIR:-$root/target}"
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/runrecovery_wasm.wasm"

# The CLI must be exactly the wasm-bindgen version in Cargo.lock.
want="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)"
have="$(wasm-bindgen --version | awk '{print $2}')"
if [[ "$want" != "$have" ]]; then
  echo "build.sh: wasm-bindgen CLI is $have but Cargo.lock has $want" >&2
  echo "          cargo install wasm-bindgen-cli --version $want" >&2
  exit 1
fi

cargo build -p runrecovery-wasm --target wasm32-unknown-unknown --profile wasm-release

# The name section (function names in traps) is about 15 % of the module;
# RUNRECOVERY_WASM_KEEP_NAMES=1 keeps it for debugging.
strip_names=(--remove-name-section)
[[ "${RUNRECOVERY_WASM_KEEP_NAMES:-0}" == 1 ]] && strip_names=()
for t in nodejs web; do
  out="$here/pkg-${t/nodejs/node}"
  rm -rf "$out"
  wasm-bindgen --target "$t" "${strip_names[@]}" --out-dir "$out" "$wasm"
done
# pkg-web is an ES module; say so at its own level only (pkg-node stays CommonJS).
printf '{\n  "type": "module"\n}\n' >"$here/pkg-web/package.json"

bg="$here/pkg-node/runrecovery_wasm_bg.wasm"
raw=$(wc -c <"$bg")
gz=$(gzip -9 -c "$bg" | wc -c)
echo "runrecovery_wasm_bg.wasm: $raw bytes raw, $gz bytes gzip -9"
