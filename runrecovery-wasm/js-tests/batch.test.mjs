// The batch functions (pmcBatch, acwrBatch, banisterFitBatch): matrices as
// rows (Float64Array or plain arrays) or as one flat Float64Array with `days`;
// the same numbers as the one-athlete functions; the core's errors.
// (The shared vectors run through them in vectors.test.mjs: NaN in a typed
// array matches `null` there, see helpers.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pkg as rr, thrown } from './helpers.mjs';

// A small seeded generator, so the matrices are the same on every run.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function matrix(athletes, days, seed = 1) {
  const r = rng(seed);
  return Array.from({ length: athletes }, () =>
    Float64Array.from({ length: days }, () => (r() < 0.25 ? 0 : Math.round(r() * 150))));
}

const flatten = (rows) => {
  const out = new Float64Array(rows.length * rows[0].length);
  rows.forEach((r, i) => out.set(r, i * r.length));
  return out;
};

test('pmcBatch is the pmc of each row, as rows, flat, or the latest day', () => {
  const rows = matrix(4, 90);
  const options = { fitness_days: 40, fatigue_days: 8, form_day: 'same_day', gain: 'linear' };
  const b = rr.pmcBatch({ loads: rows, ...options });
  const flat = rr.pmcBatch({ loads: flatten(rows), days: 90, ...options });
  const last = rr.pmcBatch({ loads: rows, latest: true, ...options });
  assert.equal(flat.days, 90);
  rows.forEach((row, i) => {
    const one = rr.pmc({ start: '2026-01-01', loads: row, ...options });
    for (const k of ['fitness', 'fatigue', 'form']) {
      assert.ok(b[k][i] instanceof Float64Array);
      assert.deepEqual(b[k][i], one[k]);
      assert.deepEqual(flat[k].subarray(i * 90, (i + 1) * 90), one[k]);
      assert.equal(last[k][i], one[k][89]);
    }
  });
  assert.ok(last.fitness instanceof Float64Array && last.fitness.length === 4);
});

test('rows may be plain arrays, Float64Arrays or other typed arrays, mixed', () => {
  const rows = matrix(3, 20);
  const want = rr.pmcBatch({ loads: rows }).fitness;
  const mixed = [Array.from(rows[0]), rows[1], Int32Array.from(rows[2])];
  assert.deepEqual(rr.pmcBatch({ loads: mixed }).fitness, want);
});

test('acwrBatch is the acwr of each row; NaN where acwr has no ratio', () => {
  const rows = matrix(3, 60, 5);
  rows[1].fill(0, 0, 40); // zero chronic load: no ratio
  for (const method of ['coupled_rolling', 'uncoupled_rolling', 'ewma']) {
    const b = rr.acwrBatch({ loads: rows, method });
    const flat = rr.acwrBatch({ loads: flatten(rows), days: 60, method });
    rows.forEach((row, i) => {
      const one = rr.acwr({ start: '2026-01-01', loads: row, method, min_coverage: 0 });
      assert.deepEqual(b.acute[i], one.acute);
      assert.deepEqual(b.chronic[i], one.chronic);
      assert.deepEqual(Array.from(b.ratio[i], (x) => (Number.isNaN(x) ? null : x)), one.ratio);
      assert.deepEqual(flat.ratio.subarray(i * 60, (i + 1) * 60), b.ratio[i]);
    });
  }
});

test('banisterFitBatch: the operation\'s athletes list and columns, as banisterFit per athlete', () => {
  const days = 150;
  const rows = matrix(3, days, 9);
  const truth = { p0: 50, k1: 0.1, tau1: 45, k2: 0.3, tau2: 11 };
  const tests = rows.map(() => new Float64Array(days).fill(NaN));
  for (const i of [0, 1]) {
    const perf = rr.banisterSimulate({ loads: rows[i], params: truth }).performance;
    for (let d = 4; d < days; d += 6) tests[i][d] = perf[d] + (d % 3) * 0.2;
  }
  const b = rr.banisterFitBatch({ loads: rows, tests });
  const flat = rr.banisterFitBatch({ loads: flatten(rows), tests: flatten(tests), days });
  assert.deepEqual(flat.athletes, b.athletes);
  const start = Date.UTC(2026, 0, 1);
  for (const i of [0, 1]) {
    const dated = [];
    tests[i].forEach((v, d) => {
      if (!Number.isNaN(v)) dated.push({ date: new Date(start + d * 86400000), value: v });
    });
    const one = rr.banisterFit({ start: '2026-01-01', loads: rows[i], tests: dated });
    assert.deepEqual(b.athletes[i].fit, one);
    assert.equal(b.p0[i], one.params.p0);
    assert.equal(b.tau2[i], one.params.tau2);
    assert.equal(b.sse[i], one.sse);
    assert.equal(b.error_code[i], null);
  }
  assert.deepEqual(b.athletes[2], { fit: null, error_code: 'empty', error: b.error[2] });
  assert.equal(b.error_code[2], 'empty');
  assert.ok(Number.isNaN(b.k1[2]) && Number.isNaN(b.r2[2]));
  assert.ok(b.rmse instanceof Float64Array && b.rmse.length === 3);
});

