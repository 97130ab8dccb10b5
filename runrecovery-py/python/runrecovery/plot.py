"""Charts of results, with matplotlib (optional: ``pip install ./runrecovery-py[plot]``).

Each function draws one operation's result as it comes back (nothing is
computed here but positions and colours) and returns the matplotlib
``Figure``; pass ``ax`` (or ``axes``) to draw into axes of your own.
matplotlib is imported on the first call, so ``import runrecovery`` never
needs it.

- :func:`plot_pmc`: fitness, fatigue and load over days, and form with its bands;
- :func:`plot_supercompensation`: the next quality session: each body
  system's fatigue and the supercompensation response per day, with the
  earliest safe and the best day marked;
- :func:`plot_recovery`: each body system's fatigue at a moment (or over
  several), against the ready threshold;
- :func:`plot_readiness`: the morning markers against their personal
  baselines, today's value and the readiness verdict.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import runrecovery as rr
>>> fig = plot_pmc(rr.pmc(start="2026-03-02", loads=[60, 0, 80, 40, 0, 90, 30] * 8), unit="TSS")
>>> [ax.get_ylabel() for ax in fig.axes]
['fitness, fatigue, load (TSS/day)', 'form (TSS/day)']

Every value axis names its unit; :func:`plot_readiness` draws each morning
marker present (HRV, resting HR, sleep, wellness) with today's value and the
verdict; :func:`plot_supercompensation` shades only the days that are safe
for the session asked.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, List, Literal, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np

if TYPE_CHECKING:  # matplotlib is optional: its types only for type checkers
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "FormBand",
    "FORM_BANDS",
    "SYSTEMS",
    "plot_pmc",
    "plot_supercompensation",
    "plot_recovery",
    "plot_readiness",
]


class FormBand(NamedTuple):
    """A band of form (TSB) values shaded on the PMC: ``low < form ≤ high``.

    >>> FORM_BANDS[2]
    FormBand(name='optimal', low=-30.0, high=-10.0, color='#4caf50')
    >>> FormBand("race ready", 10, 25, "gold").high
    25
    """

    name: str
    low: float
    high: float
    color: str


#: The usual reading of form: fresh above +5, neutral (grey zone) −10 to +5,
#: optimal training −30 to −10, high risk below −30 — on TSB in TSS per day
#: (TrainingPeaks) or on form as a % of fitness (intervals.icu), which also
#: suits loads in AU (session-RPE): ``plot_pmc(..., form="percent")``.
FORM_BANDS: Tuple[FormBand, ...] = (
    FormBand("fresh", 5.0, float("inf"), "#4c9be8"),
    FormBand("neutral", -10.0, 5.0, "#b0b0b0"),
    FormBand("optimal", -30.0, -10.0, "#4caf50"),
    FormBand("high risk", float("-inf"), -30.0, "#e53935"),
)

#: The body systems, in the order of a candidate day's ``fatigue`` list.
SYSTEMS: Tuple[str, ...] = ("metabolic", "muscular", "neuromuscular", "structural")

_SYSTEM_COLORS = {"metabolic": "#f0a020", "muscular": "#d2413a", "neuromuscular": "#7e57c2", "structural": "#607d8b"}
_STATUS_COLORS = {"fresh": "#4caf50", "ready": "#9ccc65", "recovering": "#ffb300", "fatigued": "#e53935"}
#: The core's default ``ready_below`` (RecoveryOptions), drawn as the ready line.
READY_BELOW = 0.3


def _pyplot() -> Any:
    try:
        return importlib.import_module("matplotlib.pyplot")
    except ImportError:
        raise ImportError(
            "runrecovery.plot needs matplotlib: pip install ./runrecovery-py[plot] (or pip install matplotlib)"
        ) from None


def _days(start: str, n: int) -> Any:
    """``n`` calendar days from ``start`` as ``datetime64[D]``."""
    return np.datetime64(start, "D") + np.arange(n)


def _date_axis(ax: Any) -> None:
    mdates = importlib.import_module("matplotlib.dates")
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


#: Load methods scored in TSS; the others in arbitrary units (AU), as the core's ``LoadMethod::unit``.
_TSS_METHODS = frozenset({"rtss", "hr_tss", "power_tss"})


def _load_unit(result: Mapping[str, Any]) -> str:
    """The unit of a ``log_pmc`` result's loads (from ``methods``); "load units" without one."""
    methods = result.get("methods")
    if not methods:
        return "load units"
    units = {"TSS" if m in _TSS_METHODS else "AU" for m in methods}
    return units.pop() if len(units) == 1 else "TSS and AU mixed"


