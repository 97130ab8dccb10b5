// End-to-end test of the demo in a real browser: serves www/ on 127.0.0.1,
// drives Debian's chromium headless with playwright-core, loads the sample,
// enters markers and a race date, and checks that the numbers on the page are
// the ones the package computes in Node (pkg-node) for the same input; then
// a CSV log dropped on the page, and malformed files with their error code
// and field; last, the page at a desktop's and a phone's width (no sideways
// scrolling, chart text of 11 px or more on screen, axes with units).
// Screenshots go to $RUNRECOVERY_ARTIFACTS (default: artifacts/ at the
// repository root).
//
//   node --test runrecovery-wasm/www/
//
// Needs: bash runrecovery-wasm/build.sh, npm ci in runrecovery-wasm/, and
// chromium (apt-get install chromium; or CHROMIUM=/path/to/chrome).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './serve.mjs';
import { joinProjection } from './series.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const require = createRequire(import.meta.url);
const rr = require('../pkg-node/runrecovery_wasm.js');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The flags that work here (shared/TOOLCHAIN.md §3).
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const artifacts = path.resolve(process.env.RUNRECOVERY_ARTIFACTS ?? path.join(repoRoot, 'artifacts'));
const data = (name) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'runrecovery-core', 'data', name), 'utf8'));

let server;
let context;
let page;
let profile;
const pageErrors = [];

