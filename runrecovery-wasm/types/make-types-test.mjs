// Writes js-tests/types.test.ts: compile-time checks of types/runrecovery.d.ts
// against the library itself (run with tsc --noEmit, never executed):
//
// - the input of every case of tests/vectors/*.json satisfies its operation's
//   request type; an error case whose input the types already reject gets
//   `// @ts-expect-error` (decided by running tsc once without the markers);
//   a valid case the types reject stops the generator;
// - every enum union equals the variants the library accepts, every request
//   struct's keys (and its required keys) equal the fields the library
//   accepts (both read from the library's own "expected one of ..." errors);
// - the error codes, the manifest's operation names, each function's
//   signature, and the exports of the wasm-bindgen build.
//
// With --outputs DIR it also writes DIR/outputs.test.ts (+ DIR/tsconfig.json):
// the output of every valid case, computed by pkg-node, as a literal that must
// satisfy the response type (long arrays sampled). That file is not committed
// (it holds the numbers, which change with the science); CI type-checks it.
//
// Usage (from anywhere; needs pkg-node built and `npm ci` in runrecovery-wasm):
//   node runrecovery-wasm/types/make-types-test.mjs            rewrite js-tests/types.test.ts
//   node runrecovery-wasm/types/make-types-test.mjs --check    exit 1 if it is stale
//   node runrecovery-wasm/types/make-types-test.mjs --outputs DIR
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const repo = path.resolve(pkgDir, '..');
const testsDir = path.join(pkgDir, 'js-tests');
const target = path.join(testsDir, 'types.test.ts');
const tsconfig = path.join(testsDir, 'tsconfig.json');
const vectorsDir = path.join(repo, 'tests', 'vectors');
const tsc = path.join(pkgDir, 'node_modules', '.bin', 'tsc');
const require = createRequire(import.meta.url);
const rr = require(path.join(pkgDir, 'pkg-node', 'runrecovery_wasm.js'));

