// The runrecovery demo: everything is computed here, in the browser, by the
// package's web build (pkg-web). No framework, no network beyond this page's
// own files (the module and the bundled samples).
//
// Flow: load a log (sample, file picker, drop) → readLog validates it →
// compute() calls the operations for today and the goal race → render*()
// draws cards, tables and inline SVG charts.
import init, * as rr from './pkg-web/runrecovery_wasm.js';
import { joinProjection } from './series.mjs';

const $ = (sel) => document.querySelector(sel);

/** What is loaded. */
const state = {
  /** The log document as read (JSON object). */
  log: null,
  /** Where it came from, for the caption. */
  source: '',
  /** Whether it came from CSV (error rows are then given as CSV rows). */
  csv: false,
  /** Morning markers (from the sample or a markers file). */
  markers: [],
  /** Whether they are the sample's (dropped when a log of your own is loaded). */
  sampleMarkers: false,
};

// ---------------------------------------------------------------- formatting

const esc = (s) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** A number with `d` decimals ("–" when absent); never "-0.0". */
function num(x, d = 1) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const s = x.toFixed(d);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** An element holding a number: the rounded text, and the exact value in data-value. */
function numEl(id, x, d = 1) {
  const el = document.getElementById(id);
  el.textContent = num(x, d);
  el.dataset.value = x === null || x === undefined ? '' : String(x);
  return el;
}

const DAY_MS = 86_400_000;
const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`);
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso, n) => isoDay(toDay(iso) + n * DAY_MS);
const daysBetween = (a, b) => Math.round((toDay(b) - toDay(a)) / DAY_MS);
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const weekday = (iso) => WEEKDAYS[new Date(toDay(iso)).getUTCDay()];
/** "Thu 26 Nov 2026" with the ISO date in data-value (tables drop the year on a phone). */
const dateHtml = (iso, id = '') =>
  `<time ${id ? `id="${id}" ` : ''}datetime="${iso}" data-value="${iso}">${weekday(iso)} ${Number(iso.slice(8))} ${MONTHS[Number(iso.slice(5, 7)) - 1]}<span class="year"> ${iso.slice(0, 4)}</span></time>`;

/** "16 Nov 2026" (a week's Monday: no weekday) with the ISO date in data-value. */
const dayMonth = (iso) =>
  `<time datetime="${iso}" data-value="${iso}">${Number(iso.slice(8))}&nbsp;${MONTHS[Number(iso.slice(5, 7)) - 1]}<span class="year"> ${iso.slice(0, 4)}</span></time>`;

/** s/km as m:ss. */
function pace(s) {
  const r = Math.round(s);
  return `${Math.floor(r / 60)}:${String(r % 60).padStart(2, '0')}`;
}
/** s as h:mm:ss or m:ss. */
function duration(s) {
  const r = Math.round(s);
  const h = Math.floor(r / 3600);
  const m = Math.floor((r % 3600) / 60);
  const ss = String(r % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
const label = (snake) => snake.replace(/_/g, ' ');
const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const MARKER_NAMES = { hrv: 'HRV', resting_hr: 'Resting HR', session_rpe: 'Session RPE', body_systems: 'Body systems' };

// ---------------------------------------------------------------- status and errors

function setStatus(text, kind = '') {
  const el = $('#status');
  el.textContent = text;
  el.className = `status ${kind}`;
}

/** Shows a library error (or a file error) with its code and field. */
function showError(title, e) {
  const box = $('#error');
  $('#error-title').textContent = title;
  $('#error-code').textContent = e.code ?? 'error';
  let field = e.field ?? '';
  // Errors about the log name it "log.…"; in the file it is the top level.
  if (field.startsWith('log.')) field = field.slice(4);
  else if (field === 'log') field = '$';
  const row = state.csv && /^sessions\[(\d+)\]/.exec(field);
  $('#error-field').textContent = row ? `${field} (CSV row ${Number(row[1]) + 2})` : field || '$';
  $('#error-message').textContent = e.message;
  box.hidden = false;
  document.body.dataset.state = 'error';
}

const hideError = () => {
  $('#error').hidden = true;
};

/** A card-level problem (the rest of the page still works). */
const cardError = (e) =>
  `<p class="card-error"><code>${esc(e.code ?? 'error')}</code>${e.field ? ` at <code>${esc(e.field)}</code>` : ''}: ${esc(e.message)}</p>`;

/** Runs `f`, returning its value or `{error}`. */
function attempt(f) {
  try {
    return f();
  } catch (error) {
    return { error };
  }
}

// ---------------------------------------------------------------- reading files

/** Session fields that hold numbers (a CSV cell for them is read as a number). */
const NUMERIC = new Set([
  'duration_s',
  'distance_m',
  'rpe',
  'avg_hr_bpm',
  'avg_power_w',
  'normalized_power_w',
  'graded_pace_s_per_km',
  'elevation_gain_m',
  'temperature_c',
  'humidity_pct',
]);

/** CSV with a header row of session fields → a log document (one session per row). */
function csvToLog(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  const lines = rows.filter((r) => r.some((c) => c.trim() !== ''));
  if (lines.length < 2) {
    throw Object.assign(new Error('a CSV log needs a header row (date,kind,duration_s,…) and at least one session'), {
      code: 'invalid_csv',
      field: '$',
    });
  }
  const header = lines[0].map((h) => h.trim());
  const sessions = lines.slice(1).map((cells) => {
    const s = {};
    header.forEach((key, j) => {
      const v = (cells[j] ?? '').trim();
      if (v === '') return;
      s[key] = NUMERIC.has(key) && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
    });
    return s;
  });
  return { schema_version: 1, sessions };
}

/** Reads a file's text as a log or a markers document. */
function readDocument(name, text) {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (/\.csv$/i.test(name) || (!trimmed.startsWith('{') && !trimmed.startsWith('['))) {
    return { kind: 'log', doc: csvToLog(trimmed), csv: true };
  }
  let doc;
  try {
    doc = JSON.parse(trimmed);
  } catch (e) {
    throw Object.assign(new Error(`not valid JSON: ${e.message}`), { code: 'invalid_json', field: '$' });
  }
  if (doc && typeof doc === 'object' && !Array.isArray(doc) && Array.isArray(doc.markers) && !('sessions' in doc)) {
    return { kind: 'markers', doc };
  }
  return { kind: 'log', doc, csv: false };
}

async function loadFile(file) {
  hideError();
  setStatus(`Reading ${file.name}…`);
  let parsed;
  try {
    parsed = readDocument(file.name, await file.text());
  } catch (e) {
    showError(`${file.name} could not be read`, e);
    setStatus(`${file.name} could not be read.`, 'bad');
    return;
  }
  if (parsed.kind === 'markers') {
    const checked = attempt(() => rr.readinessBaselines({ markers: parsed.doc.markers }));
    if (checked.error) {
      showError(`The markers in ${file.name} could not be read`, checked.error);
      setStatus(`${file.name}: markers rejected.`, 'bad');
      return;
    }
    state.markers = parsed.doc.markers;
    state.sampleMarkers = false;
    setStatus(`${parsed.doc.markers.length} mornings of markers from ${file.name}.`);
    fillMarkers();
    if (state.log) compute();
    return;
  }
  // Markers loaded from a file stay with the next log; the sample's do not.
  useLog(parsed.doc, file.name, parsed.csv, state.sampleMarkers ? [] : state.markers);
}

/** Validates and adopts a log; computes. */
function useLog(doc, source, csv, markers) {
  hideError();
  state.csv = csv;
  const info = attempt(() => rr.readLog({ log: doc }));
  if (info.error) {
    state.log = null;
    $('#results').hidden = true;
    $('#calendar-row').hidden = true;
    $('#source').textContent = `${source}: not loaded.`;
    showError(`${source} is not a valid training log`, info.error);
    setStatus(`${source} was rejected: ${info.error.code}.`, 'bad');
    return;
  }
  state.log = doc;
  state.source = source;
  state.markers = markers;
  const planned = info.log.sessions.filter((s) => s.status === 'planned');
  const completed = info.log.sessions.filter((s) => s.status === 'completed');
  const lastDone = completed.length ? completed[completed.length - 1].date : info.first_date;
  const firstPlanned = planned.find((s) => s.date > lastDone);
  const lastMarker = markers.length ? markers[markers.length - 1].date : null;
  const today = firstPlanned ? firstPlanned.date : lastMarker && lastMarker > lastDone ? lastMarker : lastDone;
  $('#today').value = today;
  // A race a week after the last planned session (the projection rests after it), or in two weeks.
  const lastPlanned = planned.length ? planned[planned.length - 1].date : null;
  $('#race').value = lastPlanned && lastPlanned >= today ? addDays(lastPlanned, 7) : addDays(today, 14);
  $('#source').innerHTML =
    `<strong>${esc(source)}</strong>: ${info.completed} completed and ${info.planned} planned sessions, ` +
    `${dateHtml(info.first_date)} to ${dateHtml(info.last_date)}` +
    (markers.length ? `, with ${markers.length} mornings of markers.` : '.');
  $('#calendar-row').hidden = info.planned === 0;
  fillMarkers();
  compute();
}

/** The log's planned sessions as an iCalendar file (toIcalendar), stamped now in UTC, downloaded. */
function downloadIcs() {
  const name = 'runrecovery-plan.ics';
  const stamp = `${new Date().toISOString().slice(0, 19)}Z`;
  const cal = attempt(() => rr.toIcalendar({ log: state.log, calendar_name: `runrecovery: ${state.source}`, stamp }));
  if (cal.error) {
    showError('The calendar file could not be written', cal.error);
    return;
  }
  const url = URL.createObjectURL(new Blob([cal.ics], { type: 'text/calendar;charset=utf-8' }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  setStatus(`${cal.events} planned sessions written to ${name}.`, 'good');
}

async function loadSample() {
  setStatus('Loading the sample…');
  try {
    const [log, markers] = await Promise.all([
      fetch('data/sample_log.json').then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status} ${r.url}`)))),
      fetch('data/sample_markers.json').then((r) => (r.ok ? r.json() : { markers: [] })),
    ]);
    useLog(log, 'sample_log.json', false, markers.markers ?? []);
    state.sampleMarkers = true;
  } catch (e) {
    showError('The sample could not be loaded', { code: 'fetch_failed', field: 'data/sample_log.json', message: e.message });
  }
}