test('null and undefined in plain test rows mean no test', () => {
  const loads = [Array(60).fill(50)];
  const tests = [Array.from({ length: 60 }, (_, d) => (d % 5 ? (d % 2 ? null : undefined) : 40 + d * 0.1))];
  const b = rr.banisterFitBatch({ loads, tests, fixed_tau1: 40, fixed_tau2: 10 });
  assert.equal(b.athletes[0].fit.tests, 12);
});

// [what, function, options, code, field]
const flat6 = new Float64Array([1, 2, 3, 4, 5, 6]);
const cases = [
  ['ragged rows', 'pmcBatch', { loads: [[1, 2], [1]] }, 'inconsistent', 'loads[1]'],
  ['a negative load', 'acwrBatch', { loads: [[1, 2], [1, -3]] }, 'out_of_range', 'loads[1][1]'],
  ['NaN in a Float64Array row', 'pmcBatch', { loads: [new Float64Array([1, NaN])] }, 'not_finite', 'loads[0][1]'],
  ['Infinity in a flat matrix', 'pmcBatch', { loads: new Float64Array([1, 2, Infinity, 4]), days: 2 }, 'not_finite', 'loads[1][0]'],
  ['a string in a row', 'pmcBatch', { loads: [['a', 1]] }, 'invalid_input', 'loads[0][0]'],
  ['null in a load row', 'pmcBatch', { loads: [[1, null]] }, 'invalid_input', 'loads[0][1]'],
  ['a 1-D list', 'pmcBatch', { loads: [1, 2] }, 'invalid_input', 'loads[0]'],
  ['no athletes', 'pmcBatch', { loads: [] }, 'empty', 'loads'],
  ['no days', 'acwrBatch', { loads: [[]] }, 'empty', 'loads'],
  ['an empty flat matrix', 'pmcBatch', { loads: new Float64Array(0), days: 1 }, 'empty', 'loads'],
  ['flat without days', 'pmcBatch', { loads: flat6 }, 'missing_field', 'days'],
  ['days not dividing', 'pmcBatch', { loads: flat6, days: 4 }, 'out_of_range', 'days'],
  ['days 0', 'acwrBatch', { loads: flat6, days: 0 }, 'out_of_range', 'days'],
  ['days disagreeing with the rows', 'pmcBatch', { loads: [[1, 2, 3]], days: 2 }, 'inconsistent', 'days'],
  ['no loads', 'pmcBatch', {}, 'invalid_input', 'loads'],
  ['an unknown option', 'pmcBatch', { loads: [[1]], fitnes_days: 40 }, 'invalid_input', 'fitnes_days'],
  ['an unknown enum value', 'pmcBatch', { loads: [[1]], gain: 'magic' }, 'invalid_input', 'gain'],
  ['a string for latest', 'pmcBatch', { loads: [[1]], latest: 'yes' }, 'invalid_input', 'latest'],
  ['a time constant of 0', 'pmcBatch', { loads: [[1]], fitness_days: 0 }, 'out_of_range', 'fitness_days'],
  ['min_coverage is not a batch option', 'acwrBatch', { loads: [[1]], min_coverage: 0.5 }, 'invalid_input', 'min_coverage'],
  ['no tests', 'banisterFitBatch', { loads: [[1, 2]] }, 'invalid_input', 'tests'],
  ['too few test rows', 'banisterFitBatch', { loads: [[1, 2], [3, 4]], tests: [[1, 2]] }, 'inconsistent', 'tests'],
  ['a short test row', 'banisterFitBatch', { loads: [[1, 2]], tests: [[1]] }, 'inconsistent', 'tests[0]'],
  ['flat tests of another size', 'banisterFitBatch', { loads: flat6, tests: new Float64Array(4), days: 2 }, 'inconsistent', 'tests'],
  ['an infinite test', 'banisterFitBatch', { loads: [[1, 2, 3]], tests: [[null, -Infinity, 1]] }, 'not_finite', 'tests[0][1]'],
  ['an unknown timing', 'banisterFitBatch', { loads: [[1]], tests: [[1]], timing: 'later' }, 'invalid_input', 'timing'],
];

for (const [what, fn, options, code, field] of cases) {
  test(`${fn}: ${what} → ${code} at ${field}`, () => {
    const { error, returned } = thrown(() => rr[fn](options));
    assert.ok(error, `returned ${JSON.stringify(returned)}`);
    assert.equal(error.name, 'RunRecoveryError', String(error));
    assert.equal(error.code, code, error.message);
    assert.equal(error.field, field, error.message);
  });
}

test('the module keeps answering after batch errors', () => {
  assert.throws(() => rr.pmcBatch({ loads: [[1, -1]] }));
  assert.equal(rr.pmcBatch({ loads: [[100]] }).fitness[0].length, 1);
});