before(async () => {
  assert.ok(fs.existsSync(CHROMIUM), `no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  fs.mkdirSync(artifacts, { recursive: true });
  server = await serve({ port: 0 });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'runrecovery-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Nothing may leave 127.0.0.1.
  await page.route('**/*', (route) =>
    new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
  );
});

after(async () => {
  await context?.close();
  await server?.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

const DAY = 86_400_000;
const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const days = (a, b) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
/** The page's rounding: `d` decimals, never "-0.0". */
const shown = (x, d = 1) => {
  const s = x.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
};

/** Text and exact value (data-value) of an element. */
const read = (sel) =>
  page.$eval(sel, (el) => ({ text: el.textContent.trim(), value: el.dataset.value ?? el.getAttribute('datetime') }));

/** Asserts an element shows `x` rounded to `d` decimals and holds exactly `x`. */
async function assertNumber(sel, x, d = 1) {
  const got = await read(sel);
  assert.equal(got.text, shown(x, d), `${sel} text`);
  assert.equal(Number(got.value), x, `${sel} data-value`);
}

/** Clicks and waits for a new computation. */
async function recompute(action) {
  const runs = Number((await page.getAttribute('body', 'data-runs')) ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n, runs);
  assert.equal(await page.getAttribute('body', 'data-state'), 'done');
}


/** Everything the page computes, computed here with pkg-node. */
function expected(log, markersBefore, todayMarkers, today, race, method) {
  const info = rr.readLog({ log });
  const end = [info.last_date, race, today].sort().at(-1);
  const pmc = joinProjection(rr.logPmc({ log, today, end, method }));
  const ti = days(pmc.start, today);
  const ri = days(pmc.start, race);
  const daily = rr.dailyLoads({ log, method, start: pmc.start, end: today });
  const acwr = rr.acwr({ start: daily.start, loads: daily.load, logged: daily.logged });
  const options = method === 'auto' ? {} : { method };
  const state = rr.athleteToday({ log, today, markers: [...markersBefore, todayMarkers], method, recovery_options: options });
  const { systems, next_quality_session: next, readiness } = state;
  const races = log.sessions.filter((s) => s.kind === 'race' && (s.status ?? 'completed') === 'completed' && s.date <= today);
  const lastRace = races.sort((a, b) => (a.date < b.date ? -1 : 1)).at(-1);
  const vdot = lastRace ? rr.vdotFromRace({ distance_m: lastRace.distance_m, time_s: lastRace.duration_s }).vdot : null;
  return { pmc, ti, ri, acwr, systems, next, vdot, readiness, state };
}

// ---------------------------------------------------------------- tests

test('the static server sends the module as application/wasm and stays in its folders', async () => {
  const wasm = await fetch(`${server.url}pkg-web/runrecovery_wasm_bg.wasm`);
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal((await fetch(`${server.url}app.mjs`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal((await fetch(`${server.url}data/sample_log.json`)).status, 200);
  for (const bad of ['..%2f..%2fCargo.toml', 'data/..%2f..%2f..%2fCargo.toml', 'pkg-web/%2e%2e/Cargo.toml', 'nope.html']) {
    assert.equal((await fetch(`${server.url}${bad}`)).status, 404, bad);
  }
});

test('the sample: the page shows what pkg-node computes', async () => {
  await page.goto(server.url);
  await page.waitForSelector('body[data-state="ready"]');
  assert.equal(await page.textContent('#version'), rr.version());

  await recompute(() => page.click('#load-sample'));
  const log = data('sample_log.json');
  const { markers } = data('sample_markers.json');

  // Today defaults to the first planned day after the last completed session.
  const completed = log.sessions.filter((s) => (s.status ?? 'completed') === 'completed').map((s) => s.date).sort();
  const planned = log.sessions.filter((s) => s.status === 'planned').map((s) => s.date).sort();
  const today = planned.find((d) => d > completed.at(-1));
  assert.equal(await page.inputValue('#today'), today);
  assert.equal(await page.inputValue('#race'), addDays(planned.at(-1), 7));
  // The marker inputs hold the sample's markers of that morning.
  const stored = markers.find((m) => m.date === today);
  assert.equal(Number(await page.inputValue('#rhr')), stored.resting_hr_bpm);

  // A race date, this morning's markers, then Update.
  const race = addDays(today, 19);
  await page.fill('#race', race);
  await page.fill('#hrv', '57.5');
  await page.fill('#rhr', '52');
  await page.fill('#sleep', '6.6');
  await page.fill('#soreness', '4');
  await recompute(() => page.click('#go'));

  const todayMarkers = {
    ...stored,
    hrv: { value: 57.5, index: 'rmssd_ms' },
    resting_hr_bpm: 52,
    sleep_h: 6.6,
    wellness: { ...stored.wellness, soreness: 4 },
  };
  const before = markers.filter((m) => m.date < today);
  const x = expected(log, before, todayMarkers, today, race, 'session_rpe');

  await assertNumber('#fitness', x.pmc.fitness[x.ti]);
  await assertNumber('#fatigue', x.pmc.fatigue[x.ti]);
  await assertNumber('#form', x.pmc.form[x.ti]);
  await assertNumber('#race-form', x.pmc.form[x.ri]);
  await assertNumber('#race-fitness', x.pmc.fitness[x.ri]);
  await assertNumber('#race-fatigue', x.pmc.fatigue[x.ri]);
  assert.equal((await read('#race-date')).value, race);
  await assertNumber('#acwr', x.acwr.ratio.at(-1), 2);
  await assertNumber('#vdot', x.vdot);
  assert.equal((await read('#next-earliest')).value, x.next.earliest);
  assert.equal((await read('#next-best')).value, x.next.best);
  assert.equal((await read('#readiness-status')).value, x.readiness.status);
  for (const s of x.systems.systems) {
    assert.equal(Number((await read(`#system-${s.system}`)).value), s.fatigue, s.system);
  }
  // The charts are drawn: three lines each split at today, and the form bands.
  assert.equal(await page.locator('#pmc-chart polyline.fitness').count(), 2);
  assert.equal(await page.locator('#pmc-chart polyline.form').count(), 2);
  assert.equal(await page.locator('#pmc-chart polygon.band').count(), 5);
  assert.ok((await page.locator('#acwr-chart polyline').count()) >= 1);
  assert.equal(await page.locator('#paces tbody tr').count(), 5);

  // The supercompensation chart shades exactly the days the session asked is
  // safe on (every system it stresses ready, the 48 h rule), from the earliest on.
  const safe = x.next.days.filter((d) => d.safe && d.date >= x.next.earliest).map((d) => d.date);
  assert.ok(safe.length > 0);
  assert.deepEqual(await page.$$eval('#next-chart rect.safe-day', (rs) => rs.map((r) => r.dataset.date)), safe);
  // The readiness chart: a panel for every morning marker the verdict used,
  // today's value on each, and the verdict.
  const used = x.readiness.markers
    .filter((m) => ['hrv', 'resting_hr', 'sleep', 'wellness'].includes(m.marker) && m.rating !== 'missing')
    .map((m) => m.marker);
  assert.deepEqual(used, ['hrv', 'resting_hr', 'sleep', 'wellness']);
  assert.deepEqual(await page.$$eval('#readiness-chart g.panel', (gs) => gs.map((g) => g.dataset.marker)), used);
  assert.deepEqual(await page.$$eval('#readiness-chart circle.today-value', (cs) => cs.map((c) => c.dataset.marker)), used);
  assert.equal(await page.textContent('#readiness-chart text.verdict'), `verdict: ${x.readiness.status.replace(/_/g, ' ')}`);
  // The readouts: HRV in ms with ln rMSSD alongside, each baseline said in words.
  const hrv = x.readiness.markers.find((m) => m.marker === 'hrv');
  assert.equal(
    await page.textContent('#readiness-body li[data-marker="hrv"] .val'),
    `${shown(hrv.value_ms, 0)} ms (ln rMSSD ${shown(hrv.value, 2)}) (baseline ${shown(hrv.baseline_ms, 0)} ms (ln rMSSD ${shown(hrv.baseline, 2)}))`,
  );
  assert.match(await page.textContent('#readiness-body li[data-marker="resting_hr"] small.what'), /^Baseline: mean resting HR .*Band: alert thresholds/);
  assert.deepEqual(pageErrors, []);

  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(artifacts, 'web-sample.png'), fullPage: true });
  await page.locator('#h-pmc').locator('..').screenshot({ path: path.join(artifacts, 'web-pmc.png') });
  await page.locator('#cards').screenshot({ path: path.join(artifacts, 'web-cards.png') });
});