// ---------------------------------------------------------------- markers

/** Fills the marker inputs from the markers of the day chosen as today, if any. */
function fillMarkers() {
  const today = $('#today').value;
  const m = state.markers.find((x) => x.date === today) ?? {};
  $('#hrv').value = m.hrv && m.hrv.index === 'rmssd_ms' ? m.hrv.value : '';
  $('#rhr').value = m.resting_hr_bpm ?? '';
  $('#sleep').value = m.sleep_h ?? '';
  $('#soreness').value = m.wellness?.soreness ?? '';
}

/** Markers before today, and today's from the form (over any stored for today). */
function markersForToday(today) {
  const before = state.markers.filter((m) => m.date < today);
  const stored = state.markers.find((m) => m.date === today);
  const day = stored ? structuredClone(stored) : { date: today };
  const value = (id) => ($(id).value === '' ? null : Number($(id).value));
  const hrv = value('#hrv');
  day.hrv = hrv === null ? (day.hrv?.index === 'rmssd_ms' ? undefined : day.hrv) : { value: hrv, index: 'rmssd_ms' };
  day.resting_hr_bpm = value('#rhr') ?? undefined;
  day.sleep_h = value('#sleep') ?? undefined;
  const soreness = value('#soreness');
  day.wellness = { ...(day.wellness ?? {}), soreness: soreness ?? undefined };
  return [...before, day];
}

// ---------------------------------------------------------------- computing

/** The last completed race before or on `today` with a distance: its VDOT. */
function lastRace(log, today) {
  const races = log.sessions.filter(
    (s) => s.kind === 'race' && (s.status ?? 'completed') === 'completed' && s.distance_m && s.duration_s && s.date <= today,
  );
  races.sort((a, b) => (a.date < b.date ? -1 : 1));
  return races[races.length - 1] ?? null;
}

/** What the form asks for: today, the goal race (or null) and the load method. */
const readInputs = () => ({ today: $('#today').value, race: $('#race').value || null, method: $('#method').value });

/**
 * Everything the page shows for a log, computed by the package: no DOM here,
 * so the data source can change without touching the drawing. Returns the
 * results, or `{ error, stage }` when the fitness model cannot use the log
 * (then there is nothing to draw). A card whose operation fails carries
 * `{ error }` in its place and the rest still draws.
 */

function computeResults(log, { today, race, method }, markersBefore) {
  const info = rr.readLog({ log });
  const end = [info.last_date, race ?? info.last_date, today].sort().at(-1);

  const pmc = attempt(() => joinProjection(rr.logPmc({ log, today, end, method })));
  if (pmc.error) return { error: pmc.error, stage: 'pmc' };
  const ti = daysBetween(pmc.start, today);
  const results = { pmc, ti, today, race, method };

  const recoveryOptions = method === 'auto' ? {} : { method };
  results.daily = attempt(() => rr.dailyLoads({ log, method, start: pmc.start, end: today }));
  results.acwr = results.daily.error
    ? results.daily
    : attempt(() => rr.acwr({ start: results.daily.start, loads: results.daily.load, logged: results.daily.logged }));
  results.weekly = attempt(() => rr.weeklySummary({ log, method, end: today }));
  // Today's state, the one the report and the notebook show: body systems,
  // the next quality session given the readiness, the morning readiness.
  const state = attempt(() =>
    rr.athleteToday({ log, today, markers: markersBefore, method, recovery_options: recoveryOptions }),
  );
  results.state = state;
  results.systems = state.error ? state : state.systems;
  results.next = state.error ? state : state.next_quality_session;
  const racing = lastRace(log, today);
  results.lastRace = racing;
  results.vdot = racing ? attempt(() => rr.vdotFromRace({ distance_m: racing.distance_m, time_s: racing.duration_s })) : null;
  if (!racing && log.athlete?.vdot) results.vdot = { vdot: log.athlete.vdot, given: true };
  results.paces = results.vdot && !results.vdot.error ? attempt(() => rr.trainingPaces({ vdot: results.vdot.vdot })) : null;
  const athlete = log.athlete ?? {};
  const system = athlete.lthr_bpm ? 'lthr_friel' : athlete.hr_max_bpm || athlete.age_years ? 'hr_max' : null;
  results.zones = system ? attempt(() => rr.zoneTable({ athlete, system })) : null;
  results.markers = markersBefore;
  results.baselines = attempt(() => rr.readinessBaselines({ markers: markersBefore }));
  results.readiness = state.error
    ? state
    : (state.readiness ?? { error: { code: 'no_markers_today', field: 'markers', message: `no markers dated ${today}` } });
  return results;
}

/** The last results drawn (charts redraw from them when their width changes). */
let shown = null;