const camelCase = (name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const clone = (v) => structuredClone(v);
const comment = (s) => s.replace(/\s+/g, ' ').replace(/\*\//g, '* /');

// ---------------------------------------------------------------- probes

/** The backquoted names after "expected" in a serde error message. */
function expectedNames(message) {
  const tail = message.slice(message.indexOf('expected'));
  const names = [...tail.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  if (names.length === 0) throw new Error(`no "expected" list in: ${message}`);
  return names;
}

function thrownBy(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
}

const session = { date: '2026-03-02', kind: 'easy', duration_s: 3600, rpe: 3, avg_hr_bpm: 140 };
const log = { schema_version: 1, sessions: [session] };
const params = { p0: 50, k1: 0.1, tau1: 45, k2: 0.3, tau2: 11 };
const athlete = { hr_max_bpm: 190 };
const markers = [{ date: '2026-03-02', resting_hr_bpm: 50 }];
const busso = { p0: 50, k1: 0.1, tau1: 45, k3: 0.01, tau2: 11, tau3: 5 };

/** Enums accepted in input: a function placing the probe value where the enum goes. */
const enums = {
  Sex: (x) => rr.resolveAthlete({ athlete: { sex: x } }),
  HrMaxFormula: (x) => rr.estimateHrMax({ age_years: 30, formula: x }),
  SessionKind: (x) => rr.sessionLoad({ session: { ...session, kind: x } }),
  Modality: (x) => rr.sessionLoad({ session: { ...session, modality: x } }),
  SessionStatus: (x) => rr.sessionLoad({ session: { ...session, status: x } }),
  DuplicatePolicy: (x) => rr.readLog({ log, duplicates: x }),
  ZoneSystem: (x) => rr.zoneTable({ athlete, system: x }),
  LoadMethod: (x) => rr.sessionLoad({ session, method: x }),
  TrimpCoefficients: (x) => rr.sessionLoad({ session, trimp_coefficients: x }),
  MissingData: (x) => rr.dailyLoads({ log, missing: x }),
  Include: (x) => rr.dailyLoads({ log, include: x }),
  WeekMode: (x) => rr.weeklyLoads({ start: '2026-03-02', loads: [1], week: x }),
  SdKind: (x) => rr.weeklyLoads({ start: '2026-03-02', loads: [1], sd: x }),
  Carbohydrate: (x) => rr.recoveryState({ log, date: '2026-03-03', options: { carbohydrate: x } }),
  Gain: (x) => rr.pmc({ start: '2026-03-02', loads: [1], gain: x }),
  FormDay: (x) => rr.pmc({ start: '2026-03-02', loads: [1], form_day: x }),
  AcwrMethod: (x) => rr.acwr({ start: '2026-03-02', loads: [1], method: x }),
  EwmaDecay: (x) => rr.acwr({ start: '2026-03-02', loads: [1], decay: x }),
  EwmaSeed: (x) => rr.acwr({ start: '2026-03-02', loads: [1], seed: x }),
  LoadTiming: (x) => rr.banisterSimulate({ loads: [1], params, timing: x }),
  HrvIndex: (x) => rr.readiness({ markers: [{ ...markers[0], hrv: { value: 60, index: x } }] }),
  ReadinessMode: (x) => rr.readiness({ markers, options: { mode: x } }),
  HrvAboveBand: (x) => rr.readiness({ markers, options: { hrv_above_band: x } }),
  WellnessScale: (x) => rr.readiness({ markers, options: { wellness_scale: x } }),
  RuleScope: (x) => rr.checkRules({ log, scope: x }),
  "TaperShape['kind']": (x) => rr.taperApply({ log, race_date: '2026-03-20', taper: { shape: { kind: x } } }),
  "TaperModel['kind']": (x) => rr.taperScore({ log, race_date: '2026-03-20', model: { kind: x } }),
};

/**
 * Structs accepted in input: the function, a request holding every required
 * field, the path of the struct inside it, and the keys only the JS binding
 * reads (the batch functions' `days`).
 */
const structs = [
  ['EstimateHrMaxRequest', 'estimateHrMax', { age_years: 30 }],
  ['ResolveAthleteRequest', 'resolveAthlete', { athlete: {} }],
  ['ReadLogRequest', 'readLog', { log }],
  ['DailySeriesRequest', 'dailySeries', { dates: ['2026-03-02'], values: [1] }],
  ['ZoneTableRequest', 'zoneTable', { athlete, system: 'hr_max' }],
  ['ClassifyRequest', 'classify', { athlete, system: 'hr_max', value: 150 }],
  ['ClassifySessionRequest', 'classifySession', { athlete, system: 'hr_max', session }],
  ['IntensityDistributionRequest', 'intensityDistribution', { log, system: 'hr_max' }],
  ['PolarizationRequest', 'polarizationIndex', { z1: 1, z2: 1, z3: 1 }],
  ['Race', 'vdotFromRace', { distance_m: 5000, time_s: 1200 }],
  ['EquivalentTimeRequest', 'equivalentTime', { vdot: 50, distance_m: 10000 }],
  ['TrainingPacesRequest', 'trainingPaces', { vdot: 50 }],
  ['PredictRequest', 'riegelPredict', { distance_m: 5000, time_s: 1200, to_distance_m: 10000 }],
  ['TwoRacesRequest', 'riegelExponent', { first: { distance_m: 5000, time_s: 1200 }, second: { distance_m: 10000, time_s: 2500 } }],
  ['SessionLoadRequest', 'sessionLoad', { session }],
  ['LogLoadRequest', 'dailyLoads', { log }],
  ['WeeklyLoadsRequest', 'weeklyLoads', { start: '2026-03-02', loads: [1] }],
  ['PmcRequest', 'pmc', { start: '2026-03-02', loads: [1] }],
  ['LogPmcRequest', 'logPmc', { log }],
  ['AcwrRequest', 'acwr', { start: '2026-03-02', loads: [1] }],
  ['BanisterSimulateRequest', 'banisterSimulate', { loads: [1], params }],
  ['BanisterResponseRequest', 'banisterResponse', { params }],
  ['BanisterFitRequest', 'banisterFit', { start: '2026-03-02', loads: [1, 2], tests: [{ date: '2026-03-03', value: 50 }] }],
  ['BanisterForecastRequest', 'banisterForecast', { loads: [1], planned_loads: [1], params }],
  ['PmcBatchRequest', 'pmcBatch', { loads: [[1]] }, [], ['days']],
  ['AcwrBatchRequest', 'acwrBatch', { loads: [[1]] }, [], ['days']],
  ['BanisterFitBatchRequest', 'banisterFitBatch', { loads: [[1]], tests: [[null]] }, [], ['days']],
  ['ReadinessRequest', 'readiness', { markers }],
  ['BaselinesRequest', 'readinessBaselines', { markers }],
  ['WarningSignsRequest', 'warningSigns', { markers }],
  ['AdaptSessionRequest', 'adaptSession', { planned: session, markers }],
  ['RecoveryPrescriptionRequest', 'recoveryPrescription', { session, body_mass_kg: 60 }],
  ['CheckRulesRequest', 'checkRules', { log }],
  ['RecoveryStateRequest', 'recoveryState', { log, date: '2026-03-03' }],
  ['BussoSimulateRequest', 'bussoSimulate', { loads: [1], params: busso }],
  ['BussoFitRequest', 'bussoFit', { start: '2026-03-02', loads: [1, 2], tests: [{ date: '2026-03-03', value: 50 }] }],
  ['TaperApplyRequest', 'taperApply', { log, race_date: '2026-03-20' }],
  ['TaperScoreRequest', 'taperScore', { log, race_date: '2026-03-20' }],
  ['TaperOptimizeRequest', 'taperOptimize', { log, race_date: '2026-03-20' }],
  ['TaperSpec', 'taperApply', { log, race_date: '2026-03-20', taper: {} }, ['taper']],
  ['NextQualitySessionRequest', 'nextQualitySession', { log, today: '2026-03-03' }],
  ['ToIcalendarRequest', 'toIcalendar', { log }],
  ['Athlete', 'resolveAthlete', { athlete: {} }, ['athlete']],
  ['Session', 'sessionLoad', { session }, ['session']],
  ['HrBin', 'sessionLoad', { session: { ...session, hr_histogram: [{ hr_bpm: 140, seconds: 60 }] } }, ['session', 'hr_histogram', 0]],
  ['BanisterParams', 'banisterResponse', { params }, ['params']],
  ['PerformanceTest', 'banisterFit', { start: '2026-03-02', loads: [1, 2], tests: [{ date: '2026-03-03', value: 50 }] }, ['tests', 0]],
  ['RecoveryOptions', 'recoveryState', { log, date: '2026-03-03', options: {} }, ['options']],
  ['DayMarkers', 'readiness', { markers }, ['markers', 0]],
  ['Hrv', 'readiness', { markers: [{ ...markers[0], hrv: { value: 60, index: 'rmssd_ms' } }] }, ['markers', 0, 'hrv']],
  ['Wellness', 'readiness', { markers: [{ ...markers[0], wellness: {} }] }, ['markers', 0, 'wellness']],
  ['EngineState', 'readiness', { markers, engine: {} }, ['engine']],
  ['ReadinessOptions', 'readiness', { markers, options: {} }, ['options']],
  ['DatedLoads', 'warningSigns', { markers, loads: { start: '2026-03-02', values: [1] } }, ['loads']],
  ['RuleParams', 'checkRules', { log, params: {} }, ['params']],
  ['BussoParams', 'bussoSimulate', { loads: [1], params: busso }, ['params']],
];

const at = (obj, where) => where.reduce((o, k) => o[k], obj);
const union = (names) => names.map((n) => `'${n}'`).join(' | ') || 'never';
const missing = [];

function probeLines() {
  missing.length = 0;
  const lines = [];
  for (const [name, call] of Object.entries(enums)) {
    const e = thrownBy(() => call('__probe__'));
    if (!e || !/unknown variant/.test(e.message)) throw new Error(`${name}: no unknown-variant error (${e && e.message})`);
    lines.push(`type _enum_${name.replace(/\W+/g, '_')} = Expect<Equal<RR.${name}, ${union(expectedNames(e.message))}>>;`);
  }
  for (const [name, fn, base, where = [], jsOnly = []] of structs) {
    if (typeof rr[fn] !== 'function') {
      missing.push(fn);
      lines.push(`// ${name}: not checked, the build has no ${fn}()`);
      continue;
    }
    const probe = clone(base);
    at(probe, where).__probe__ = 1;
    const e = thrownBy(() => rr[fn](probe));
    if (!e || !/unknown field/.test(e.message)) throw new Error(`${name}: no unknown-field error (${e && e.message})`);
    const required = [];
    for (const key of Object.keys(at(base, where))) {
      const without = clone(base);
      delete at(without, where)[key];
      const m = thrownBy(() => rr[fn](without));
      if (m && m.message.includes(`missing field \`${key}\``)) required.push(key);
    }
    lines.push(`type _keys_${name} = Expect<Equal<keyof RR.${name}, ${union([...expectedNames(e.message), ...jsOnly])}>>;`);
    lines.push(`type _required_${name} = Expect<Equal<RequiredKeys<RR.${name}>, ${union(required)}>>;`);
  }
  // The log document is read by hand (its own message lists the keys).
  const e = thrownBy(() => rr.readLog({ log: { ...log, __probe__: 1 } }));
  const keys = /expected ([a-z_, ]+)\)/.exec(e.message)[1].split(', ');
  lines.push(`type _keys_LogDocument = Expect<Equal<keyof RR.LogDocument, ${union(keys)}>>;`);
  lines.push(`type _required_LogDocument = Expect<Equal<RequiredKeys<RR.LogDocument>, 'schema_version' | 'sessions'>>;`);
  return lines;
}

// ---------------------------------------------------------------- vectors

function vectorCases() {
  const files = fs
    .readdirSync(vectorsDir)
    .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
    .sort();
  return files.flatMap((file) =>
    JSON.parse(fs.readFileSync(path.join(vectorsDir, file), 'utf8')).cases.map((c) => ({ ...c, file })),
  );
}

/** A JS value as a TypeScript literal; `sample` shortens long arrays to one item per shape. */
function literal(v, sample) {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
    return Object.is(v, -0) ? '0' : JSON.stringify(v);
  }
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (v instanceof Float64Array) return `new Float64Array([${pick(Array.from(v), sample).map((x) => literal(x)).join(', ')}])`;
  if (Array.isArray(v)) return `[${pick(v, sample).map((x) => literal(x, sample)).join(', ')}]`;
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${JSON.stringify(k)}: ${literal(x, sample)}`)
    .join(', ')} }`;
}

/** The shape of a value, for sampling. */
function shape(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${[...new Set(v.map(shape))].sort().join('|')}]`;
  if (typeof v === 'object') return `{${Object.keys(v).map((k) => `${k}:${shape(v[k])}`).join(',')}}`;
  // Enum-like strings keep their value (each variant is checked), others are just strings.
  if (typeof v === 'string') return /^[a-z][a-z0-9_]*$/.test(v) ? `s:${v}` : 's';
  return typeof v;
}

function pick(list, sample) {
  if (!sample || list.length <= 8) return list; // short arrays may be tuples
  const seen = new Set();
  return list.filter((x, i) => {
    const s = shape(x);
    if (i > 0 && seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}

function header(what) {
  return [
    `// generated by runrecovery-wasm/types/make-types-test.mjs from ${what}; do not edit.`,
    '// Regenerate: node runrecovery-wasm/types/make-types-test.mjs',
    '// Checked by: runrecovery-wasm/node_modules/.bin/tsc --noEmit -p runrecovery-wasm/js-tests/tsconfig.json',
    '// (compiled, never run: every line is a type assertion)',
  ];
}