def _two_axes(axes: Optional[Sequence["Axes"]], ratios: Tuple[int, int], size: Tuple[float, float]) -> Tuple[Any, Any, Any]:
    if axes is not None:
        top, bottom = axes
        return top.figure, top, bottom
    plt = _pyplot()
    fig, (top, bottom) = plt.subplots(
        2, 1, sharex=True, figsize=size, gridspec_kw={"height_ratios": list(ratios)}, layout="constrained"
    )
    return fig, top, bottom


def plot_pmc(
    result: Mapping[str, Any],
    *,
    bands: Optional[Sequence[FormBand]] = FORM_BANDS,
    form: Literal["absolute", "percent"] = "absolute",
    unit: Optional[str] = None,
    axes: Optional[Sequence["Axes"]] = None,
    title: Optional[str] = None,
) -> "Figure":
    """The performance management chart of a :func:`~runrecovery.pmc` or
    :func:`~runrecovery.log_pmc` result.

    Top: fitness (CTL), fatigue (ATL) and, for ``log_pmc``, the daily load as
    bars, in the load's unit per day; bottom: form (TSB) over the ``bands``
    (:data:`FORM_BANDS` by default; ``None`` for none). ``form="absolute"``
    draws the result's ``form`` (load per day: the default bands suit TSS),
    ``"percent"`` its ``form_pct`` (% of fitness: the bands suit any load
    unit; the axis stops at ±100 %, where the first days from zero fitness
    may lie). A ``log_pmc``'s ``projection`` (through the planned sessions,
    after ``today``) is drawn dashed on a shaded stretch, its planned loads as
    lighter bars: a projection, not history (docs/as-of.md).
    ``unit``: the loads' unit, named on both axes (per day); by default, for a
    ``log_pmc`` result, that of the methods that scored its sessions (TSS for
    rTSS, hrTSS and power TSS, AU for the others, as the core's
    ``LoadMethod::unit``), and "load units" for a ``pmc`` of loads of your own.
    ``axes``: a pair of axes to draw into (top, bottom).

    >>> import runrecovery as rr
    >>> fig = plot_pmc(rr.pmc(start="2026-03-02", loads=[100] * 20), bands=None, title="steady")
    >>> fig.axes[0].get_title(), [line.get_label() for line in fig.axes[0].get_lines()]
    ('steady', ['fitness (CTL)', 'fatigue (ATL)'])
    >>> fig.axes[1].get_ylabel()
    'form (load units/day)'
    """
    fitness = np.asarray(result["fitness"], dtype=float)
    days = _days(result["start"], len(fitness))
    fig, top, bottom = _two_axes(axes, (3, 2), (10, 6))
    if "load" in result:
        top.bar(days, np.asarray(result["load"], dtype=float), width=0.8, color="#9e9e9e", alpha=0.45, label="load")
    top.plot(days, fitness, color="#1e88e5", lw=2, label="fitness (CTL)")
    top.plot(days, np.asarray(result["fatigue"], dtype=float), color="#d81b60", lw=1.5, label="fatigue (ATL)")
    unit = unit if unit is not None else _load_unit(result)
    top.set_ylabel(f"fitness, fatigue, load ({unit}/day)")
    projection = result.get("projection")
    if projection:
        pdays = _days(projection["start"], len(projection["fitness"]))
        top.bar(pdays[1:], np.asarray(projection["load"][1:], dtype=float), width=0.8, color="#9e9e9e", alpha=0.2)
        top.plot(pdays, np.asarray(projection["fitness"], dtype=float), color="#1e88e5", lw=2, ls="--")
        top.plot(pdays, np.asarray(projection["fatigue"], dtype=float), color="#d81b60", lw=1.5, ls="--")
    top.legend(loc="upper left", fontsize="small")
    top.grid(alpha=0.3)

    def form_of(r: Mapping[str, Any]) -> Any:
        if form == "percent":
            return np.array([np.nan if v is None else v for v in r["form_pct"]], dtype=float)
        return np.asarray(r["form"], dtype=float)

    if form == "percent":
        label, limit = "form (% of fitness)", 100.0
    elif form == "absolute":
        label, limit = "form (TSB)", np.inf
    else:
        raise ValueError(f"form must be 'absolute' or 'percent', not {form!r}")
    values = form_of(result)
    projected = form_of(projection) if projection else np.array([])
    # the axis shows the data and the band edges (clipped to ±limit), 5 units around
    edges = [float(v) for v in np.concatenate([values, projected]) if np.isfinite(v)] or [0.0]
    edges += [b for band in bands or () for b in (band.low, band.high) if np.isfinite(b)]
    lo, hi = max(min(edges), -limit) - 5, min(max(edges), limit) + 5
    for band in bands or ():
        bottom.axhspan(max(band.low, lo), min(band.high, hi), color=band.color, alpha=0.15, lw=0, label=band.name)
    bottom.set_ylim(lo, hi)
    bottom.plot(days, values, color="#212121", lw=1.5, label=label)
    if projection:
        bottom.plot(pdays, projected, color="#212121", lw=1.5, ls="--")
    bottom.axhline(0, color="#212121", lw=0.6)
    bottom.set_ylabel(f"form ({unit}/day)" if form == "absolute" else "form (% of fitness)")
    bottom.legend(loc="upper left", fontsize="small", ncol=1 + len(bands or ()))
    bottom.grid(alpha=0.3)

    today = result.get("today")
    if today is not None and projection and pdays[-1] > np.datetime64(today, "D"):
        for ax in (top, bottom):
            ax.axvspan(np.datetime64(today, "D") + np.timedelta64(12, "h"), pdays[-1] + np.timedelta64(12, "h"),
                       color="#fff59d", alpha=0.35, lw=0)
            ax.axvline(np.datetime64(today, "D"), color="#f57f17", lw=1, ls="--")
        top.annotate("projected (planned) →", (np.datetime64(today, "D"), 1.0), xycoords=("data", "axes fraction"),
                     xytext=(4, -12), textcoords="offset points", fontsize="small", color="#f57f17")
    _date_axis(bottom)
    last = projection["end"] if projection else result.get("end", days[-1])
    top.set_title(title if title is not None else f"PMC {result['start']} to {last}")
    return fig  # type: ignore[no-any-return]