function compute() {
  if (!state.log) return;
  hideError();
  const inputs = readInputs();
  if (!inputs.today) return;
  document.body.dataset.state = 'computing';
  const t0 = performance.now();
  const results = computeResults(state.log, inputs, markersForToday(inputs.today));
  if (results.error) {
    shown = null;
    $('#results').hidden = true;
    showError('The fitness model could not use this log', results.error);
    setStatus(`Stopped: ${results.error.code} at ${results.error.field}.`, 'bad');
    return;
  }
  shown = results;
  render(results);
  document.body.dataset.runs = String(Number(document.body.dataset.runs ?? 0) + 1);
  const ms = performance.now() - t0;
  setStatus(`Computed ${results.pmc.fitness.length} days in ${ms.toFixed(0)} ms with runrecovery ${rr.version()}.`, 'good');
  document.body.dataset.state = 'done';
}

// ---------------------------------------------------------------- rendering

function render(r) {
  $('#results').hidden = false;
  renderSummary(r);
  renderPmc(r);
  renderRace(r);
  renderNext(r);
  renderReadiness(r);
  renderSystems(r);
  renderAcwr(r);
  renderZones(r);
  renderLoad(r);
}

/** Form bands as % of fitness (the zones intervals.icu draws; a convention, not a law). */
const FORM_BANDS = [
  { name: 'transition', lo: 0.2, hi: Infinity, color: '#fde68a', text: 'detraining if it lasts' },
  { name: 'fresh', lo: 0.05, hi: 0.2, color: '#bfdbfe', text: 'race-ready' },
  { name: 'grey zone', lo: -0.1, hi: 0.05, color: '#e5e7eb', text: 'maintaining' },
  { name: 'optimal', lo: -0.3, hi: -0.1, color: '#bbf7d0', text: 'productive training' },
  { name: 'high risk', lo: -Infinity, hi: -0.3, color: '#fecaca', text: 'overload' },
];
const formBand = (pct) => (pct === null ? null : FORM_BANDS.find((b) => pct / 100 >= b.lo && pct / 100 < b.hi));

function renderSummary(r) {
  const { pmc, ti } = r;
  const at = (series) => (ti >= 0 && ti < series.length ? series[ti] : null);
  // Today's numbers from athleteToday (the chart's today is the same day of the same loads).
  const today = r.state && !r.state.error ? r.state : null;
  numEl('fitness', today ? today.fitness : at(pmc.fitness));
  numEl('fatigue', today ? today.fatigue : at(pmc.fatigue));
  numEl('form', today ? today.form : at(pmc.form));
  const unit = `${loadUnit(r.method, pmc.methods)} per day`;
  const ramp = at(pmc.ramp);
  $('#fitness-sub').textContent = ramp === null ? unit : `${unit} · ${ramp >= 0 ? '+' : ''}${num(ramp)} in 7 days`;
  $('#fatigue-sub').textContent = unit;
  const pct = at(pmc.form_pct);
  const band = formBand(pct);
  $('#form-sub').textContent = pct === null ? '' : `${num(pct, 0)} % of fitness · ${band.name}`;

  if (r.acwr.error) {
    numEl('acwr', null);
    $('#acwr-sub').textContent = r.acwr.error.code;
  } else {
    const last = r.acwr.ratio.length - 1;
    numEl('acwr', r.acwr.ratio[last], 2);
    $('#acwr-sub').textContent = r.acwr.ratio[last] === null ? label(r.acwr.gap[last] ?? '') : label(r.acwr.band[last]);
  }

  if (!r.vdot || r.vdot.error) {
    numEl('vdot', null);
    $('#vdot-sub').textContent = r.vdot?.error ? r.vdot.error.code : 'no race in the log';
  } else {
    numEl('vdot', r.vdot.vdot);
    $('#vdot-sub').innerHTML = r.vdot.given
      ? 'from the profile'
      : `${num(r.lastRace.distance_m / 1000, r.lastRace.distance_m % 1000 ? 1 : 0)} km in ${duration(r.lastRace.duration_s)}, ${dateHtml(r.lastRace.date)}`;
  }

  const el = $('#readiness-status');
  if (r.readiness.error) {
    el.textContent = '–';
    el.dataset.value = '';
    $('#readiness-sub').textContent = r.readiness.error.code;
  } else {
    el.textContent = label(r.readiness.status);
    el.dataset.value = r.readiness.status;
    el.className = `value chip ${r.readiness.status}`;
    $('#readiness-sub').textContent = `score ${num(r.readiness.score, 0)} · confidence ${num(r.readiness.confidence * 100, 0)} %`;
  }
}

// ---- SVG helpers

const attrs = (a) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => ` ${k}="${esc(v)}"`)
    .join('');
const el = (tag, a = {}, inner = '') => `<${tag}${attrs(a)}>${inner}</${tag}>`;
const pts = (list) => list.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

/** "Nice" tick values over [lo, hi]. */
function ticks(lo, hi, count = 5) {
  const span = hi - lo || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= count) ?? raw;
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.abs(v) < 1e-9 ? 0 : v);
  return out;
}

/**
 * Month labels (and gridlines) along a date axis; the year on the first
 * label and on January's. `narrow`: labels at least 56 px apart.
 */
function monthAxis(start, n, x, top, bottom, narrow = false) {
  let out = '';
  let lastX = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = addDays(start, i);
    // The first day is labelled unless a month starts within the next 10 days.
    const first = i === 0 && !Array.from({ length: 10 }, (_, k) => addDays(start, k + 1)).some((x) => x.endsWith('-01'));
    if (d.endsWith('-01') || first) {
      const xi = x(i);
      out += el('line', { x1: xi, x2: xi, y1: top, y2: bottom, class: 'gridline' });
      if (narrow && xi - lastX < 56) continue;
      lastX = xi;
      out += el('text', { x: xi + 3, y: bottom + 16, class: 'axis' }, `${MONTHS[Number(d.slice(5, 7)) - 1]}${d.slice(5, 7) === '01' || i === 0 ? ` ${d.slice(0, 4)}` : ''}`);
    }
  }
  return out;
}

/** A series split at `split`: solid up to it, dashed after. */
function splitLine(values, x, y, split, cls) {
  const all = Array.from(values, (v, i) => [x(i), y(v)]);
  const past = all.slice(0, split + 1);
  const future = all.slice(Math.max(split, 0));
  return (
    (past.length > 1 ? el('polyline', { points: pts(past), class: `line ${cls}` }) : '') +
    (future.length > 1 ? el('polyline', { points: pts(future), class: `line ${cls} projected` }) : '')
  );
}

/** Load methods scored in TSS (the rest in arbitrary units, AU), as the core's LoadMethod::unit. */
const TSS_METHODS = new Set(['rtss', 'hr_tss', 'power_tss']);

/** The load methods as the form names them. */
const METHOD_NAMES = { session_rpe: 'session RPE', auto: 'the best method each session supports', rtss: 'rTSS', hr_tss: 'hrTSS', banister_trimp: 'Banister TRIMP', power_tss: 'power TSS' };

/** The unit of the loads of a log_pmc result: TSS, AU, or both when `auto` mixed them. */
function loadUnit(method, methods) {
  const used = method === 'auto' ? Object.keys(methods ?? {}) : [method];
  const units = [...new Set(used.map((m) => (TSS_METHODS.has(m) ? 'TSS' : 'AU')))];
  return units.length === 1 ? units[0] : 'TSS and AU mixed';
}

/**
 * The width, in CSS px, a chart is drawn at: its box's. The SVG's user units
 * are then screen pixels, so its text is drawn at its font size on any
 * screen (a fixed viewBox shrunk to a phone drew 11 px labels at 4 px).
 */