const helpers = [
  'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;',
  'type Expect<T extends true> = T;',
  'type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];',
  "type Req<K extends RR.OperationName> = RR.Operations[K]['request'];",
  "type Resp<K extends RR.OperationName> = RR.Operations[K]['response'];",
];

/** The file's text; `expectError` holds the indexes of cases to mark. */
function typesTest(cases, expectError) {
  const manifest = JSON.parse(fs.readFileSync(path.join(vectorsDir, 'manifest.json'), 'utf8'));
  const ops = (manifest.operations ?? manifest).map((o) => o.name);
  const out = [
    ...header('tests/vectors/*.json and the library (pkg-node)'),
    "import type * as RR from '../types/runrecovery.js';",
    "import type * as NodeBuild from '../pkg-node/runrecovery_wasm.js';",
    "import type * as WebBuild from '../pkg-web/runrecovery_wasm.js';",
    "import type * as Bindgen from '../pkg-node/runrecovery_wasm.bindgen.js';",
    '',
    ...helpers,
    '',
    '// ---- the builds: the declared functions are exactly the exports wasm-bindgen made;',
    '// ---- the web build adds init (default) and initSync',
    'type _exports = Expect<Equal<keyof typeof NodeBuild, keyof typeof Bindgen>>;',
    'type _node = Expect<Equal<keyof typeof NodeBuild, keyof typeof RR>>;',
    "type _web = Expect<Equal<keyof typeof WebBuild, keyof typeof RR | 'default' | 'initSync'>>;",
    "type _init = Expect<Equal<ReturnType<typeof WebBuild.default>, Promise<WebBuild.InitOutput>>>;",
    '',
    '// ---- the operations of tests/vectors/manifest.json, each function typed by its request and response',
    `type _operations = Expect<Equal<RR.OperationName, ${union(ops)}>>;`,
    ...ops.flatMap((op) => [
      `type _fn_${op} = Expect<Equal<Parameters<typeof RR.${camelCase(op)}>, [options: Req<'${op}'>]>>;`,
      `type _ret_${op} = Expect<Equal<ReturnType<typeof RR.${camelCase(op)}>, Resp<'${op}'>>>;`,
    ]),
    '',
    '// ---- error codes (errorCodes())',
    `type _codes = Expect<Equal<RR.ErrorCode, ${union(rr.errorCodes())}>>;`,
    '',
    '// ---- enums and request fields, as the library reports them ("expected one of ...")',
    ...probeLines(),
    '',
    '// ---- the input of every vector case (a long array keeps one item of each shape: the same',
    '// ---- type check, as every item of an array is checked on its own)',
  ];
  cases.forEach((c, i) => {
    const what = c.error ? ` (throws ${c.error.code}${c.error.field ? ` at ${c.error.field}` : ''})` : '';
    out.push(`// ${c.file} › ${comment(c.name)}${what}`);
    if (expectError.has(i)) out.push('// @ts-expect-error: the types reject this input too');
    out.push(`void (${literal(c.input, true)} satisfies Req<'${c.operation}'>);`);
  });
  out.push('');
  return out.join('\n');
}

