"""The dict every operation returns, with a table view for Jupyter.

An operation's result is a :class:`Result`: a ``dict`` subclass that adds
nothing but ``_repr_html_``, which notebooks (Jupyter, VS Code, Colab) call to
show it as a table. It is equal to the plain dict with the same items, its
``repr`` is the dict's, and ``json.dumps``, ``pickle`` and ``copy`` treat it
as a dict.

The HTML shows scalars as they are, long series (NumPy arrays and long lists)
summarized by their length and first and last values, nested dicts as nested
tables and lists of dicts (weeks, zones, body systems...) as tables.

>>> import runrecovery as rr
>>> r = rr.estimate_hr_max(age_years=40)
>>> isinstance(r, rr.Result), r == {"hr_max_bpm": 180.0, "formula": "tanaka", "source": r["source"]}
(True, True)
>>> "<table" in r._repr_html_()
True

Typing: operations are declared to return their ``TypedDict`` (see
``runrecovery.types``), which a type checker cannot combine with this class
(there are no intersection types); ``_repr_html_`` is for notebooks, not
for code, so nothing is lost where a type checker looks.
"""

from __future__ import annotations

import html
import math
import numbers
from typing import Any, Dict, List, Mapping, Optional, Sequence

__all__ = ["Result", "to_html"]

#: Lists longer than this are summarized (length, first and last values).
MAX_INLINE_ITEMS = 8
#: Tables of more rows than this show the first and last rows around a "…" row.
MAX_TABLE_ROWS = 16
#: Rows kept at each end of a long table.
EDGE_ROWS = 5

_STYLE = "border-collapse:collapse;margin:2px 0;font-variant-numeric:tabular-nums"
_CELL = "text-align:left;vertical-align:top"
_HEAD = _CELL + ";font-weight:bold"


class Result(Dict[str, Any]):
    """An operation's result: a plain ``dict`` shown as a table in notebooks.

    ``operation`` (the name of the operation that made it, or ``None``) is
    only used as the table's caption; it takes no part in ``==``.

    >>> r = Result({"vdot": 49.8}, operation="vdot_from_race")
    >>> r == {"vdot": 49.8}, r, r.operation
    (True, {'vdot': 49.8}, 'vdot_from_race')
    """

    operation: Optional[str]

    def __init__(self, data: Optional[Mapping[str, Any]] = None, operation: Optional[str] = None) -> None:
        super().__init__(data or {})
        self.operation = operation

    def _repr_html_(self) -> str:
        """The result as an HTML table (called by notebooks)."""
        return to_html(self, caption=self.operation)


def to_html(value: Mapping[str, Any], caption: Optional[str] = None) -> str:
    """An HTML table of a result (or any dict), as :class:`Result` shows it.

    >>> print(to_html({"start": "2026-03-02", "load": [150.0, 0.0, 480.0]}))  # doctest: +ELLIPSIS
    <table ...><tr><th ...>start</th><td ...>2026-03-02</td></tr><tr><th ...>load</th><td ...>[150, 0, 480]</td></tr></table>
    """
    rows = "".join(f"<tr><th style='{_HEAD}'>{_text(k)}</th><td style='{_CELL}'>{_cell(v)}</td></tr>" for k, v in value.items())
    cap = f"<caption style='text-align:left;font-weight:bold'>{_text(caption)}</caption>" if caption else ""
    return f"<table style='{_STYLE}'>{cap}{rows}</table>"


def _text(value: Any) -> str:
    return html.escape(str(value))


def _number(x: Any) -> str:
    """A number as a person reads it: integers plainly, floats to 4 significant digits."""
    if isinstance(x, bool) or x is None:
        return _text(x)
    if isinstance(x, numbers.Integral):
        return str(int(x))
    f = float(x)
    if math.isnan(f):
        return "NaN"
    if f.is_integer() and abs(f) < 1e15:
        return str(int(f))
    return f"{f:.4g}"


def _scalar(x: Any) -> str:
    if x is None:
        return "<i>None</i>"
    if isinstance(x, numbers.Number) and not isinstance(x, bool):
        return _number(x)
    return _text(x)


def _cell(value: Any) -> str:
    """One value in a cell: a nested table, a list or a summarized series, or a scalar."""
    if isinstance(value, Mapping):
        return to_html(value)
    tolist = getattr(value, "tolist", None)
    shape = getattr(value, "shape", None)
    if callable(tolist) and shape is not None:  # a NumPy array or scalar
        if len(shape) == 0:
            return _scalar(tolist())
        if len(shape) == 1:
            return _series(tolist(), f"array of {shape[0]}")
        if len(shape) == 2:
            return f"array {shape[0]} × {shape[1]}" + (
                f"; first row: {_series(tolist()[0], '')}" if shape[0] and shape[1] else ""
            )
        return f"array of shape {_text(shape)}"
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(v, Mapping) for v in value):
            return _records(value)
        return _series(list(value), f"list of {len(value)}")
    return _scalar(value)


def _series(items: List[Any], label: str) -> str:
    """A short list in full, a long one as its length and first and last values."""
    if len(items) <= MAX_INLINE_ITEMS and not any(isinstance(v, (list, tuple, Mapping)) for v in items):
        return "[" + ", ".join(_scalar(v) for v in items) + "]"
    if any(isinstance(v, (list, tuple, Mapping)) for v in items):
        return f"{label}" if label else f"{len(items)} items"
    head = ", ".join(_scalar(v) for v in items[:2])
    tail = ", ".join(_scalar(v) for v in items[-2:])
    return f"{label + ': ' if label else ''}[{head}, …, {tail}]"


def _records(items: Sequence[Mapping[str, Any]]) -> str:
    """A list of dicts as one table: a column per key (in first-seen order)."""
    columns: List[str] = []
    for item in items:
        columns.extend(k for k in item if k not in columns)
    head = "".join(f"<th style='{_HEAD}'>{_text(c)}</th>" for c in columns)
    n = len(items)
    shown = list(range(n)) if n <= MAX_TABLE_ROWS else [*range(EDGE_ROWS), -1, *range(n - EDGE_ROWS, n)]
    body = []
    for i in shown:
        if i < 0:
            body.append(f"<tr><td style='{_CELL}' colspan='{len(columns)}'>… {n - 2 * EDGE_ROWS} more rows …</td></tr>")
            continue
        item = items[i]
        cells = "".join(f"<td style='{_CELL}'>{_cell(item[c]) if c in item else ''}</td>" for c in columns)
        body.append(f"<tr>{cells}</tr>")
    return f"<table style='{_STYLE}'><tr>{head}</tr>{''.join(body)}</table>"