test("the sample's planned sessions download as an iCalendar file", async () => {
  // The page is still on the sample (the test before).
  assert.equal(await page.isVisible('#download-ics'), true);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-ics')]);
  assert.equal(download.suggestedFilename(), 'runrecovery-plan.ics');
  const ics = fs.readFileSync(await download.path(), 'utf8');
  // Stamped with the time of the click; otherwise what pkg-node writes for the same log.
  const [, d, t] = /\r\nDTSTAMP:(\d{8})T(\d{6})Z\r\n/.exec(ics);
  const stamp = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`;
  const log = data('sample_log.json');
  const want = rr.toIcalendar({ log, calendar_name: 'runrecovery: sample_log.json', stamp });
  assert.equal(ics, want.ics);
  const planned = log.sessions.filter((s) => s.status === 'planned' && s.kind !== 'rest');
  assert.ok(planned.length > 0);
  assert.equal(want.events, planned.length);
  assert.match(await page.textContent('#status'), new RegExp(`^${planned.length} planned sessions written`));
});

test('a CSV log dropped on the page', async () => {
  const csv = [
    'date,kind,duration_s,distance_m,rpe,notes',
    '2026-03-02,easy,3600,10000,3,',
    '2026-03-03,intervals,3000,9000,8,"6 x 800 m, 2 min jog"',
    '2026-03-04,rest,0,,,',
    '2026-03-05,tempo,2700,8500,6,',
    '2026-03-07,long,6000,17000,5,',
    '2026-03-08,easy,2400,6500,3,',
  ].join('\n');
  await recompute(() =>
    page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'week.csv', { type: 'text/csv' }));
      document.querySelector('#drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, csv),
  );
  const log = {
    schema_version: 1,
    sessions: [
      { date: '2026-03-02', kind: 'easy', duration_s: 3600, distance_m: 10000, rpe: 3 },
      { date: '2026-03-03', kind: 'intervals', duration_s: 3000, distance_m: 9000, rpe: 8, notes: '6 x 800 m, 2 min jog' },
      { date: '2026-03-04', kind: 'rest', duration_s: 0 },
      { date: '2026-03-05', kind: 'tempo', duration_s: 2700, distance_m: 8500, rpe: 6 },
      { date: '2026-03-07', kind: 'long', duration_s: 6000, distance_m: 17000, rpe: 5 },
      { date: '2026-03-08', kind: 'easy', duration_s: 2400, distance_m: 6500, rpe: 3 },
    ],
  };
  assert.match(await page.textContent('#source'), /week\.csv/);
  // No planned sessions: nothing to put in a calendar.
  assert.equal(await page.isVisible('#download-ics'), false);
  const today = await page.inputValue('#today');
  const race = await page.inputValue('#race');
  assert.equal(today, '2026-03-08');
  assert.equal(race, '2026-03-22');
  const x = expected(log, [], { date: today, wellness: {} }, today, race, 'session_rpe');
  await assertNumber('#fitness', x.pmc.fitness[x.ti]);
  await assertNumber('#form', x.pmc.form[x.ti]);
  await assertNumber('#race-form', x.pmc.form[x.ri]);
  assert.equal((await read('#next-earliest')).value, x.next.earliest);
  assert.equal(await page.isVisible('#error'), false);
});

test('malformed files: the error code and field are shown', async () => {
  const log = data('sample_log.json');
  const bad = structuredClone(log);
  bad.sessions[2].date = '2026-02-30';
  let e;
  try {
    rr.readLog({ log: bad });
  } catch (err) {
    e = err;
  }
  assert.equal(e?.code, 'invalid_date');
  await page.setInputFiles('#file', { name: 'bad-log.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await page.waitForSelector('#error:not([hidden])');
  assert.equal(await page.textContent('#error-code'), e.code);
  assert.equal(await page.textContent('#error-field'), e.field.replace(/^log\./, ''));
  assert.equal(await page.textContent('#error-message'), e.message);
  assert.equal(await page.isVisible('#results'), false);
  await page.locator('section.inputs').screenshot({ path: path.join(artifacts, 'web-error.png') });

  // A wrong type deep inside: the library names the exact field.
  const typo = structuredClone(log);
  typo.sessions[5].rpe = 'hard';
  try {
    rr.readLog({ log: typo });
  } catch (err) {
    e = err;
  }
  await page.setInputFiles('#file', { name: 'typo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(typo)) });
  await page.waitForFunction(() => document.querySelector('#error-field').textContent === 'sessions[5].rpe');
  assert.equal(await page.textContent('#error-code'), e.code);

  // Not JSON at all.
  await page.setInputFiles('#file', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1, sessions: [}') });
  await page.waitForFunction(() => document.querySelector('#error-code').textContent === 'invalid_json');
  assert.equal(await page.textContent('#error-field'), '$');

  // A CSV row with a bad value names its CSV row.
  await page.setInputFiles('#file', {
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('date,kind,duration_s,rpe\n2026-03-02,easy,3600,3\n2026-03-03,sprint,1800,7\n'),
  });
  await page.waitForFunction(() => document.querySelector('#error-field').textContent.startsWith('sessions[1].kind'));
  assert.equal(await page.textContent('#error-code'), 'invalid_input');
  assert.match(await page.textContent('#error-field'), /CSV row 3/);
  assert.deepEqual(pageErrors, []);
});

/**
 * How the page is laid out now: its width against the window's, the elements
 * that stick out on the right, and per chart the size its text is drawn at
 * on screen (an SVG's font-size times the SVG's scale to the screen; HTML
 * text its computed font-size) and its axis titles.
 */
const layout = () =>
  page.evaluate(() => {
    const W = window.innerWidth;
    const name = (e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.classList.length ? `.${[...e.classList].join('.')}` : ''}`;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > W + 0.5)
      .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= W + 0.5);
    const charts = [...document.querySelectorAll('.chart')]
      .filter((c) => c.getClientRects().length)
      .map((c) => {
        const texts = [...c.querySelectorAll('text, :not(svg *)')].filter((t) => t.getClientRects().length && t.textContent.trim());
        const sizes = texts.map((t) => {
          const px = parseFloat(getComputedStyle(t).fontSize);
          const m = t instanceof SVGElement ? t.getScreenCTM() : null;
          return { text: t.textContent.trim().slice(0, 30), px: m ? px * Math.hypot(m.a, m.b) : px };
        });
        sizes.sort((a, b) => a.px - b.px);
        // Labels that overlap one another (by more than a pixel each way).
        const boxes = [...c.querySelectorAll('text')].map((t) => [t.textContent.trim(), t.getBoundingClientRect()]);
        const overlaps = [];
        boxes.forEach(([ta, a], i) =>
          boxes.slice(i + 1).forEach(([tb, b]) => {
            if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) overlaps.push(`"${ta}" and "${tb}"`);
          }),
        );
        return { id: c.id, smallest: sizes[0] ?? null, overlaps, axes: [...c.querySelectorAll('.axis-title')].map((t) => t.textContent.trim()) };
      });
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: W, out: out.map(name), charts };
  });