/** tsc over `file` (a sibling of tsconfig.json): the 1-based lines with errors. */
function errorLines(file) {
  const config = path.join(testsDir, '.tsconfig.generate.json');
  fs.writeFileSync(config, JSON.stringify({ extends: './tsconfig.json', files: [path.basename(file)] }));
  try {
    execFileSync(tsc, ['--noEmit', '--pretty', 'false', '-p', config], { encoding: 'utf8' });
    return new Map();
  } catch (e) {
    const lines = new Map();
    for (const m of String(e.stdout).matchAll(/\((\d+),\d+\): error (TS\d+: .*)/g)) lines.set(Number(m[1]), m[2]);
    if (lines.size === 0) throw new Error(`tsc failed:\n${e.stdout}${e.stderr}`);
    return lines;
  } finally {
    fs.rmSync(config, { force: true });
  }
}

function generate() {
  const cases = vectorCases();
  const draftPath = path.join(testsDir, '.types.generate.ts');
  const draft = typesTest(cases, new Set());
  fs.writeFileSync(draftPath, draft);
  let errors;
  try {
    errors = errorLines(draftPath);
  } finally {
    fs.rmSync(draftPath, { force: true });
  }
  // Map each failing line back to its case (case lines start with "void (").
  const draftLines = draft.split('\n');
  const caseAtLine = new Map();
  let k = 0;
  draftLines.forEach((line, i) => {
    if (line.startsWith('void (')) caseAtLine.set(i + 1, k++);
  });
  const expectError = new Set();
  const problems = [];
  for (const [line, message] of errors) {
    const i = caseAtLine.get(line);
    if (i !== undefined && cases[i].error) expectError.add(i);
    else if (i !== undefined) problems.push(`valid case ${cases[i].file} › ${cases[i].name}: ${message}`);
    else problems.push(`line ${line}: ${draftLines[line - 1].slice(0, 160)}\n    ${message}`);
  }
  if (problems.length) {
    throw new Error(`the types disagree with the library:\n  ${problems.join('\n  ')}`);
  }
  return typesTest(cases, expectError);
}

