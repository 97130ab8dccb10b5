"""Shared helpers: where the vectors are, and the subset rule of tests/vectors/README.md.

One addition to that rule on the Python side (see `mismatch`): NaN in a
NumPy array matches `null` in a vector, because float64 arrays stand for
the core's lists of numbers with `null` gaps (the batch operations).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

VECTORS = Path(__file__).resolve().parent.parent.parent / "tests" / "vectors"

ABS_TOL = 1e-9
REL_TOL = 1e-9


def vector_files() -> List[Path]:
    """Every vector file but the manifest."""
    return sorted(p for p in VECTORS.glob("*.json") if p.name != "manifest.json")


def vector_cases() -> List[Tuple[str, Dict[str, Any]]]:
    """(file stem, case) for every case of every vector file."""
    out = []
    for path in vector_files():
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            out.append((path.stem, case))
    return out


def manifest() -> Any:
    """The manifest's operations, or None when there is no manifest."""
    path = VECTORS / "manifest.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["operations"]


def mismatch(actual: Any, expected: Any, path: str = "$", tol: Optional[float] = None, in_array: bool = False) -> str:
    """'' when `expected` matches `actual` by the subset rule, else where and how it differs.

    Numbers match within `tol + tol·|expected|` (`tol` is the case's own
    "tolerance", else 1e-9). NumPy arrays are compared as lists, and a NaN
    that comes out of a NumPy array matches `null` in the vector: a float64
    array cannot hold `None`, so the batch functions put NaN where the core
    operation's JSON has `null` (an ACWR ratio that is not meaningful, the
    columns of a failed fit). Anywhere else `null` matches only `None`.
    """
    abs_tol = ABS_TOL if tol is None else tol
    rel_tol = REL_TOL if tol is None else tol
    if isinstance(actual, np.ndarray):
        actual = actual.tolist()
        in_array = True
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            if key not in actual:
                return f"{path}.{key}: missing from the output (keys: {sorted(actual)})"
            found = mismatch(actual[key], value, f"{path}.{key}", tol)
            if found:
                return found
        return ""
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return f"{path}: expected a list, got {actual!r}"
        if len(actual) != len(expected):
            return f"{path}: expected {len(expected)} elements, got {len(actual)}"
        for i, (a, e) in enumerate(zip(actual, expected)):
            found = mismatch(a, e, f"{path}[{i}]", tol, in_array)
            if found:
                return found
        return ""
    if expected is None:
        if actual is None or (in_array and isinstance(actual, float) and math.isnan(actual)):
            return ""
        return f"{path}: expected null, got {actual!r}"
    if isinstance(expected, bool) or isinstance(expected, str):
        ok = type(actual) is type(expected) and actual == expected
        return "" if ok else f"{path}: expected {expected!r}, got {actual!r}"
    if isinstance(expected, (int, float)):
        if isinstance(actual, bool) or not isinstance(actual, (int, float)):
            return f"{path}: expected the number {expected!r}, got {actual!r}"
        if not math.isfinite(actual) or abs(actual - expected) > abs_tol + rel_tol * abs(expected):
            return f"{path}: expected {expected!r}, got {actual!r}"
        return ""
    return f"{path}: the vector holds an unexpected value {expected!r}"
