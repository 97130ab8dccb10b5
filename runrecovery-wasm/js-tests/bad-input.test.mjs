// Bad input is an Error with a stable code and the path of the culprit, never a
// crash; the module keeps answering afterwards. Series go in and out as typed arrays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pkg, thrown } from './helpers.mjs';

const athlete = { sex: 'male', hr_max_bpm: 190, hr_rest_bpm: 50 };
const session = (over = {}) => ({ date: '2026-03-02', kind: 'easy', duration_s: 3600, avg_hr_bpm: 150, rpe: 3, ...over });
const banister = (over) => ({ session: session(over), athlete, method: 'banister_trimp' });
const log = (sessions) => ({ schema_version: 1, sessions });
const weekly = (loads) => ({ start: '2026-03-02', loads });

const cyclic = { distance_m: 5000, time_s: 1200 };
cyclic.self = cyclic;
const throwing = {
  distance_m: 5000,
  get time_s() {
    throw new Error('sensor offline');
  },
};

// [what, function, options, code, field (exact string, RegExp, or undefined = not checked)]
const cases = [
  ['NaN in loads', 'weeklyLoads', weekly([10, NaN, 20]), 'not_finite', 'loads[1]'],
  ['Infinity in loads', 'weeklyLoads', weekly([10, 20, Infinity]), 'not_finite', 'loads[2]'],
  ['-Infinity in a Float64Array of loads', 'weeklyLoads', weekly(new Float64Array([1, -Infinity])), 'not_finite', 'loads[1]'],
  ['NaN in a Float32Array', 'weeklyLoads', weekly(new Float32Array([NaN])), 'not_finite', 'loads[0]'],
  ['NaN as a session RPE', 'sessionLoad', { session: session({ rpe: NaN }) }, 'not_finite', 'session.rpe'],
  ['Infinity as a session RPE', 'sessionLoad', { session: session({ rpe: Infinity }) }, 'not_finite', 'session.rpe'],
  ['NaN deep in a log', 'dailyLoads', { log: log([session(), session({ date: '2026-03-04', rpe: NaN })]) }, 'not_finite', 'log.sessions[1].rpe'],
  ['negative duration', 'sessionLoad', { session: session({ duration_s: -60 }) }, 'out_of_range', 'session.duration_s'],
  ['RPE 11', 'sessionLoad', { session: session({ rpe: 11 }) }, 'out_of_range', 'session.rpe'],
  ['HR above HRmax', 'sessionLoad', banister({ avg_hr_bpm: 200 }), 'out_of_range', 'session.avg_hr_bpm'],
  ['HR below resting', 'sessionLoad', banister({ avg_hr_bpm: 45 }), 'out_of_range', 'session.avg_hr_bpm'],
  ['unsorted dates', 'dailySeries', { dates: ['2026-03-03', '2026-03-01'], values: [1, 2] }, 'unsorted_dates', 'dates[1]'],
  ['duplicate dates', 'dailySeries', { dates: ['2026-03-01', '2026-03-01'], values: [1, 2] }, 'duplicate_date', 'dates[1]'],
  ['no dates', 'dailySeries', { dates: [], values: [] }, 'empty', 'dates'],
  ['an empty log', 'dailyLoads', { log: log([]) }, 'empty', 'log.sessions'],
  ['a log without sessions', 'readLog', { log: { schema_version: 1 } }, 'missing_field', 'log.sessions'],
  ['a newer log schema', 'readLog', { log: { schema_version: 99, sessions: [session()] } }, 'unsupported_schema_version', 'log.schema_version'],
  ['an unknown field in a session', 'sessionLoad', { session: session({ rpee: 3 }) }, 'invalid_input', 'session.rpee'],
  ['an unknown field in a logged session', 'dailyLoads', { log: log([session({ rpee: 3 })]) }, 'invalid_input', 'log.sessions[0].rpee'],
  ['an unknown option', 'vdotFromRace', { distance_m: 5000, time_s: 1200, distance_km: 5 }, 'invalid_input', 'distance_km'],
  ['a missing option', 'vdotFromRace', { distance_m: 5000 }, 'invalid_input', 'time_s'],
  ['no options at all', 'vdotFromRace', undefined, 'invalid_input', undefined],
  ['options that are not an object', 'vdotFromRace', 42, 'invalid_input', undefined],
  ['an absurd duration', 'sessionLoad', { session: session({ duration_s: 1e300 }) }, 'out_of_range', 'session.duration_s'],
  ['an absurd distance', 'vdotFromRace', { distance_m: 1e308, time_s: 1200 }, 'out_of_range', 'distance_m'],
  ['an absurd age', 'estimateHrMax', { age_years: 1e9 }, 'out_of_range', 'age_years'],
  ['a century and more of days', 'dailySeries', { dates: ['1900-01-01', '2100-01-01'], values: [1, 2] }, 'out_of_range', 'dates'],
  ['a string for a number', 'vdotFromRace', { distance_m: '5000', time_s: 1200 }, 'invalid_input', 'distance_m'],
  ['a string for a session RPE', 'sessionLoad', { session: session({ rpe: 'hard' }) }, 'invalid_input', 'session.rpe'],
  ['a number for a date', 'dailySeries', { dates: [20260301], values: [1] }, 'invalid_input', undefined],
  ['a bad method name', 'sessionLoad', { session: session(), method: 'trimp' }, 'invalid_input', 'method'],
  ['a date that does not exist', 'dailySeries', { dates: ['2026-02-30'], values: [1] }, 'invalid_date', undefined],
  ['an invalid Date', 'dailySeries', { dates: [new Date('not a date')], values: [1] }, 'invalid_date', 'dates[0]'],
  ['a function as a value', 'vdotFromRace', { distance_m: () => 5000, time_s: 1200 }, 'invalid_input', 'distance_m'],
  ['a function as the options', 'vdotFromRace', () => 1, 'invalid_input', '$'],
  ['a Symbol as a value', 'vdotFromRace', { distance_m: Symbol('5k'), time_s: 1200 }, 'invalid_input', 'distance_m'],
  ['a BigInt as a value', 'vdotFromRace', { distance_m: 5000n, time_s: 1200 }, 'invalid_input', 'distance_m'],
  ['a BigInt64Array of loads', 'weeklyLoads', weekly(new BigInt64Array([1n])), 'invalid_input', 'loads'],
  ['a Map as a session', 'sessionLoad', { session: new Map([['rpe', 3]]) }, 'invalid_input', 'session'],
  ['an object that contains itself', 'vdotFromRace', cyclic, 'invalid_input', /^self(\.self)*$/],
  ['a getter that throws', 'vdotFromRace', throwing, 'invalid_input', 'time_s'],
];

