// Shared by the *.test.mjs files: loading the Node build, names, and the
// subset rule of tests/vectors/README.md.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

/** runrecovery-wasm/ */
export const packageDir = path.resolve(here, '..');
/** The workspace root. */
export const repoRoot = path.resolve(packageDir, '..');
/** tests/vectors/ */
export const vectorsDir = path.join(repoRoot, 'tests', 'vectors');

/** The nodejs build is CommonJS: load it with require, never as ESM. */
export const require = createRequire(import.meta.url);
export const pkg = require(path.join(packageDir, 'pkg-node', 'runrecovery_wasm.js'));

/** Exports that are not operations. */
export const HELPERS = new Set(['operations', 'version', 'errorCodes']);

/** `zone_table` → `zoneTable`. */
export const camelCase = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/** The exported operation functions, sorted. */
export const exportedOperations = () =>
  Object.keys(pkg)
    .filter((k) => typeof pkg[k] === 'function' && !HELPERS.has(k))
    .sort();

const isTypedArray = (v) => ArrayBuffer.isView(v) && !(v instanceof DataView);

/**
 * Where `actual` fails to match `expected` under the subset rule, as a list of
 * "path: reason" strings (empty when it matches). Numbers match within
 * `tol + tol·|expected|` (1e-9 unless the case gives its own "tolerance").
 *
 * One addition on the JS side: NaN read from a typed array matches `null`
 * (a `Float64Array` cannot hold `null`, so the batch functions put NaN where
 * the operation's JSON has `null`, e.g. an ACWR ratio that is not meaningful).
 * Anywhere else `null` matches only `null`.
 */
export function mismatches(actual, expected, tol = 1e-9, where = '$', out = [], fromTyped = false) {
  if (expected === null) {
    if (actual !== null && !(fromTyped && Number.isNaN(actual))) out.push(`${where}: expected null, got ${show(actual)}`);
  } else if (typeof expected === 'number') {
    const ok = typeof actual === 'number' && Math.abs(actual - expected) <= tol + tol * Math.abs(expected);
    if (!ok) out.push(`${where}: expected ${expected}, got ${show(actual)}`);
  } else if (typeof expected === 'string' || typeof expected === 'boolean') {
    if (actual !== expected) out.push(`${where}: expected ${show(expected)}, got ${show(actual)}`);
  } else if (Array.isArray(expected)) {
    const list = isTypedArray(actual) ? Array.from(actual) : actual;
    if (!Array.isArray(list)) {
      out.push(`${where}: expected an array, got ${show(actual)}`);
    } else if (list.length !== expected.length) {
      out.push(`${where}: expected ${expected.length} items, got ${list.length}`);
    } else {
      const typed = isTypedArray(actual);
      expected.forEach((e, i) => mismatches(list[i], e, tol, `${where}[${i}]`, out, typed));
    }
  } else if (typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual) || isTypedArray(actual)) {
      out.push(`${where}: expected an object, got ${show(actual)}`);
    } else {
      for (const [k, e] of Object.entries(expected)) {
        if (!Object.hasOwn(actual, k)) out.push(`${where}.${k}: missing`);
        else mismatches(actual[k], e, tol, `${where}.${k}`, out);
      }
    }
  } else {
    out.push(`${where}: unsupported expected value ${show(expected)}`);
  }
  return out;
}

function show(v) {
  if (isTypedArray(v)) return `${v.constructor.name}(${v.length})`;
  try {
    const s = JSON.stringify(v);
    return s === undefined ? String(v) : s.length > 120 ? `${s.slice(0, 117)}...` : s;
  } catch {
    return String(v);
  }
}

/** Calls `f` and returns what it threw (fails if it returned). */
export function thrown(f) {
  try {
    const result = f();
    return { returned: result };
  } catch (e) {
    return { error: e };
  }
}
