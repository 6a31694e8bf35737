"""Fixtures of the release tests: dist/ as `make bundle docs` builds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import bundle, docs


@pytest.fixture(scope="session")
def built_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ as `make bundle docs` builds it, in a folder of its own."""
    out = tmp_path_factory.mktemp("dist")
    assert bundle.main(["bundle", "--out", str(out)]) == 0
    assert docs.main(["docs", "--spec", str(out / "openapi.yaml"), "--out", str(out / "index.html")]) == 0
    return out
