"""The examples in the docstrings run and print what they say."""

from __future__ import annotations

import doctest

import pytest

import runrecovery
import runrecovery.errors


@pytest.mark.parametrize("module", [runrecovery, runrecovery.errors], ids=lambda m: m.__name__)
def test_docstring_examples(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