def plot_supercompensation(
    result: Mapping[str, Any],
    *,
    ready_below: float = READY_BELOW,
    axes: Optional[Sequence["Axes"]] = None,
    title: Optional[str] = None,
) -> "Figure":
    """The days searched by :func:`~runrecovery.next_quality_session`.

    Top: each body system's fatigue per day, in reference hard sessions (the
    systems the planned session stresses drawn solid), and the ready line at
    ``ready_below`` (pass the value of your ``options``, 0.3 by default).
    Bottom: the last hard session's supercompensation response (arbitrary
    units), its window's first and last days as dotted lines. On both, only
    the days that are safe for the session asked are shaded — ``safe`` in the
    result, from its ``earliest`` day on — and the earliest and the best day
    are marked.

    >>> import runrecovery as rr
    >>> n = rr.next_quality_session(today="2026-03-03", log={"schema_version": 1, "sessions": [
    ...     {"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "rpe": 8}]})
    >>> fig = plot_supercompensation(n)
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:4]
    ['metabolic', 'muscular', 'neuromuscular', 'structural']
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['fatigue (reference hard sessions)', 'response (arbitrary units)']
    """
    days_list: List[Mapping[str, Any]] = list(result["days"])
    days = np.array([d["date"] for d in days_list], dtype="datetime64[D]")
    fatigue = np.array([d["fatigue"] for d in days_list], dtype=float).reshape(len(days_list), len(SYSTEMS))
    response = np.array([d["response"] for d in days_list], dtype=float)
    stressed = set(result.get("stressed_systems", SYSTEMS))
    fig, top, bottom = _two_axes(axes, (3, 2), (10, 6))
    half = np.timedelta64(12, "h")
    kind = str(result.get("kind", "quality")).replace("_", " ")

    for i, name in enumerate(SYSTEMS):
        solid = name in stressed
        top.plot(days, fatigue[:, i], color=_SYSTEM_COLORS[name], lw=2 if solid else 1.2,
                 ls="-" if solid else ":", marker="o" if solid else None, ms=3, label=name)
    top.axhline(ready_below, color="#2e7d32", lw=1, ls="--", label=f"ready ≤ {ready_below:g}")
    # The days the session asked may be done: safe, and not before the answer's earliest day.
    earliest = result.get("earliest")
    safe = [np.datetime64(d["date"], "D") for d in days_list
            if d["safe"] and (earliest is None or str(d["date"]) >= str(earliest))]
    for ax in (top, bottom):
        for k, day in enumerate(safe):
            ax.axvspan(day - half, day + half, color="#c8e6c9", alpha=0.5, lw=0,
                       label=f"safe for {kind}" if k == 0 and ax is top else None)
    top.set_ylabel("fatigue (reference hard sessions)")
    top.set_ylim(bottom=0)
    top.legend(loc="upper right", fontsize="small")
    top.grid(alpha=0.3)

    colors = ["#43a047" if r > 0 else "#e57373" for r in response]
    bottom.bar(days, response, width=0.8, color=colors)
    bottom.axhline(0, color="#212121", lw=0.6)
    if result.get("window_start") and result.get("window_end"):
        for k, edge in enumerate((result["window_start"], result["window_end"])):
            bottom.axvline(np.datetime64(edge, "D"), color="#2e7d32", lw=1, ls=":",
                           label="supercompensation window" if k == 0 else None)
    bottom.set_ylabel("response (arbitrary units)")
    bottom.grid(alpha=0.3)

    for key, color, style in (("earliest", "#fb8c00", "--"), ("best", "#1b5e20", "-")):
        marked = result.get(key)
        if marked is None:
            continue
        for ax in (top, bottom):
            ax.axvline(np.datetime64(marked, "D"), color=color, lw=1.5, ls=style, label=f"{key}: {marked}" if ax is bottom else None)
    best = result.get("best")
    if best is not None and np.datetime64(best, "D") in days:
        k = int(np.nonzero(days == np.datetime64(best, "D"))[0][0])
        bottom.plot([days[k]], [response[k]], marker="*", ms=14, color="#1b5e20", ls="none")
    low, high = min(float(response.min(initial=0.0)), 0.0), max(float(response.max(initial=0.0)), 0.0)
    if high > low:  # headroom above the bars for the legend
        bottom.set_ylim(low - 0.05 * (high - low), high + 0.5 * (high - low))
    bottom.legend(loc="upper right", fontsize="small", framealpha=0.9)
    _date_axis(bottom)
    top.set_title(title if title is not None else
                  f"next {kind} session: earliest {result.get('earliest')}, best {result.get('best')}")
    return fig  # type: ignore[no-any-return]


