"""The examples in the docstrings run and print what they say."""

from __future__ import annotations

import doctest

import pytest

import runrecovery
import runrecovery.errors
import runrecovery.io
import runrecovery.plot
import runrecovery.result

MODULES = [runrecovery, runrecovery.errors, runrecovery.io, runrecovery.result, runrecovery.plot]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module: object) -> None:
    if module is runrecovery.plot:
        pytest.importorskip("matplotlib")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0


@pytest.mark.parametrize("module", MODULES[2:], ids=lambda m: m.__name__)
def test_every_public_function_has_an_example(module: object) -> None:
    import inspect

    for name in module.__all__:  # type: ignore[attr-defined]
        obj = getattr(module, name)
        if inspect.isfunction(obj) or inspect.isclass(obj):
            assert ">>> " in (inspect.getdoc(obj) or ""), f"{module.__name__}.{name} has no example"  # type: ignore[attr-defined]
