// Runs every case of tests/vectors/*.json (except manifest.json) through the
// Node build, with the subset rule of tests/vectors/README.md (including a
// case's own "tolerance").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pkg, camelCase, mismatches, vectorsDir } from './helpers.mjs';

const files = fs.existsSync(vectorsDir)
  ? fs
      .readdirSync(vectorsDir)
      .filter((f) => f.endsWith('.json') && f !== 'manifest.json')
      .sort()
  : [];

let count = 0;
for (const file of files) {
  const { cases } = JSON.parse(fs.readFileSync(path.join(vectorsDir, file), 'utf8'));
  assert.ok(Array.isArray(cases), `${file}: "cases" must be a list`);
  for (const c of cases) {
    count += 1;
    test(`${file} › ${c.name}`, () => {
      const fn = pkg[camelCase(c.operation)];
      assert.equal(typeof fn, 'function', `no export ${camelCase(c.operation)} for operation ${c.operation}`);
      if (c.error) {
        let caught;
        try {
          const out = fn(c.input);
          assert.fail(`expected error ${c.error.code}, got ${JSON.stringify(out)}`);
        } catch (e) {
          if (e instanceof assert.AssertionError) throw e;
          caught = e;
        }
        assert.ok(caught instanceof Error, `threw a non-Error: ${caught}`);
        assert.equal(caught.name, 'RunRecoveryError', caught.stack);
        const got = `${caught.code} at ${caught.field} (${caught.message})`;
        assert.equal(caught.code, c.error.code, `code: ${got}`);
        if (c.error.field !== undefined) assert.equal(caught.field, c.error.field, `field: ${got}`);
      } else {
        const out = fn(c.input);
        const bad = mismatches(out, c.expected, c.tolerance ?? 1e-9);
        assert.deepEqual(bad, [], `output does not match:\n  ${bad.join('\n  ')}`);
      }
    });
  }
}

test('there are vector cases to run', () => {
  assert.ok(count > 0, `no cases in ${vectorsDir}/*.json`);
});
