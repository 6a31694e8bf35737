"""The benchmark runs end to end and reports medians, p99s and ratios against its own baseline.

It reports; it does not pass or fail on speed (see `make bench`).
"""

from __future__ import annotations

import re

import pytest

from scripts import bench


def test_the_benchmark_prints_both_contenders_and_the_ratio(capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["bench", "--calls", "40"]) == 0

    out = capsys.readouterr().out
    for contender in (
        "raw httpx put + .json()",
        "generated sync_detailed",
        "the same, retry=None",
        "client's parse (fast path)",
        "json.loads + from_dict",
        "peer: pydantic model_validate_json",
        "peer: json.loads + model_validate",
    ):
        assert re.search(rf"{re.escape(contender)}\s+median\s+[\d.]+ µs\s+p99\s+[\d.]+ µs\s+ratio\s+[\d.]+", out), out
    assert re.search(r"client/raw median ratio [\d.]+: (within|ABOVE) the target of 1.05 \(goal 1.03\)", out), out
