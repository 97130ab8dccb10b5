// One "today" on every surface: the bundled sample (runrecovery-core/data:
// the log and the morning markers) goes, unchanged, to the Rust report
// (examples/report.rs), to the Python package and to the demo page in
// Chromium, and all three must show the same fitness, fatigue, form and
// readiness for the same day. The Python package's `athlete_today` is the
// reference (full precision); the page must hold exactly its numbers (in
// data-value), the report must print them at its precision.
//
//   bash .ci/steps/75-cross-surface      (builds what it needs, then runs this)
//
// Needs: bash runrecovery-wasm/build.sh, npm ci in runrecovery-wasm/,
// chromium, cargo, and the runrecovery package installed for
// $RUNRECOVERY_PYTHON (default python3).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../www/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PYTHON = process.env.RUNRECOVERY_PYTHON ?? 'python3';
const dataDir = path.join(repoRoot, 'runrecovery-core', 'data');

/** The Python package's state of `today` for the sample, with the report's settings. */
function python(today) {
  const script = `
import json, sys
from pathlib import Path
import runrecovery as rr
data = Path(sys.argv[1])
log = json.loads((data / "sample_log.json").read_text(encoding="utf-8"))
markers = json.loads((data / "sample_markers.json").read_text(encoding="utf-8"))["markers"]
state = rr.athlete_today(log=log, markers=markers, today=sys.argv[2], method="session_rpe")
print(json.dumps(state, default=str))
`;
  return JSON.parse(execFileSync(PYTHON, ['-c', script, dataDir, today], { encoding: 'utf8' }));
}

/** The report's text for the bundled sample. */
function report() {
  return execFileSync('cargo', ['run', '-q', '-p', 'runrecovery-core', '--example', 'report'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** `x` as printed with `d` decimals (Rust's `{:.d}` and `{:+.d}` round the same way for these values). */
const fixed = (x, d = 1, sign = false) => (sign && x >= 0 ? '+' : '') + x.toFixed(d);

let server;
let context;
let page;
let profile;

before(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  server = await serve({ port: 0 });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'runrecovery-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

test('the report, the Python package and the page agree on the sample athlete today', async () => {
  // The report: today is the last morning with markers.
  const text = report();
  const head = text.match(/today is (\d{4}-\d{2}-\d{2})/);
  assert.ok(head, 'the report names today');
  const today = head[1];
  const line = text.match(/^TODAY (\S+): fitness (\S+) (\S+)\/day, fatigue (\S+), form (\S+) \((\S+) % of fitness\)/m);
  assert.ok(line, `the report's TODAY line:\n${text}`);
  const ready = text.match(/^READINESS (\S+): (\S+) — score (\d+)\/100/m);
  assert.ok(ready, "the report's READINESS line");

  // The Python package.
  const py = python(today);
  assert.equal(py.today, today);
  assert.equal(py.settings.method, 'session_rpe');
  assert.ok(py.readiness, 'the sample has markers this morning');

  // The report prints the package's numbers.
  assert.deepEqual(
    { date: line[1], fitness: line[2], unit: line[3], fatigue: line[4], form: line[5], pct: line[6] },
    {
      date: today,
      fitness: fixed(py.fitness),
      unit: py.unit,
      fatigue: fixed(py.fatigue),
      form: fixed(py.form, 1, true),
      pct: fixed(py.form_pct, 1, true),
    },
  );
  assert.deepEqual(
    { date: ready[1], status: ready[2], score: Number(ready[3]) },
    { date: today, status: py.readiness.status.toUpperCase(), score: Math.round(py.readiness.score) },
  );

  // The page, on the sample with its default today and method.
  await page.goto(server.url);
  await page.waitForSelector('body[data-state="ready"]');
  await page.click('#load-sample');
  await page.waitForSelector('body[data-state="done"]');
  assert.equal(await page.inputValue('#today'), today);
  assert.equal(await page.inputValue('#method'), py.settings.method);
  const value = (sel) => page.$eval(sel, (el) => el.dataset.value ?? el.getAttribute('datetime'));
  assert.equal(Number(await value('#fitness')), py.fitness);
  assert.equal(Number(await value('#fatigue')), py.fatigue);
  assert.equal(Number(await value('#form')), py.form);
  assert.equal(await value('#readiness-status'), py.readiness.status);
  assert.equal(await value('#next-earliest'), py.next_quality_session.earliest);
  for (const s of py.systems.systems) {
    assert.equal(Number(await value(`#system-${s.system}`)), s.fatigue, s.system);
  }
});