function outputsTest(dir) {
  const lines = [
    ...header('the outputs of tests/vectors/*.json computed by pkg-node'),
    `import type * as RR from ${JSON.stringify(path.join(pkgDir, 'types', 'runrecovery.js'))};`,
    '',
    ...helpers.slice(3),
    '',
  ];
  for (const c of vectorCases()) {
    if (c.error) continue;
    const fn = rr[camelCase(c.operation)];
    if (typeof fn !== 'function') {
      lines.push(`// ${c.file} › ${comment(c.name)}: not checked, the build has no ${camelCase(c.operation)}()`);
      continue;
    }
    lines.push(`// ${c.file} › ${comment(c.name)}`);
    lines.push(`void (${literal(fn(c.input), true)} satisfies Resp<'${c.operation}'>);`);
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'outputs.test.ts'), `${lines.join('\n')}\n`);
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: tsconfig, files: ['outputs.test.ts'] }, null, 2),
  );
}

const args = process.argv.slice(2);
if (args[0] === '--outputs') {
  outputsTest(path.resolve(args[1] ?? path.join(os.tmpdir(), 'runrecovery-types-outputs')));
} else {
  const text = generate();
  if (args[0] === '--check') {
    const now = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (now !== text) {
      console.error(`${path.relative(repo, target)} is stale (the vectors or the library changed):`);
      console.error('  node runrecovery-wasm/types/make-types-test.mjs');
      process.exit(1);
    }
    console.log(`${path.relative(repo, target)} is up to date`);
  } else {
    fs.writeFileSync(target, text);
    console.log(`wrote ${path.relative(repo, target)}`);
  }
  if (missing.length) console.log(`not in this build (not checked): ${missing.join(', ')}`);
}
