// Series helpers shared by the page (app.mjs) and its browser test, so the
// test checks the page's own join rather than a copy of it.

/**
 * The state of a `logPmc` (completed sessions through today) and its
 * projection through the planned sessions (docs/as-of.md) as one series for
 * the chart: the state's days up to today, the projection's after it.
 */
export function joinProjection(p) {
  const q = p.projection;
  if (!q) return p;
  const join = (key) => [...Array.from(p[key]), ...Array.from(q[key]).slice(1)];
  const keys = ['load', 'fitness', 'fatigue', 'form', 'form_pct', 'ramp'];
  return { ...p, end: q.end, ...Object.fromEntries(keys.map((k) => [k, join(k)])) };
}
