"""The typed surface is checked by tools: mypy on the package and on a usage
sample, and mypy.stubtest of the stub against the compiled module."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

PY = Path(__file__).resolve().parent.parent
ALLOWLIST = PY / "stubtest-allowlist.txt"
EXAMPLES = sorted((PY / "examples").glob("*.py"))


def literal_aliases() -> list:
    """The Literal aliases of runrecovery.types: stubtest reports each as "is not
    a Union" (it compares the runtime alias object with the Union it stands
    for), a false positive; mypy checks their uses."""
    import typing

    import runrecovery.types as t

    return sorted(f"runrecovery.types.{n}" for n, v in vars(t).items() if typing.get_origin(v) is typing.Literal)


def test_allowlist_is_the_literal_aliases_only() -> None:
    entries = [line.strip() for line in ALLOWLIST.read_text().splitlines() if line.strip() and not line.startswith("#")]
    missing = sorted(set(literal_aliases()) - set(entries))
    assert not missing, f"add to {ALLOWLIST.name} (one per line): {missing}"
    assert entries == literal_aliases(), f"{ALLOWLIST.name} holds only the Literal aliases, sorted"


def run_mypy(tmp_path: Path, *args: str) -> tuple:
    out, err, status = mypy_api.run(["--cache-dir", str(tmp_path / ".mypy_cache"), "--no-error-summary", *args])
    return out + err, status


def test_package_type_checks(tmp_path: Path) -> None:
    out, status = run_mypy(tmp_path, "--disallow-untyped-defs", "--disallow-incomplete-defs", "-p", "runrecovery")
    assert status == 0, out


def test_usage_type_checks_and_typos_do_not(tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text(
        textwrap.dedent(
            """
            import numpy as np
            import numpy.typing as npt
            import runrecovery as rr

            v: float = rr.vdot_from_race(distance_m=5000, time_s=1200)["vdot"]
            d = rr.daily_loads(log={"schema_version": 1, "sessions": []}, method="session_rpe")
            load: "npt.NDArray[np.float64]" = d["load"]
            w = rr.weekly_loads(start="2026-03-02", loads=np.zeros(7))["weeks"][0]["monotony"]
            z = rr.zone_table(athlete={"lthr_bpm": 170}, system="lthr_friel")["zones"][0]["from"]
            try:
                rr.pmc(start="2026-03-02", loads=[1.0], gain="linear")
            except rr.RunRecoveryError as e:
                code: str = e.code
            """
        )
    )
    out, status = run_mypy(tmp_path, "--strict", str(good))
    assert status == 0, out
    bad = tmp_path / "bad.py"
    bad.write_text('import runrecovery as rr\nrr.session_load(session={}, method="sesion_rpe")\nrr.vdot_from_race(distance_m="5k", time_s=1)\n')
    out, status = run_mypy(tmp_path, str(bad))
    assert status == 1 and "sesion_rpe" in out and "distance_m" in out, out


def mypy_version() -> tuple:
    from mypy.version import __version__

    return tuple(int(part) for part in re.findall(r"\d+", __version__)[:2])


def stubtest_options(tmp_path: Path) -> list:
    """The allowlist, and for mypy < 1.20 a config that hides implicit re-exports.

    mypy 1.20 (which needs Python >= 3.10) stopped checking the names a module
    imports from a module that stubtest checks itself (typing, numpy, our own
    submodules). mypy 1.19.1, the newest for Python 3.9, still checks every
    implicit re-export (runrecovery.Any, runrecovery.io.IO,
    runrecovery.types.float64, runrecovery.ZoneSystem, ...) and reports ~60
    differences between typeshed's or NumPy's stubs and their runtime, none of
    them ours. With implicit_reexport = False (what `mypy --strict` users see)
    it checks what 1.20 does: each module's own definitions and its __all__,
    so the same allowlist is exact for both (stubtest fails on unused entries).
    """
    options = ["--allowlist", str(ALLOWLIST)]
    if mypy_version() < (1, 20):
        config = tmp_path / "stubtest-mypy.ini"
        config.write_text("[mypy]\nimplicit_reexport = False\n")
        options += ["--mypy-config-file", str(config)]
    return options


def test_stub_matches_the_module(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "runrecovery", *stubtest_options(tmp_path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_type_check(tmp_path: Path, example: Path) -> None:
    out, status = run_mypy(tmp_path, "--strict", str(example))
    assert status == 0, out
