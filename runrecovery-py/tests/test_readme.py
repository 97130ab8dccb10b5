"""The Python examples of runrecovery-py/README.md run (in order, in one namespace)."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_examples_run() -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert blocks
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)  # noqa: S102 - our own README
    # the values the README's comments state
    assert namespace["daily"]["load"].tolist() == [150.0, 0.0, 480.0]
    assert namespace["daily"]["logged"].tolist() == [True, False, True]
    assert round(namespace["week"]["weeks"][0]["monotony"], 2) == 1.19