function chartWidth(box, min = 240) {
  return Math.max(min, Math.floor(box.clientWidth || box.parentElement?.clientWidth || 640));
}

/** An SVG chart into its box, remembering the width it was drawn for. */
function drawSvg(box, W, H, label, inner) {
  box.innerHTML = el('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': label }, inner);
  box.dataset.width = String(W);
}

/** An axis title: what the axis shows and its unit, above the panel's top-left corner. */
const axisTitle = (x, y, text) => el('text', { x, y, class: 'axis-title' }, text);

function renderPmc(r) {
  const { pmc, ti, today, race } = r;
  const box = $('#pmc-chart');
  const n = pmc.fitness.length;
  const W = chartWidth(box);
  const narrow = W < 560;
  const left = 40;
  const right = W - 10;
  const t0 = 26;
  const t1 = t0 + (narrow ? 170 : 200); // fitness/fatigue panel
  const f0 = t1 + 46;
  const f1 = f0 + (narrow ? 120 : 130); // form panel
  const H = f1 + 26;
  const x = (i) => left + ((right - left) * i) / Math.max(n - 1, 1);
  const unit = loadUnit(r.method, pmc.methods);

  const top = Math.max(...pmc.fitness, ...pmc.fatigue, 1) * 1.08;
  const yTop = (v) => t1 - ((t1 - t0) * v) / top;
  const maxLoad = Math.max(...pmc.load, 1);
  const barH = (v) => ((t1 - t0) * 0.3 * v) / maxLoad;

  const fitnessMax = Math.max(...pmc.fitness, 1);
  const formLo = Math.min(...pmc.form, -0.4 * fitnessMax);
  const formHi = Math.max(...pmc.form, 0.3 * fitnessMax);
  const yForm = (v) => f1 - ((f1 - f0) * (Math.min(Math.max(v, formLo), formHi) - formLo)) / (formHi - formLo);

  let svg = '';
  // Load bars (completed up to today, planned after).
  const bw = Math.max(((right - left) / n) * 0.7, 1);
  pmc.load.forEach((v, i) => {
    if (v > 0) svg += el('rect', { x: x(i) - bw / 2, y: t1 - barH(v), width: bw, height: barH(v), class: i > ti ? 'bar planned' : 'bar' });
  });
  for (const v of ticks(0, top, narrow ? 4 : 5)) {
    svg += el('line', { x1: left, x2: right, y1: yTop(v), y2: yTop(v), class: 'gridline' });
    svg += el('text', { x: left - 5, y: yTop(v) + 4, class: 'axis end' }, num(v, 0));
  }
  svg += splitLine(pmc.fitness, x, yTop, ti, 'fitness');
  svg += splitLine(pmc.fatigue, x, yTop, ti, 'fatigue');

  // Form bands: each band between lo·fitness and hi·fitness, day by day.
  for (const b of FORM_BANDS) {
    const lo = Array.from(pmc.fitness, (c, i) => [x(i), yForm(Number.isFinite(b.lo) ? b.lo * c : formLo)]);
    const hi = Array.from(pmc.fitness, (c, i) => [x(i), yForm(Number.isFinite(b.hi) ? b.hi * c : formHi)]);
    svg += el('polygon', { points: pts([...lo, ...hi.reverse()]), fill: b.color, class: 'band' }, el('title', {}, `${b.name}: ${b.text}`));
  }
  for (const v of ticks(formLo, formHi, narrow ? 3 : 4)) {
    svg += el('line', { x1: left, x2: right, y1: yForm(v), y2: yForm(v), class: v === 0 ? 'zero' : 'gridline' });
    svg += el('text', { x: left - 5, y: yForm(v) + 4, class: 'axis end' }, num(v, 0));
  }
  svg += splitLine(pmc.form, x, yForm, ti, 'form');
  svg += axisTitle(4, t0 - 10, `fitness, fatigue, daily load (${unit} per day)`);
  svg += axisTitle(4, f0 - 10, `form = fitness − fatigue (${unit} per day)`);

  svg += monthAxis(pmc.start, n, x, t0, f1, narrow);
  const marker = (i, text, cls, dy) =>
    i >= 0 && i < n
      ? el('line', { x1: x(i), x2: x(i), y1: t0, y2: f1, class: `marker ${cls}` }) +
        el('text', { x: x(i) + (i > n * 0.8 ? -4 : 4), y: t0 + dy, class: `marker-label ${cls}${i > n * 0.8 ? ' end' : ''}` }, text)
      : '';
  svg += marker(ti, 'today', 'today', 14);
  if (race) svg += marker(daysBetween(pmc.start, race), 'race', 'race', 30);

  // Hover: one transparent column per day with its numbers.
  const cw = (right - left) / Math.max(n - 1, 1);
  for (let i = 0; i < n; i++) {
    const d = addDays(pmc.start, i);
    const tip = `${weekday(d)} ${d}${i > ti ? ' (projected)' : ''}\nload ${num(pmc.load[i], 0)} ${unit}\nfitness ${num(pmc.fitness[i])}\nfatigue ${num(pmc.fatigue[i])}\nform ${num(pmc.form[i])}${pmc.form_pct[i] === null ? '' : ` (${num(pmc.form_pct[i], 0)} % of fitness)`}`;
    svg += el('rect', { x: x(i) - cw / 2, y: t0, width: cw, height: f1 - t0, class: 'hover' }, el('title', {}, tip));
  }
  drawSvg(box, W, H, `Fitness, fatigue and form from ${pmc.start} to ${pmc.end}, in ${unit} per day`, svg);
  $('#pmc-legend').innerHTML =
    `<span class="key fitness">fitness (42-day)</span><span class="key fatigue">fatigue (7-day)</span><span class="key form">form</span>` +
    `<span class="key bars">daily load</span><span class="key dashed">projected through planned sessions</span>` +
    FORM_BANDS.map((b) => `<span class="swatch" style="--c:${b.color}">${b.name} (${b.text})</span>`).join('');
  $('#pmc-caption').textContent = `${pmc.start} to ${pmc.end}: completed sessions up to today (${today}), planned ones after${
    race ? `, projected to the race on ${race}` : ''
  }. Load by ${METHOD_NAMES[r.method] ?? label(r.method)}, in ${unit}; form bands as a % of fitness.`;
  $('#pmc-note').textContent = pmc.warning
    ? `Note: ${pmc.warning}.`
    : 'Days without a session count as rest; after the last planned session the projection assumes rest.';
}

function renderRace(r) {
  const { pmc, race, today } = r;
  const body = $('#race-body');
  if (!race) {
    body.innerHTML = '<p class="muted">Set a goal race date to see the projected form on race day.</p>';
    return;
  }
  const i = daysBetween(pmc.start, race);
  if (i <= daysBetween(pmc.start, today)) {
    body.innerHTML = `<p class="muted">The race date (${esc(race)}) is not after today.</p>`;
    return;
  }
  const pct = pmc.form_pct[i];
  const band = formBand(pct);
  body.innerHTML = `
    <p class="lead">${dateHtml(race, 'race-date')}, in ${i - daysBetween(pmc.start, today)} days</p>
    <div class="mini-stats">
      <div><span class="label">form</span><span class="value" id="race-form"></span><span class="sub">${pct === null ? '' : `${num(pct, 0)} % · ${esc(band.name)}`}</span></div>
      <div><span class="label">fitness</span><span class="value" id="race-fitness"></span></div>
      <div><span class="label">fatigue</span><span class="value" id="race-fatigue"></span></div>
    </div>
    <p class="note">${
      band && band.name === 'fresh'
        ? 'Fresh on race day: the planned sessions and the rest after them taper well.'
        : band && (band.name === 'optimal' || band.name === 'high risk')
          ? 'Still carrying fatigue on race day: a longer or deeper taper would help.'
          : band && band.name === 'transition'
            ? 'Very fresh: fitness is starting to fade; a shorter taper would keep more of it.'
            : 'Near neutral on race day.'
    } The projection uses the log's planned sessions, then rest.</p>`;
  numEl('race-form', pmc.form[i]);
  numEl('race-fitness', pmc.fitness[i]);
  numEl('race-fatigue', pmc.fatigue[i]);
}

