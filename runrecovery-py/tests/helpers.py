"""Shared helpers: where the vectors are, and the subset rule of tests/vectors/README.md."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Dict, List, Tuple

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


def mismatch(actual: Any, expected: Any, path: str = "$") -> str:
    """'' when `expected` matches `actual` by the subset rule, else where and how it differs."""
    if isinstance(actual, np.ndarray):
        actual = actual.tolist()
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            if key not in actual:
                return f"{path}.{key}: missing from the output (keys: {sorted(actual)})"
            found = mismatch(actual[key], value, f"{path}.{key}")
            if found:
                return found
        return ""
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return f"{path}: expected a list, got {actual!r}"
        if len(actual) != len(expected):
            return f"{path}: expected {len(expected)} elements, got {len(actual)}"
        for i, (a, e) in enumerate(zip(actual, expected)):
            found = mismatch(a, e, f"{path}[{i}]")
            if found:
                return found
        return ""
    if expected is None:
        return "" if actual is None else f"{path}: expected null, got {actual!r}"
    if isinstance(expected, bool) or isinstance(expected, str):
        ok = type(actual) is type(expected) and actual == expected
        return "" if ok else f"{path}: expected {expected!r}, got {actual!r}"
    if isinstance(expected, (int, float)):
        if isinstance(actual, bool) or not isinstance(actual, (int, float)):
            return f"{path}: expected the number {expected!r}, got {actual!r}"
        if not math.isfinite(actual) or abs(actual - expected) > ABS_TOL + REL_TOL * abs(expected):
            return f"{path}: expected {expected!r}, got {actual!r}"
        return ""
    return f"{path}: the vector holds an unexpected value {expected!r}"