for (const [what, fn, options, code, field] of cases) {
  test(`${fn}: ${what} → ${code}`, () => {
    const { error, returned } = thrown(() => pkg[fn](options));
    assert.ok(error, `returned ${JSON.stringify(returned)} instead of throwing`);
    assert.ok(error instanceof Error, `threw a non-Error: ${error}`);
    assert.equal(error.name, 'RunRecoveryError');
    assert.equal(error.code, code, error.message);
    assert.ok(pkg.errorCodes().includes(error.code));
    assert.equal(typeof error.message, 'string');
    assert.ok(error.message.length > 0);
    assert.equal(typeof error.field, 'string');
    if (typeof field === 'string') assert.equal(error.field, field, error.message);
    if (field instanceof RegExp) assert.match(error.field, field, error.message);
    assert.ok(Array.isArray(error.path));
    assert.equal(rendered(error.path), error.field, 'path and field name one place');
  });
}

/** A path as the core writes it: keys joined by dots, indices in brackets, `$` for the root. */
function rendered(path) {
  if (path.length === 0) return '$';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

test('an error carries code, field, value and the core message', () => {
  const { error } = thrown(() => pkg.sessionLoad({ session: session({ rpe: 11 }) }));
  assert.equal(error.code, 'out_of_range');
  assert.equal(error.field, 'session.rpe');
  assert.deepEqual(error.path, ['session', 'rpe']);
  assert.equal(error.value, '11');
  assert.equal(error.message, 'session.rpe: 11 is out of range (expected 0 to 10 (CR-10))');
  assert.match(error.stack, /RunRecoveryError/);
  const { error: nan } = thrown(() => pkg.weeklyLoads(weekly([1, NaN])));
  assert.equal(nan.value, 'NaN');
  assert.equal(typeof nan.path[nan.path.length - 1], 'number', nan.field);
  const { error: missing } = thrown(() => pkg.vdotFromRace({ distance_m: 5000 }));
  assert.equal(missing.value, undefined);
  assert.ok('value' in missing);
});

test('the module keeps answering after many errors', () => {
  const good = pkg.vdotFromRace({ distance_m: 5000, time_s: 1200 });
  for (let i = 0; i < 2000; i += 1) {
    const [, fn, options] = cases[i % cases.length];
    assert.throws(() => pkg[fn](options));
  }
  assert.deepEqual(pkg.vdotFromRace({ distance_m: 5000, time_s: 1200 }), good);
  const daily = pkg.dailyLoads({ log: log([session(), session({ date: '2026-03-05', rpe: 5 })]), method: 'session_rpe' });
  assert.deepEqual(Array.from(daily.load), [180, 0, 0, 300]);
});

test('a Float64Array goes in as a list of loads', () => {
  const loads = [30, 0, 45, 60, 0, 90, 120, 40];
  const fromArray = pkg.weeklyLoads(weekly(loads));
  assert.deepEqual(pkg.weeklyLoads(weekly(new Float64Array(loads))), fromArray);
  assert.deepEqual(pkg.weeklyLoads(weekly(Int32Array.from(loads))), fromArray);
  assert.equal(fromArray.weeks.length, 2);
  assert.equal(fromArray.weeks[0].load, 30 + 45 + 60 + 90 + 120);
});

test('numeric series come out as Float64Array, boolean ones as arrays of booleans', () => {
  const daily = pkg.dailyLoads({ log: log([session(), session({ date: '2026-03-05', rpe: 5 })]), method: 'session_rpe' });
  assert.ok(daily.load instanceof Float64Array);
  assert.deepEqual(Array.from(daily.load), [180, 0, 0, 300]);
  assert.ok(Array.isArray(daily.logged));
  assert.deepEqual(daily.logged, [true, false, false, true]);
  assert.equal(daily.start, '2026-03-02');
  assert.equal(Object.getPrototypeOf(daily), Object.prototype);
  assert.equal(Object.getPrototypeOf(daily.methods), Object.prototype);
  const series = pkg.dailySeries({ dates: ['2026-03-01', '2026-03-03'], values: [5, 7] });
  assert.ok(series.values instanceof Float64Array);
  assert.deepEqual(series.logged, [true, false, true]);
  // nested series too: log_pmc's projection
  const p = pkg.logPmc({ log: log([session(), session({ date: '2026-03-04', status: 'planned' })]), method: 'session_rpe' });
  assert.ok(p.fitness instanceof Float64Array && p.projection.fitness instanceof Float64Array);
  assert.deepEqual(Array.from(p.projection.load), [180, 0, 180]);
  assert.deepEqual(p.projection.planned, [false, false, true]);
});

test('null and undefined options take the default', () => {
  const race = { distance_m: 5000, time_s: 1200, to_distance_m: 10000 };
  const plain = pkg.riegelPredict(race);
  assert.deepEqual(pkg.riegelPredict({ ...race, exponent: undefined }), plain);
  assert.deepEqual(pkg.riegelPredict({ ...race, exponent: null }), plain);
  assert.deepEqual(pkg.riegelPredict({ ...race, exponent: 1.06 }), plain);
});

test('a Date is read as its UTC calendar day', () => {
  const out = pkg.dailySeries({ dates: [new Date(Date.UTC(2026, 2, 1, 23, 30)), '2026-03-02'], values: [1, 2] });
  assert.equal(out.start, '2026-03-01');
  assert.equal(out.end, '2026-03-02');
  const week = pkg.weeklyLoads({ start: new Date('2026-03-02T00:00:00Z'), loads: [1, 2, 3] });
  assert.equal(week.weeks[0].start, '2026-03-02');
});

test('whole numbers are integers for count fields, and class instances read like objects', () => {
  assert.equal(pkg.readLog({ log: log([session()]) }).sessions, 1);
  class Race {
    constructor() {
      this.distance_m = 5000;
      this.time_s = 1200;
    }
  }
  assert.deepEqual(pkg.vdotFromRace(new Race()), pkg.vdotFromRace({ distance_m: 5000, time_s: 1200 }));
  assert.deepEqual(pkg.vdotFromRace(Object.assign(Object.create(null), { distance_m: 5000, time_s: 1200 })).vdot > 0, true);
});