/** The core's default `ready_below` (RecoveryOptions; the page passes none): a system is ready at or below it. */
const READY_BELOW = 0.3;
/** The body systems in the order of a candidate day's `fatigue`, and their colours. */
const SYSTEMS = ['metabolic', 'muscular', 'neuromuscular', 'structural'];
const SYSTEM_COLORS = { metabolic: '#d97706', muscular: '#dc2626', neuromuscular: '#7c3aed', structural: '#475569' };

/**
 * The days a session of the kind asked may be done: safe for it (every
 * system it stresses ready, and the 48 h rule) and not before the earliest
 * day the result gives. Only these are shaded.
 */
const safeDays = (n) => new Set(n.days.filter((d) => d.safe && d.date >= n.earliest).map((d) => d.date));

function renderNext(r) {
  const body = $('#next-body');
  if (r.next.error) {
    body.innerHTML = cardError(r.next.error);
    $('#next-chart').innerHTML = '';
    $('#next-legend').innerHTML = '';
    return;
  }
  const n = r.next;
  const kind = label(n.kind);
  body.innerHTML = `
    <div class="two">
      <div><span class="label">earliest</span><span class="big">${dateHtml(n.earliest, 'next-earliest')}</span></div>
      <div><span class="label">best</span><span class="big">${dateHtml(n.best, 'next-best')}</span></div>
    </div>
    <p>${esc(kind)}: ${esc(n.reason)}</p>`;
  renderNextChart(r);
  $('#next-legend').innerHTML =
    `<span class="swatch" style="--c:#dcfce7">safe for ${esc(kind)}</span>` +
    n.stressed_systems.map((s) => `<span class="key" style="color:${SYSTEM_COLORS[s]}">${esc(s)}</span>`).join('') +
    `<span class="key dashed">ready ≤ ${READY_BELOW}</span>`;
  $('#next-note').textContent = `Top: the residual fatigue of the systems ${kind} stresses, in reference hard sessions (1 = one hour at threshold: 100 TSS or 420 AU), against the ready line. Bottom: the last hard session's supercompensation response${
    n.last_hard_session ? ` (${n.last_hard_session})` : ''
  }, above zero once recovered. Shaded: the days ${kind} is safe (every stressed system ready, 48 h since the last hard session), from the earliest day on.`;
}

/** The next-quality-session days: fatigue of the stressed systems, the response, the safe days shaded. */
function renderNextChart(r) {
  const n = r.next;
  const box = $('#next-chart');
  const W = chartWidth(box);
  const nd = n.days.length;
  const [left, right] = [36, W - 10];
  const [t0, t1] = [24, 124]; // fatigue panel
  const [b0, b1] = [160, 236]; // response panel
  const H = b1 + 36;
  const cw = (right - left) / nd;
  const x = (i) => left + cw * (i + 0.5);
  const stressed = n.stressed_systems.map((s) => SYSTEMS.indexOf(s)).filter((k) => k >= 0);
  const fMax = Math.max(READY_BELOW * 2, ...n.days.flatMap((d) => stressed.map((k) => d.fatigue[k]))) * 1.1;
  const yF = (v) => t1 - ((t1 - t0) * Math.min(v, fMax)) / fMax;
  const rAbs = Math.max(...n.days.map((d) => Math.abs(d.response)), 1e-9);
  const rLo = Math.min(0, ...n.days.map((d) => d.response));
  const rHi = Math.max(0, ...n.days.map((d) => d.response));
  const span = rHi - rLo || rAbs;
  const yR = (v) => b1 - ((b1 - b0) * (v - rLo)) / span;
  const ok = safeDays(n);
  const kind = label(n.kind);

  let svg = '';
  n.days.forEach((d, i) => {
    if (ok.has(d.date)) svg += el('rect', { x: left + cw * i, y: t0, width: cw, height: b1 - t0, class: 'safe-day', 'data-date': d.date }, el('title', {}, `${d.date}: safe for ${kind}`));
  });
  for (const v of ticks(0, fMax, 3)) {
    svg += el('line', { x1: left, x2: right, y1: yF(v), y2: yF(v), class: 'gridline' });
    svg += el('text', { x: left - 5, y: yF(v) + 4, class: 'axis end' }, num(v, 1));
  }
  svg += el('line', { x1: left, x2: right, y1: yF(READY_BELOW), y2: yF(READY_BELOW), class: 'ready-line' });
  for (const k of stressed) {
    svg += el('polyline', { points: pts(n.days.map((d, i) => [x(i), yF(d.fatigue[k])])), class: 'line system', stroke: SYSTEM_COLORS[SYSTEMS[k]] });
  }
  svg += axisTitle(4, t0 - 10, 'fatigue (reference hard sessions)');

  svg += el('line', { x1: left, x2: right, y1: yR(0), y2: yR(0), class: 'zero' });
  const bw = Math.max(cw * 0.6, 2);
  n.days.forEach((d, i) => {
    const y0 = yR(Math.max(d.response, 0));
    const h = Math.max(Math.abs(yR(d.response) - yR(0)), 1);
    const cls = `resp ${ok.has(d.date) ? 'safe' : 'unsafe'}${d.date === n.best ? ' best' : ''}`;
    svg += el('rect', { x: x(i) - bw / 2, y: y0, width: bw, height: h, class: cls }, el('title', {}, `${d.date}: ${ok.has(d.date) ? 'safe' : 'not safe'} for ${kind}, response ${num(d.response, 3)}`));
  });
  svg += axisTitle(4, b0 - 10, W < 400 ? 'response (arbitrary units)' : 'supercompensation response (arbitrary units)');

  // Day axis: the weekday's initial over the day of the month; the earliest and best days marked.
  n.days.forEach((d, i) => {
    if (nd > 16 && W < 560 && i % 2) return;
    svg += el('text', { x: x(i), y: b1 + 15, class: 'axis mid' }, weekday(d.date).slice(0, 2));
    svg += el('text', { x: x(i), y: b1 + 29, class: 'axis mid' }, String(Number(d.date.slice(8))));
  });
  const mark = (date, text, cls, y) => {
    const i = n.days.findIndex((d) => d.date === date);
    if (i < 0) return '';
    if (cls === 'best' && date === n.earliest) return el('text', { x: x(i) + (i > nd * 0.6 ? -4 : 4), y, class: `marker-label best${i > nd * 0.6 ? ' end' : ''}` }, text);
    const end = i > nd * 0.6;
    return (
      el('line', { x1: x(i), x2: x(i), y1: t0, y2: b1, class: `marker ${cls}` }) +
      el('text', { x: x(i) + (end ? -4 : 4), y, class: `marker-label ${cls}${end ? ' end' : ''}` }, text)
    );
  };
  // Both labels at the top of the fatigue panel, the second a line lower.
  svg += mark(n.earliest, 'earliest', 'earliest', t0 + 13);
  svg += mark(n.best, 'best', 'best', t0 + 28);
  drawSvg(box, W, H, `Next ${kind} session: fatigue and supercompensation response from ${n.days[0]?.date} to ${n.days.at(-1)?.date}`, svg);
}

