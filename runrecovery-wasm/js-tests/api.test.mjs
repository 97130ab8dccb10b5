// The exported surface: one camelCase function per operation of the manifest,
// operations()/version()/errorCodes(), the package.json exports, the web build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pkg, require, camelCase, exportedOperations, packageDir, repoRoot, vectorsDir } from './helpers.mjs';

const manifestPath = path.join(vectorsDir, 'manifest.json');

function manifestOperations() {
  const m = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  const ops = Array.isArray(m) ? m : m.operations;
  assert.ok(Array.isArray(ops), 'manifest.json: expected a list of operations or {"operations": [...]}');
  return ops;
}

test('exported functions are exactly the manifest operations in camelCase', (t) => {
  if (!fs.existsSync(manifestPath)) {
    t.skip('tests/vectors/manifest.json is not written yet');
    return;
  }
  const expected = manifestOperations().map((o) => camelCase(o.name)).sort();
  assert.deepEqual(exportedOperations(), expected);
});

test('operations() matches the manifest entry by entry', (t) => {
  if (!fs.existsSync(manifestPath)) {
    t.skip('tests/vectors/manifest.json is not written yet');
    return;
  }
  const pick = ({ name, module, summary, series }) => ({ name, module, summary, series });
  assert.deepEqual(pkg.operations().map(pick), manifestOperations().map(pick));
});

test('exported functions are exactly operations() in camelCase', () => {
  const ops = pkg.operations();
  assert.ok(ops.length > 0);
  assert.deepEqual(exportedOperations(), ops.map((o) => camelCase(o.name)).sort());
  for (const o of ops) {
    assert.match(o.name, /^[a-z][a-z0-9_]*$/);
    assert.equal(typeof o.module, 'string');
    assert.equal(typeof o.summary, 'string');
    assert.ok(Array.isArray(o.series) && o.series.every((s) => typeof s === 'string'));
    assert.equal(pkg[camelCase(o.name)].length, 1, `${o.name} takes one options object`);
  }
});

test('version() is the Cargo and npm version', () => {
  const npm = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const cargo = fs.readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8');
  const cargoVersion = cargo.match(/\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/)?.[1];
  assert.equal(pkg.version(), npm.version);
  assert.equal(pkg.version(), cargoVersion);
});

test('errorCodes() lists stable snake_case codes', () => {
  const codes = pkg.errorCodes();
  assert.ok(codes.includes('not_finite') && codes.includes('invalid_input') && codes.includes('out_of_range'));
  for (const c of codes) assert.match(c, /^[a-z]+(_[a-z]+)*$/);
  assert.equal(new Set(codes).size, codes.length);
});

test('the package resolves to the Node build by its own name', async () => {
  const viaRequire = require('runrecovery');
  assert.equal(viaRequire.vdotFromRace, pkg.vdotFromRace);
  const viaImport = await import('runrecovery');
  assert.equal(viaImport.vdotFromRace, pkg.vdotFromRace);
});

test('the web build gives the same answers after initSync', async () => {
  const web = await import(pathToFileURL(path.join(packageDir, 'pkg-web', 'runrecovery_wasm.js')).href);
  web.initSync({ module: fs.readFileSync(path.join(packageDir, 'pkg-web', 'runrecovery_wasm_bg.wasm')) });
  const input = { distance_m: 10000, time_s: 2700 };
  assert.deepEqual(web.vdotFromRace(input), pkg.vdotFromRace(input));
  const daily = web.dailySeries({ dates: ['2026-03-01', '2026-03-03'], values: [5, 7] });
  assert.ok(daily.values instanceof Float64Array);
  assert.throws(() => web.vdotFromRace({ distance_m: 10000, time_s: NaN }), { name: 'RunRecoveryError', code: 'not_finite' });
});

test('the TypeScript declarations name every function and the error', () => {
  for (const dir of ['pkg-node', 'pkg-web']) {
    const dts = fs.readFileSync(path.join(packageDir, dir, 'runrecovery_wasm.d.ts'), 'utf8');
    for (const name of exportedOperations()) assert.match(dts, new RegExp(`export function ${name}\\(`), `${dir}: ${name}`);
    assert.match(dts, /export interface RunRecoveryError extends Error/);
  }
});