test('on a desktop and on a phone: no sideways scrolling, chart text of 11 px or more, axes with units', async () => {
  try {
    for (const [width, height, device] of [
      [1280, 900, 'desktop'],
      [390, 844, 'phone'],
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto(server.url);
      await page.waitForSelector('body[data-state="ready"]');
      await recompute(() => page.click('#load-sample'));
      await page.fill('#race', addDays(await page.inputValue('#today'), 19));
      await recompute(() => page.click('#go'));
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(artifacts, `web-${device}-${width}.png`), fullPage: true });
      for (const id of ['h-pmc', 'h-next', 'h-ready', 'h-systems', 'h-acwr', 'h-load']) {
        await page.locator(`#${id}`).locator('..').screenshot({ path: path.join(artifacts, `web-${device}-${width}-${id.slice(2)}.png`) });
      }

      const l = await layout();
      assert.ok(l.scrollWidth <= l.innerWidth, `${device}: the page is ${l.scrollWidth} px wide in a ${l.innerWidth} px window; too wide: ${l.out.join(', ')}`);
      assert.deepEqual(l.out, [], `${device}: elements past the right edge`);
      assert.deepEqual(
        l.charts.map((c) => c.id),
        ['pmc-chart', 'next-chart', 'readiness-chart', 'systems-chart', 'acwr-chart'],
        `${device}: the charts`,
      );
      for (const c of l.charts) {
        assert.ok(c.smallest, `${device}: #${c.id} has text`);
        assert.ok(c.smallest.px >= 11, `${device}: #${c.id}: "${c.smallest.text}" is drawn at ${c.smallest.px.toFixed(1)} px`);
        assert.deepEqual(c.overlaps, [], `${device}: #${c.id}: labels drawn over each other`);
        // Every value axis names what it shows and its unit, "… (unit)".
        assert.ok(c.axes.length > 0, `${device}: #${c.id} has no axis titles`);
        for (const t of c.axes) assert.match(t, /\(.+\)/, `${device}: #${c.id}: axis title "${t}" has no unit`);
      }
      // The sample's loads are session RPE: arbitrary units (AU) per day on both PMC panels.
      const pmc = l.charts.find((c) => c.id === 'pmc-chart');
      assert.equal(pmc.axes.length, 2, `${device}: the PMC's two panels`);
      for (const t of pmc.axes) assert.match(t, /\(AU/, `${device}: PMC axis "${t}"`);
    }
    assert.deepEqual(pageErrors, []);
  } finally {
    await page.setViewportSize({ width: 1280, height: 900 });
  }
});