/** Decimals of each marker's value, and its unit when the result names none. */
const MARKER_FORMAT = {
  hrv: [2, 'ln rMSSD'],
  resting_hr: [0, 'bpm'],
  sleep: [1, 'h'],
  wellness: [0, ''],
  session_rpe: [0, ''],
  form: [0, '%'],
  body_systems: [0, ''],
};

/** A finding's value (or baseline) with its unit: HRV in ms with ln rMSSD alongside; "1 system", "2 systems". */
function findingValue(m, v, ms) {
  if (v === null || v === undefined) return '';
  const [d, fallback] = MARKER_FORMAT[m.marker] ?? [1, ''];
  if (m.marker === 'hrv' && ms !== null && ms !== undefined) return `${num(ms, 0)} ms (ln rMSSD ${num(v, 2)})`;
  if (m.marker === 'body_systems') return `${num(v, 0)} system${v === 1 ? '' : 's'}`;
  const unit = m.unit || fallback;
  return unit ? `${num(v, d)} ${unit}` : num(v, d);
}

function renderReadiness(r) {
  const body = $('#readiness-body');
  renderReadinessChart(r);
  if (r.readiness.error) {
    body.innerHTML = cardError(r.readiness.error);
    return;
  }
  const x = r.readiness;
  const items = x.markers
    .filter((m) => m.rating !== 'missing' || CHART_MARKERS.includes(m.marker))
    .map((m) => {
      const value = findingValue(m, m.value, m.value_ms);
      const base = m.baseline === null ? '' : ` <span class="muted">(baseline ${findingValue(m, m.baseline, m.baseline_ms)})</span>`;
      // What the baseline and the band are, in the core's words.
      const what = [m.baseline_is && `Baseline: ${m.baseline_is}.`, m.band_is && `Band: ${m.band_is}.`].filter(Boolean).join(' ');
      return `<li class="marker ${m.rating}" data-marker="${esc(m.marker)}"><span class="name">${esc(MARKER_NAMES[m.marker] ?? capital(label(m.marker)))}</span><span class="rating ${m.rating}">${esc(label(m.rating))}</span><span class="val">${value}${base}</span><small>${esc(m.reason)}</small>${what ? `<small class="what">${esc(what)}</small>` : ''}</li>`;
    })
    .join('');
  body.innerHTML = `
    <p class="lead"><span class="chip ${x.status}">${esc(label(x.status))}</span> ${esc(x.summary)}</p>
    <ul class="markers">${items}</ul>
    <p class="note">Score ${num(x.score, 0)} of 100, confidence ${num(x.confidence * 100, 0)} % (markers present × baseline maturity). Each marker against your own baseline of earlier mornings.</p>`;
}

/** The colour of a marker's rating (today's point on the readiness chart). */
const RATING_COLORS = { normal: '#15803d', note: '#0369a1', minor: '#d97706', major: '#dc2626', not_enough_data: '#64748b', missing: '#94a3b8' };
/** The smallest worthwhile change the HRV band is drawn with, in SD of ln rMSSD (the core's default `swc_sd`). */
const SWC_SD = 0.5;
/** The morning markers the readiness chart draws, in its order. */
const CHART_MARKERS = ['hrv', 'resting_hr', 'sleep', 'wellness'];
const READINESS_DAYS = 28;

/**
 * Per marker, the last four weeks' values up to today, what they are
 * compared with, and the value today (all from the markers and
 * readinessBaselines; nothing is recomputed here but units: HRV as ms).
 */
function readinessSeries(r) {
  const byDate = new Map(r.markers.map((m) => [m.date, m]));
  const base = r.baselines.error ? new Map() : new Map(r.baselines.days.map((d) => [d.date, d]));
  const dates = Array.from({ length: READINESS_DAYS }, (_, i) => addDays(r.today, i - READINESS_DAYS + 1));
  const finding = (name) => r.readiness.markers.find((m) => m.marker === name) ?? null;
  const series = {
    hrv: {
      title: 'HRV, rMSSD (ms)',
      unit: 'ms',
      d: 0,
      value: (date) => (base.get(date)?.ln_rmssd == null ? null : Math.exp(base.get(date).ln_rmssd)),
      band: (date) => {
        const h = base.get(date)?.hrv;
        return h ? [Math.exp(h.mean - SWC_SD * h.sd), Math.exp(h.mean + SWC_SD * h.sd)] : null;
      },
      line: (date) => (base.get(date)?.hrv?.rolling_mean == null ? null : Math.exp(base.get(date).hrv.rolling_mean)),
      bandName: `baseline ± ${SWC_SD} SD, compared with the 7-day mean`,
      lineName: '7-day mean',
      // The band is compared with the 7-day mean, not with the morning's value.
      comparedName: '7-day mean',
    },
    resting_hr: {
      title: 'resting HR (bpm)',
      unit: 'bpm',
      d: 0,
      value: (date) => byDate.get(date)?.resting_hr_bpm ?? null,
      line: (date) => base.get(date)?.resting_hr_baseline ?? null,
      lineName: 'baseline',
      // The alert thresholds today's value is compared with (not a normal range).
      thresholds: () => finding('resting_hr')?.band ?? null,
    },
    sleep: {
      title: 'sleep (h)',
      unit: 'h',
      d: 1,
      value: (date) => byDate.get(date)?.sleep_h ?? null,
      band: () => finding('sleep')?.band ?? null,
      bandName: 'target',
    },
    wellness: {
      title: 'wellness, Hooper (points)',
      unit: 'points',
      d: 0,
      value: (date) => base.get(date)?.hooper ?? null,
      level: () => finding('wellness')?.baseline ?? null,
      lineName: 'baseline',
    },
  };
  return CHART_MARKERS.map((name) => {
    const s = series[name];
    const f = finding(name);
    const values = dates.map((date) => s.value(date));
    const used = f !== null && f.rating !== 'missing';
    const lines = dates.map((date) => s.line?.(date) ?? s.level?.() ?? null);
    const compared = s.comparedName ? lines.at(-1) : values.at(-1);
    const thresholds = s.thresholds?.() ?? [];
    return { name, ...s, finding: f, used, values, compared, thresholds, bands: dates.map((date) => s.band?.(date) ?? null), lines };
  }).filter((m) => m.used || m.values.some((v) => v !== null))
    .map((m) => ({ ...m, dates }));
}