def plot_recovery(
    result: Union[Mapping[str, Any], Sequence[Mapping[str, Any]]],
    *,
    ready_below: float = READY_BELOW,
    ax: Optional["Axes"] = None,
    title: Optional[str] = None,
) -> "Figure":
    """Bars of each body system's fatigue from :func:`~runrecovery.recovery_state`.

    One result: a bar per system, coloured by its status (fresh, ready,
    recovering, fatigued), labelled with the hours until it is ready. A list
    of results (e.g. one per day): a group of bars per moment, a colour per
    system. Either way the ready line is drawn at ``ready_below`` (pass the
    value of your ``options``, 0.3 by default).

    >>> import runrecovery as rr
    >>> log = {"schema_version": 1, "sessions": [{"date": "2026-03-03", "kind": "intervals", "duration_s": 3000, "rpe": 8}]}
    >>> fig = plot_recovery(rr.recovery_state(log=log, date="2026-03-04"))
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['metabolic', 'muscular', 'neuromuscular', 'structural']
    >>> fig = plot_recovery([rr.recovery_state(log=log, date=d) for d in ["2026-03-04", "2026-03-05"]])
    >>> len(fig.axes[0].patches)
    8
    """
    if ax is None:
        plt = _pyplot()
        fig, ax = plt.subplots(figsize=(8, 4.5), layout="constrained")
    else:
        fig = ax.figure
    if isinstance(result, Mapping):
        systems = list(result["systems"])
        names = [s["system"] for s in systems]
        bars = ax.bar(names, [s["fatigue"] for s in systems], color=[_STATUS_COLORS.get(s["status"], "#9e9e9e") for s in systems])
        for bar, s in zip(bars, systems):
            note = s["status"] + (f"\n{s['hours_to_ready']:.0f} h to ready" if s["hours_to_ready"] > 0 else "")
            ax.annotate(note, (bar.get_x() + bar.get_width() / 2, bar.get_height()), xytext=(0, 3),
                        textcoords="offset points", ha="center", va="bottom", fontsize="small")
        at = str(result["at"]).replace("T", " ")[:16]
        default_title = f"body systems at {at}: {result['overall']}, limited by {result['limiting_system']}"
    else:
        states = list(result)
        labels = [str(s["at"]).replace("T", " ")[:16] for s in states]
        x = np.arange(len(states))
        width = 0.8 / len(SYSTEMS)
        for i, name in enumerate(SYSTEMS):
            values = [next((y["fatigue"] for y in s["systems"] if y["system"] == name), np.nan) for s in states]
            ax.bar(x + (i - (len(SYSTEMS) - 1) / 2) * width, values, width=width, color=_SYSTEM_COLORS[name], label=name)
        ax.set_xticks(x)
        ax.set_xticklabels(labels, rotation=30 if len(states) > 4 else 0, ha="right" if len(states) > 4 else "center")
        default_title = f"body systems from {labels[0]} to {labels[-1]}" if states else "body systems"
    ax.axhline(ready_below, color="#2e7d32", lw=1, ls="--", label=f"ready ≤ {ready_below:g}")
    ax.set_ylabel("fatigue (1 = one hard session)")
    ax.set_ylim(0, max(ax.get_ylim()[1] * 1.12, ready_below * 1.5))
    ax.legend(loc="upper right", fontsize="small")
    ax.grid(axis="y", alpha=0.3)
    ax.set_title(title if title is not None else default_title)
    return fig  # type: ignore[no-any-return]


