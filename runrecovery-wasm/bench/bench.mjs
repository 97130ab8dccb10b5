// Engine benchmarks of the WebAssembly package under Node, with the ratio to
// the native Rust figures of `cargo bench -p runrecovery-core --bench engine`.
//
//   bash runrecovery-wasm/build.sh && node runrecovery-wasm/bench/bench.mjs [--quick]
//       [--athletes 1000] [--days 3650] [--fit-athletes 200] [--native-ns 3.4] [--native-fit-ms 1.0]
//       [--pkg <dir of another nodejs build>]
//
// 1. PMC (fitness, fatigue, form) over athletes × days: pmcBatch on one flat
//    Float64Array (the fast form) and on an array of Float64Array rows, next
//    to a plain JavaScript loop (what one would write by hand), in ns per
//    athlete-day, and the ratio to the native loop.
// 2. Banister fit, 5 free parameters, 730 days, a test every 10 days with
//    noise: banisterFit per athlete and banisterFitBatch (one thread: wasm32
//    has no threads here), in ms per athlete, and the ratio to the native fit.
// It measures, it does not assert.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
// --pkg <dir>: another wasm-bindgen --target nodejs build (e.g. one at another opt-level).
const pkgDir = args.includes('--pkg') ? path.resolve(args[args.indexOf('--pkg') + 1]) : path.join(here, '..', 'pkg-node');
const rr = require(path.join(pkgDir, 'runrecovery_wasm.js'));
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const quick = args.includes('--quick');
const athletes = arg('athletes', quick ? 100 : 1000);
const days = arg('days', quick ? 730 : 3650);
const fitAthletes = arg('fit-athletes', quick ? 10 : 200);
const repeat = quick ? 3 : 9;

// ---------------------------------------------------------------- data

/** A seeded generator (LCG), so every run sees the same loads. */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Flat row-major loads 0-150, a rest day a week and random easy days. */
function loadMatrix(n, d, seed = 42) {
  const r = rng(seed);
  const x = new Float64Array(n * d);
  for (let i = 0; i < n * d; i++) {
    const v = r() * 150;
    x[i] = i % d % 7 === 0 || r() < 0.1 ? 0 : v;
  }
  return x;
}

function time(fn, runs) {
  fn();
  const t = [];
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  t.sort((a, b) => a - b);
  return { best: t[0], median: t[Math.floor(t.length / 2)] };
}

/** The native figures criterion wrote (median), when `cargo bench` has run. */
function criterion(name) {
  const dirs = [process.env.CARGO_TARGET_DIR, '/work/cache/target-py', path.join(here, '..', '..', 'target')].filter(Boolean);
  for (const d of dirs) {
    const f = path.join(d, 'criterion', name, 'new', 'estimates.json');
    if (fs.existsSync(f)) return JSON.parse(fs.readFileSync(f, 'utf8')).median.point_estimate;
  }
  return undefined;
}

// ---------------------------------------------------------------- PMC

/** The PMC as one would write it in JavaScript, into preallocated arrays. */
function pmcJs(x, d, fitness, fatigue, form) {
  const gc = 1 - Math.exp(-1 / 42);
  const ga = 1 - Math.exp(-1 / 7);
  for (let i = 0; i < x.length; i += d) {
    let c = 0;
    let a = 0;
    for (let t = i; t < i + d; t++) {
      const w = x[t];
      if (!(w >= 0 && w <= 100000)) throw new Error(`bad load at ${t}`);
      form[t] = c - a;
      c += gc * (w - c);
      a += ga * (w - a);
      fitness[t] = c;
      fatigue[t] = a;
    }
  }
}

const cells = athletes * days;
const flat = loadMatrix(athletes, days);
const rows = Array.from({ length: athletes }, (_, i) => flat.subarray(i * days, (i + 1) * days));
const js = { fitness: new Float64Array(cells), fatigue: new Float64Array(cells), form: new Float64Array(cells) };

// They agree.
const check = rr.pmcBatch({ loads: flat, days });
pmcJs(flat, days, js.fitness, js.fatigue, js.form);
for (const k of ['fitness', 'fatigue', 'form']) {
  for (let i = 0; i < cells; i += 997) {
    if (Math.abs(check[k][i] - js[k][i]) > 1e-9 * (1 + Math.abs(js[k][i]))) throw new Error(`${k}[${i}] differs`);
  }
}

const pmcRows = {
  'pmcBatch (flat Float64Array + days)': time(() => rr.pmcBatch({ loads: flat, days }), repeat),
  'pmcBatch (latest day only, flat)': time(() => rr.pmcBatch({ loads: flat, days, latest: true }), repeat),
  'pmcBatch (array of Float64Array rows)': time(() => rr.pmcBatch({ loads: rows }), repeat),
  'plain JavaScript loop (preallocated)': time(() => pmcJs(flat, days, js.fitness, js.fatigue, js.form), repeat),
};
const nativeNs = arg('native-ns', undefined) ?? (criterion('pmc/batch 1000 athletes x 3650 days') ?? NaN) / (1000 * 3650);
const nativeLatestNs = (criterion('pmc/latest day only, 1000 athletes x 3650 days') ?? NaN) / (1000 * 3650);