/** Readiness: each morning marker over four weeks against what it is compared with, today's point, the verdict. */
function renderReadinessChart(r) {
  const box = $('#readiness-chart');
  if (r.readiness.error) {
    box.innerHTML = '';
    return;
  }
  const x0 = r.readiness;
  const panels = readinessSeries(r);
  const W = chartWidth(box);
  const [left, right] = [40, W - 12];
  const ph = 58; // a panel's plot height
  const gap = 34; // room for the next panel's title
  const top0 = 46;
  const H = top0 + panels.length * (ph + gap) - gap + 40;
  const n = READINESS_DAYS;
  const x = (i) => left + ((right - left) * i) / (n - 1);

  let svg = el('text', { x: 4, y: 16, class: `verdict ${x0.status}` }, `verdict: ${label(x0.status)}`) +
    el('text', { x: W - 4, y: 16, class: 'axis end' }, `score ${num(x0.score, 0)} of 100`);
  panels.forEach((p, k) => {
    const t = top0 + k * (ph + gap);
    const b = t + ph;
    const all = [...p.values, ...p.lines, ...p.bands.flat(), ...p.thresholds].filter((v) => v !== null && Number.isFinite(v));
    let lo = Math.min(...all);
    let hi = Math.max(...all);
    if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
    const pad = (hi - lo) * 0.12;
    [lo, hi] = [lo - pad, hi + pad];
    const y = (v) => b - ((b - t) * (v - lo)) / (hi - lo);
    let g = axisTitle(4, t - 10, p.title);
    // What today is compared with: the band, then the baseline line.
    const bandPts = p.bands.map((v, i) => (v ? [i, v] : null)).filter(Boolean);
    if (bandPts.length > 1) {
      g += el('polygon', { points: pts([...bandPts.map(([i, v]) => [x(i), y(v[0])]), ...bandPts.reverse().map(([i, v]) => [x(i), y(v[1])])]), class: 'ready-band' }, el('title', {}, p.bandName));
    } else if (bandPts.length === 1) {
      const v = bandPts[0][1];
      g += el('rect', { x: left, width: right - left, y: y(v[1]), height: y(v[0]) - y(v[1]), class: 'ready-band' }, el('title', {}, p.bandName));
    }
    for (const v of [lo + pad, hi - pad]) g += el('text', { x: left - 5, y: y(v) + 4, class: 'axis end' }, num(v, p.d));
    const line = p.lines.map((v, i) => (v === null ? null : [x(i), y(v)])).filter(Boolean);
    if (line.length > 1) g += el('polyline', { points: pts(line), class: 'line baseline' }, el('title', {}, p.lineName));
    for (const v of p.thresholds) {
      g += el('line', { x1: left, x2: right, y1: y(v), y2: y(v), class: 'threshold' }, el('title', {}, `alert threshold ${num(v, 1)} ${p.unit}`));
    }
    p.values.forEach((v, i) => {
      if (v !== null && i < n - 1) g += el('circle', { cx: x(i), cy: y(v), r: 2.6, class: 'day-value' }, el('title', {}, `${p.dates[i]}: ${num(v, p.d)} ${p.unit}`));
    });
    // Today's point: the value the rating judged (for HRV the 7-day mean), in the rating's colour.
    const today = p.values[n - 1];
    const judged = p.compared;
    const rating = p.finding?.rating ?? 'missing';
    const what = p.comparedName ?? 'today';
    if (today !== null && p.comparedName) g += el('circle', { cx: x(n - 1), cy: y(today), r: 3.5, class: 'day-value today' }, el('title', {}, `this morning: ${num(today, p.d)} ${p.unit}`));
    if (judged !== null && judged !== undefined) {
      g += el('circle', { cx: x(n - 1), cy: y(judged), r: 5.5, class: 'today-value', fill: RATING_COLORS[rating] ?? '#64748b', 'data-marker': p.name }, el('title', {}, `${what}: ${num(judged, p.d)} ${p.unit}, ${label(rating)}`));
    }
    g += el('text', { x: W - 4, y: t - 10, class: 'marker-label end', fill: RATING_COLORS[rating] ?? '#64748b' }, `${what} ${judged === null || judged === undefined ? '–' : num(judged, p.d)} · ${label(rating)}`);
    svg += el('g', { class: 'panel', 'data-marker': p.name }, g);
  });
  const bottom = top0 + panels.length * (ph + gap) - gap;
  for (let i = n - 1; i >= 0; i -= 7) {
    const d = addDays(r.today, i - n + 1);
    svg += el('text', { x: x(i), y: bottom + 16, class: `axis ${i === n - 1 ? 'end' : 'mid'}` }, i === n - 1 ? 'today' : `${Number(d.slice(8))} ${MONTHS[Number(d.slice(5, 7)) - 1]}`);
  }
  const others = x0.markers.filter((m) => !CHART_MARKERS.includes(m.marker) && m.rating !== 'missing');
  if (others.length) {
    svg += el('text', { x: 4, y: bottom + 34, class: 'axis' }, `also: ${others.map((m) => `${(MARKER_NAMES[m.marker] ?? label(m.marker)).toLowerCase()} ${label(m.rating)}`).join(' · ')}`);
  }
  drawSvg(box, W, H, `Readiness ${label(x0.status)}: ${panels.map((p) => p.name).join(', ')} over four weeks against their baselines`, svg);
}

function renderSystems(r) {
  const body = $('#systems-body');
  if (r.systems.error) {
    body.innerHTML = cardError(r.systems.error);
    return;
  }
  const s = r.systems;
  const scale = Math.max(1.5, ...s.systems.map((x) => x.fatigue));
  const at = (v) => `${((100 * v) / scale).toFixed(1)}%`;
  const rows = s.systems
    .map(
      (x) => `<div class="system ${x.status}" id="system-${x.system}" data-value="${x.fatigue}">
        <span class="name">${esc(x.system)}</span>
        <span class="track"><span class="fill" style="width:${at(x.fatigue)}"></span><span class="tick" style="left:${at(READY_BELOW)}" title="ready at or below ${READY_BELOW}"></span><span class="tick one" style="left:${at(1)}" title="one hard session"></span></span>
        <span class="status-text">${esc(x.status)}${x.hours_to_ready > 0 ? ` · ${x.hours_to_ready} h` : ''}</span>
      </div>`,
    )
    .join('');
  // The track's scale under the tracks (from 0 at the left): the ready line and one hard session.
  const marks = [READY_BELOW, 1].map((v) => `<span style="left:${at(v)}">${v}</span>`).join('');
  body.innerHTML = `<div class="chart" id="systems-chart" role="img" aria-label="Residual fatigue of each body system">
      <p class="axis-title">residual fatigue (reference hard sessions)</p>
      ${rows}
      <div class="system scale" aria-hidden="true"><span></span><span class="track-scale">${marks}</span></div>
    </div>
    <p class="note">Residual fatigue at ${esc(s.at.replace('T', ' ').slice(0, 16))}, in reference hard sessions (1 = one hour at threshold; ticks: ready at or below ${READY_BELOW}, one session); hours until ready without more training. Limiting: <strong>${esc(s.limiting_system)}</strong>.</p>`;
}

function renderAcwr(r) {
  const box = $('#acwr-chart');
  if (r.acwr.error) {
    box.innerHTML = cardError(r.acwr.error);
    $('#acwr-note').textContent = '';
    return;
  }
  const a = r.acwr;
  const n = a.ratio.length;
  const W = chartWidth(box);
  const H = 200;
  const [left, right, top, bottom] = [34, W - 10, 24, H - 24];
  const hi = Math.max(2, ...a.ratio.filter((v) => v !== null)) * 1.05;
  const x = (i) => left + ((right - left) * i) / Math.max(n - 1, 1);
  const y = (v) => bottom - ((bottom - top) * v) / hi;
  const band = (lo, up, cls) => el('rect', { x: left, width: right - left, y: y(Math.min(up, hi)), height: y(lo) - y(Math.min(up, hi)), class: `acwr-band ${cls}` });
  let svg = band(0, 0.8, 'low') + band(0.8, 1.3, 'sweet') + band(1.3, 1.5, 'caution') + band(1.5, hi, 'high');
  for (const v of ticks(0, hi, 4)) svg += el('text', { x: left - 5, y: y(v) + 4, class: 'axis end' }, num(v, 1));
  svg += axisTitle(4, top - 10, 'acute:chronic (ratio of 7-day to 28-day mean load)');
  svg += monthAxis(a.start, n, x, top, bottom, W < 560);
  let seg = [];
  const flush = () => {
    if (seg.length > 1) svg += el('polyline', { points: pts(seg), class: 'line acwr' });
    seg = [];
  };
  a.ratio.forEach((v, i) => (v === null ? flush() : seg.push([x(i), y(v)])));
  flush();
  drawSvg(box, W, H, 'Acute:chronic workload ratio', svg);
  const gaps = a.ratio.filter((v) => v === null).length;
  $('#acwr-note').textContent = `7-day over 28-day mean load (coupled); bands after Gabbett 2016: below 0.8 low, 0.8–1.3 “sweet spot”, 1.3–1.5 caution, above 1.5 a spike. A description of change in load, not an injury predictor.${gaps ? ` No ratio on ${gaps} days (first 4 weeks, or too few logged days).` : ''}`;
}