#: The colour of a readiness rating (today's point on :func:`plot_readiness`).
_RATING_COLORS = {"normal": "#2e7d32", "note": "#0277bd", "minor": "#f9a825", "major": "#c62828",
                  "not_enough_data": "#757575", "missing": "#9e9e9e"}
#: The morning markers :func:`plot_readiness` draws, in its order.
_READINESS_MARKERS = ("hrv", "resting_hr", "sleep", "wellness")


def _panels(axes: Optional[Sequence["Axes"]], n: int, size: Tuple[float, float]) -> Tuple[Any, List[Any]]:
    if axes is not None:
        panels = list(axes)
        if len(panels) != n:
            raise ValueError(f"axes: {n} needed (one per marker drawn), {len(panels)} given")
        return panels[0].figure, panels
    plt = _pyplot()
    fig, grid = plt.subplots(n, 1, sharex=True, figsize=size, layout="constrained", squeeze=False)
    return fig, list(grid[:, 0])


def plot_readiness(
    baselines: Mapping[str, Any],
    *,
    markers: Optional[Sequence[Mapping[str, Any]]] = None,
    readiness: Optional[Mapping[str, Any]] = None,
    swc_sd: float = 0.5,
    axes: Optional[Sequence["Axes"]] = None,
    title: Optional[str] = None,
) -> "Figure":
    """Readiness markers against their personal baselines, from :func:`~runrecovery.readiness_baselines`.

    One panel per morning marker present, in this order:

    - HRV: each morning's ln rMSSD (rMSSD in ms on the right-hand axis), its
      7-day rolling mean, and the smallest worthwhile change band (baseline
      mean ± ``swc_sd`` SD; pass the value of your ``options``, 0.5 by
      default) — the Vesterinen/Javaloyes picture;
    - resting HR against its baseline mean, with the +3 and +5 bpm flag lines;
    - sleep, in hours (from ``markers``, the morning markers the baselines were
      computed from), with the target band of ``readiness`` when given;
    - wellness, the Hooper index (sum of the four 1–7 items, points; higher is
      worse).

    With ``readiness`` (a :func:`~runrecovery.readiness` result for the last
    morning), each marker it used gets a panel even without a history,
    the value its rating judged today is drawn in the rating's colour (for
    HRV the 7-day mean, which the band is compared with), the wellness panel
    gets the baseline it names, and the title gives the verdict and the other
    findings (form, body systems). Days without a
    baseline yet (too young) show the markers alone. ``axes``: one per panel.

    >>> import runrecovery as rr
    >>> days = [{"date": f"2026-01-{d:02d}", "hrv": {"value": 60.0 + d % 5, "index": "rmssd_ms"},
    ...          "resting_hr_bpm": 48.0 + d % 3} for d in range(1, 31)]
    >>> fig = plot_readiness(rr.readiness_baselines(markers=days))
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['HRV, ln rMSSD (ln ms)', 'resting HR (bpm)']
    >>> days[-1].update(sleep_h=5.5, wellness={"sleep_quality": 5, "fatigue": 5, "stress": 4, "soreness": 6})
    >>> today = rr.readiness(markers=days)
    >>> fig = plot_readiness(rr.readiness_baselines(markers=days), markers=days, readiness=today)
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['HRV, ln rMSSD (ln ms)', 'resting HR (bpm)', 'sleep (h)', 'wellness, Hooper index (points)']
    >>> fig.axes[0].get_title().startswith(f"readiness on 2026-01-30: {today['status'].replace('_', ' ')}")
    True
    """
    days = list(baselines["days"])
    dates = np.array([np.datetime64(d["date"], "D") for d in days], dtype="datetime64[D]")
    nan = float("nan")
    by_date = {str(m["date"]): m for m in markers or ()}
    findings = {f["marker"]: f for f in (readiness or {}).get("markers", ())}

    def col(f: Any) -> Any:
        return np.array([f(d) for d in days], dtype=float)

    def opt(v: Any) -> float:
        return nan if v is None else float(v)

    ln = col(lambda d: opt(d["ln_rmssd"]))
    rhr = col(lambda d: opt(d["resting_hr_bpm"]))
    sleep = col(lambda d: opt(by_date.get(str(d["date"]), {}).get("sleep_h")))
    hooper = col(lambda d: opt(d.get("hooper")))
    values = {"hrv": ln, "resting_hr": rhr, "sleep": sleep, "wellness": hooper}
    rolling = col(lambda d: d["hrv"]["rolling_mean"] if d["hrv"] and d["hrv"]["rolling_mean"] is not None else nan)

    def used(name: str) -> bool:
        f = findings.get(name)
        return f is not None and f["rating"] != "missing"

    names = [m for m in _READINESS_MARKERS if used(m) or bool(np.isfinite(values[m]).any())]
    if not names:
        raise ValueError("no morning markers to draw: no HRV, resting HR, sleep or wellness on any day")
    fig, panels = _panels(axes, len(names), (10, 1.6 + 1.9 * len(names)))
    ax_of = dict(zip(names, panels))

    if "hrv" in ax_of:
        ax = ax_of["hrv"]
        mean = col(lambda d: d["hrv"]["mean"] if d["hrv"] else nan)
        sd = col(lambda d: d["hrv"]["sd"] if d["hrv"] else nan)
        ax.fill_between(dates, mean - swc_sd * sd, mean + swc_sd * sd, color="#c8e6c9", alpha=0.7,
                        label=f"baseline ± {swc_sd:g} SD")
        ax.plot(dates, ln, "o", ms=3, color="#607d8b", label="morning ln rMSSD")
        ax.plot(dates, rolling, color="#1565c0", lw=2, label="7-day mean")
        ax.set_ylabel("HRV, ln rMSSD (ln ms)")
        ms = ax.secondary_yaxis("right", functions=(np.exp, lambda v: np.log(np.maximum(v, 1e-9))))
        ms.set_ylabel("rMSSD (ms)")
    if "resting_hr" in ax_of:
        ax = ax_of["resting_hr"]
        base = col(lambda d: opt(d["resting_hr_baseline"]))
        ax.plot(dates, rhr, "o-", ms=3, lw=1, color="#c62828", label="resting HR")
        ax.plot(dates, base, color="#424242", lw=1.5, label="baseline")
        ax.plot(dates, base + 3, color="#f9a825", lw=1, ls="--", label="+3 bpm (minor)")
        ax.plot(dates, base + 5, color="#e65100", lw=1, ls="--", label="+5 bpm (major)")
        ax.set_ylabel("resting HR (bpm)")
    if "sleep" in ax_of:
        ax = ax_of["sleep"]
        band = (findings.get("sleep") or {}).get("band")
        if band:
            ax.axhspan(band[0], band[1], color="#c8e6c9", alpha=0.7, lw=0, label=f"target {band[0]:g}–{band[1]:g} h")
        ax.plot(dates, sleep, "o-", ms=3, lw=1, color="#5e35b1", label="sleep")
        ax.set_ylabel("sleep (h)")
    if "wellness" in ax_of:
        ax = ax_of["wellness"]
        ax.plot(dates, hooper, "o-", ms=3, lw=1, color="#00897b", label="Hooper index (4–28)")
        level = (findings.get("wellness") or {}).get("baseline")
        if level is not None:  # today's baseline, as the readiness result names it
            ax.axhline(level, color="#424242", lw=1.5, label=f"baseline {level:.1f}")
        ax.set_ylabel("wellness, Hooper index (points)")

    when = readiness.get("date") if readiness else None
    if when is not None and len(dates) and np.datetime64(when, "D") in dates:
        k = int(np.nonzero(dates == np.datetime64(when, "D"))[0][0])
        for name, ax in ax_of.items():
            # The value the rating judged: for HRV the 7-day mean (its band is compared with it).
            value, judged = values[name][k], ""
            if name == "hrv" and np.isfinite(rolling[k]):
                value, judged = rolling[k], " (7-day mean)"
            rating = (findings.get(name) or {}).get("rating", "missing")
            if np.isfinite(value):
                ax.plot([dates[k]], [value], "o", ms=10, mec="white", mew=1.5, color=_RATING_COLORS.get(rating, "#757575"),
                        label=f"today: {rating.replace('_', ' ')}{judged}")
    for k, ax in enumerate(ax_of.values()):
        ax.legend(loc="upper left", fontsize="small", ncol=2 if k else 1)
        ax.grid(alpha=0.3)
    _date_axis(panels[-1])
    if title is None and readiness:
        others = [f"{f['marker'].replace('_', ' ')} {f['rating'].replace('_', ' ')}" for f in readiness["markers"]
                  if f["marker"] not in _READINESS_MARKERS and f["rating"] != "missing"]
        title = (f"readiness on {readiness['date']}: {readiness['status'].replace('_', ' ')}"
                 f" (score {readiness['score']:.0f} of 100)" + (f"; also {', '.join(others)}" if others else ""))
    panels[0].set_title(title if title is not None else "readiness markers against personal baselines")
    return fig  # type: ignore[no-any-return]