const wasmBytes = fs.statSync(path.join(pkgDir, 'runrecovery_wasm_bg.wasm')).size;
console.log(`runrecovery ${rr.version()} (wasm, ${pkgDir}, ${(wasmBytes / 1024).toFixed(0)} KiB) on Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'})`);
console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`\n1. PMC, ${athletes} athletes × ${days} days, ns per athlete-day (best of ${repeat}; median in brackets)`);
for (const [k, t] of Object.entries(pmcRows)) {
  console.log(`   ${k.padEnd(42)} ${((t.best * 1e9) / cells).toFixed(2).padStart(8)}  [${((t.median * 1e9) / cells).toFixed(2)}]`);
}
console.log(`   ${'native loop (criterion, cargo bench)'.padEnd(42)} ${nativeNs.toFixed(2).padStart(8)}`);

// ---------------------------------------------------------------- Banister fit

function banisterPerf(loads, [p0, k1, tau1, k2, tau2]) {
  const d1 = Math.exp(-1 / tau1);
  const d2 = Math.exp(-1 / tau2);
  let g = 0;
  let h = 0;
  return Float64Array.from(loads, (w) => {
    g = g * d1 + w;
    h = h * d2 + w;
    return p0 + k1 * g - k2 * h;
  });
}

/** Standard normal from two uniforms (Box-Muller). */
const normal = (r) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

const fitDays = 730;
const fitLoads = loadMatrix(fitAthletes, fitDays, 7);
const fitTests = new Float64Array(fitAthletes * fitDays).fill(NaN);
const r = rng(7);
for (let i = 0; i < fitAthletes; i++) {
  const truth = [40 + 20 * r(), 0.05 + 0.1 * r(), 30 + 30 * r(), 0.15 + 0.25 * r(), 5 + 10 * r()];
  const perf = banisterPerf(fitLoads.subarray(i * fitDays, (i + 1) * fitDays), truth);
  for (let t = 10; t < fitDays; t += 10) fitTests[i * fitDays + t] = perf[t] + 2 * normal(r);
}
const dated = (i) => {
  const out = [];
  for (let t = 0; t < fitDays; t++) {
    const v = fitTests[i * fitDays + t];
    if (!Number.isNaN(v)) out.push({ date: new Date(Date.UTC(2024, 0, 1 + t)), value: v });
  }
  return out;
};
const single = [];
for (let i = 0; i < fitAthletes; i++) {
  const loads = fitLoads.subarray(i * fitDays, (i + 1) * fitDays);
  const tests = dated(i);
  if (i === 0) rr.banisterFit({ start: '2024-01-01', loads, tests });
  const t0 = process.hrtime.bigint();
  rr.banisterFit({ start: '2024-01-01', loads, tests });
  single.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
single.sort((a, b) => a - b);
const t0 = process.hrtime.bigint();
const batch = rr.banisterFitBatch({ loads: fitLoads, tests: fitTests, days: fitDays });
const batchMs = Number(process.hrtime.bigint() - t0) / 1e6;
const failed = batch.error_code.filter((c) => c !== null).length;
const nativeFitMs = arg('native-fit-ms', undefined) ?? (criterion('banister/fit 5 parameters, 730 days, 72 tests') ?? NaN) / 1e6;
const medianFit = single[Math.floor(single.length / 2)];

console.log(`\n2. Banister fit, 5 free parameters, ${fitDays} days, a test every 10 days (noise SD 2), ${fitAthletes} athletes`);
console.log(`   banisterFit, one athlete per call       median ${medianFit.toFixed(2)} ms`);
console.log(`   banisterFitBatch (one thread)           ${(batchMs / fitAthletes).toFixed(2)} ms per athlete, ${(batchMs / 1000).toFixed(2)} s in all (${failed} failed)`);
console.log(`   → 10 000 athletes: ${((batchMs / fitAthletes) * 10).toFixed(1)} s (extrapolated from ${fitAthletes})`);
console.log(`   native fit (criterion)                   ${nativeFitMs.toFixed(2)} ms`);

const flatNs = (pmcRows['pmcBatch (flat Float64Array + days)'].best * 1e9) / cells;
const latestNs = (pmcRows['pmcBatch (latest day only, flat)'].best * 1e9) / cells;
const rowsNs = (pmcRows['pmcBatch (array of Float64Array rows)'].best * 1e9) / cells;
const jsNs = (pmcRows['plain JavaScript loop (preallocated)'].best * 1e9) / cells;
console.log('\nSummary (ratios to native Rust on this machine)');
for (const [name, v] of [
  ['PMC: pmcBatch flat / native', flatNs / nativeNs],
  ['PMC: pmcBatch rows / native', rowsNs / nativeNs],
  ['PMC: pmcBatch latest / native latest', latestNs / nativeLatestNs],
  ['PMC: plain JS loop / native', jsNs / nativeNs],
  ['fit: banisterFit / native', medianFit / nativeFitMs],
  ['fit: banisterFitBatch per athlete / native', batchMs / fitAthletes / nativeFitMs],
]) {
  console.log(`   ${name.padEnd(44)} ${v.toFixed(2).padStart(7)}×`);
}
