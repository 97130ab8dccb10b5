"""The shared vectors (tests/vectors/*.json) through the Python API, by the
rule of tests/vectors/README.md: subset match with |a − b| ≤ tol + tol·|b|
(tol = 1e-9 or the case's own "tolerance"), or the library's error with the
case's code (and field). NaN in a NumPy array matches `null` (helpers.mismatch)."""

from __future__ import annotations

import copy

import pytest

import runrecovery
from helpers import mismatch, vector_cases, vector_files

CASES = vector_cases()


def test_there_are_vectors() -> None:
    assert vector_files(), "no vector files in tests/vectors"
    assert CASES, "the vector files hold no cases"


@pytest.mark.parametrize(
    ("case",), [pytest.param(case, id=f"{stem}: {case['name']}") for stem, case in CASES]
)
def test_vector(case: dict) -> None:
    op = getattr(runrecovery, case["operation"])
    request = copy.deepcopy(case["input"])
    if "error" in case:
        want = case["error"]
        with pytest.raises(runrecovery.RunRecoveryError) as info:
            op(**request)
        err = info.value
        assert isinstance(err, ValueError)
        assert type(err) is runrecovery.errors.ERROR_CLASSES[want["code"]], f"{type(err).__name__}: {err}"
        assert err.code == want["code"], str(err)
        if "field" in want:
            assert err.field == want["field"], str(err)
    else:
        assert "expected" in case, "a case needs `expected` or `error`"
        out = op(**request)
        problem = mismatch(out, case["expected"], tol=case.get("tolerance"))
        assert not problem, problem