function renderZones(r) {
  const body = $('#zones-body');
  let html = '';
  if (!r.zones) html += '<p class="muted">Heart-rate zones need an LTHR, HRmax or age in the log\'s athlete profile.</p>';
  else if (r.zones.error) html += cardError(r.zones.error);
  else {
    const z = r.zones;
    html += `<h3>${esc(label(z.system))} zones <small class="muted">(${esc(z.unit)}, reference ${num(z.reference, 0)})</small></h3>
      <table class="table compact"><thead><tr><th>zone</th><th class="num">from</th><th class="num">to</th><th>for</th></tr></thead><tbody>${z.zones
        .map((q) => `<tr><td><span class="seiler s${q.seiler}">${esc(q.name)}</span></td><td class="num">${num(q.from, 0)}</td><td class="num">${num(q.to, 0)}</td><td>${esc(q.description)}</td></tr>`)
        .join('')}</tbody></table>`;
  }
  if (r.paces && !r.paces.error) {
    html += `<h3>Daniels paces <small class="muted">(VDOT ${num(r.vdot.vdot)}, per km)</small></h3>
      <table class="table compact" id="paces"><thead><tr><th>intensity</th><th class="num">target</th><th class="num">range</th></tr></thead><tbody>${r.paces.paces
        .map((p) => `<tr><td>${esc(p.intensity)}</td><td class="num" data-value="${p.target_s_per_km}">${pace(p.target_s_per_km)}</td><td class="num">${pace(p.slow_s_per_km)}–${pace(p.fast_s_per_km)}</td></tr>`)
        .join('')}</tbody></table>`;
  } else if (r.paces?.error) html += cardError(r.paces.error);
  else html += '<p class="muted">Training paces need a race in the log (or a VDOT in the profile).</p>';
  body.innerHTML = html;
}

function renderLoad(r) {
  if (r.daily.error) {
    $('#daily-table').innerHTML = cardError(r.daily.error);
  } else {
    const d = r.daily;
    const n = d.load.length;
    const byDate = new Map();
    for (const s of state.log.sessions) {
      if ((s.status ?? 'completed') !== 'completed') continue;
      byDate.set(s.date, [...(byDate.get(s.date) ?? []), s]);
    }
    let rows = '';
    for (let i = n - 1; i >= Math.max(0, n - 14); i--) {
      const date = addDays(d.start, i);
      const sessions = byDate.get(date) ?? [];
      const what = sessions.map((s) => `${label(s.kind)}${s.duration_s ? ` ${Math.round(s.duration_s / 60)}′` : ''}`).join(', ');
      rows += `<tr class="${d.logged[i] ? '' : 'unlogged'}"><td>${dateHtml(date)}</td><td>${esc(what || (d.logged[i] ? '' : 'nothing logged'))}</td><td class="num" data-value="${d.load[i]}">${num(d.load[i], 0)}</td></tr>`;
    }
    $('#daily-table').innerHTML = `<table class="table compact"><thead><tr><th>day</th><th>sessions</th><th class="num">load</th></tr></thead><tbody>${rows}</tbody></table>`;
  }
  if (r.weekly.error) {
    $('#weekly-table').innerHTML = cardError(r.weekly.error);
    return;
  }
  const w = r.weekly;
  const volume = new Map(w.volume.map((v) => [v.week_start, v]));
  const rows = w.weeks
    .slice(-8)
    .reverse()
    .map((k) => {
      const v = volume.get(k.start);
      const partial = k.days < 7;
      return `<tr class="${partial ? 'partial' : ''}"><td>${dayMonth(k.start)}${partial ? ' <small class="muted">so far</small>' : ''}</td><td class="num">${v ? num(v.run_distance_m / 1000, 1) : '–'}</td><td class="num">${v ? num(v.duration_s / 3600, 1) : '–'}</td><td class="num">${num(k.load, 0)}</td><td class="num">${num(k.monotony, 2)}</td><td class="num">${num(k.strain, 0)}</td><td class="num">${k.load_change_pct === null || partial ? '–' : `${k.load_change_pct >= 0 ? '+' : ''}${num(k.load_change_pct, 0)} %`}</td></tr>`;
    })
    .join('');
  $('#weekly-table').innerHTML = `<table class="table compact" id="weeks"><thead><tr><th>week of</th><th class="num">run km</th><th class="num">hours</th><th class="num">load</th><th class="num">mono&shy;tony</th><th class="num">strain</th><th class="num">vs last</th></tr></thead><tbody>${rows}</tbody></table>
    <p class="note">Calendar weeks up to today; monotony = mean ÷ SD of the daily loads (Foster), shown for complete weeks; strain = load × monotony.</p>`;
}

// ---------------------------------------------------------------- wiring

async function main() {
  try {
    await init();
  } catch (e) {
    setStatus(`The WebAssembly module could not be loaded: ${e.message}`, 'bad');
    document.body.dataset.state = 'failed';
    return;
  }
  $('#version').textContent = rr.version();
  for (const id of ['#load-sample', '#file', '#go']) $(id).disabled = false;
  setStatus('Ready: load the sample or a log of your own.', 'good');
  document.body.dataset.state = 'ready';

  // Charts are drawn at their box's width: redraw one when its box changes width
  // (a phone turned, a window resized), from the results already computed.
  const redraw = {
    'pmc-chart': renderPmc,
    'acwr-chart': renderAcwr,
    'next-chart': (r) => !r.next.error && renderNextChart(r),
    'readiness-chart': renderReadinessChart,
  };
  const resized = new ResizeObserver((entries) => {
    const boxes = entries.map((e) => e.target).filter((box) => shown && box.clientWidth && chartWidth(box) !== Number(box.dataset.width));
    // After this frame's layout, so that drawing cannot feed back into it.
    if (boxes.length) requestAnimationFrame(() => boxes.forEach((box) => shown && redraw[box.id](shown)));
  });
  for (const id of Object.keys(redraw)) resized.observe(document.getElementById(id));

  $('#load-sample').addEventListener('click', loadSample);
  $('#download-ics').addEventListener('click', downloadIcs);
  $('#file').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    if (file) loadFile(file);
    e.target.value = '';
  });
  const drop = $('#drop');
  for (const type of ['dragenter', 'dragover']) {
    document.addEventListener(type, (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
  }
  document.addEventListener('dragleave', (e) => {
    if (e.target === document.documentElement || e.target === drop) drop.classList.remove('over');
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const file = e.dataTransfer?.files?.[0];
    if (file) loadFile(file);
  });
  $('#today').addEventListener('change', () => {
    fillMarkers();
    compute();
  });
  for (const id of ['#race', '#method']) $(id).addEventListener('change', compute);
  $('#today-form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (!state.log) {
      setStatus('Load a log first.', 'bad');
      return;
    }
    compute();
  });
}

main();
