"""Fixtures of the contract tests (the mock server itself is tests/conftest.py's `mock_url`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scripts.spec_examples import response_examples
from support import load_pristine_spec


@pytest.fixture(scope="session")
def documented_title() -> Callable[[str], str]:
    """The title of the case the mock answers an operation with by default.

    Prism answers, without a `Prefer` header, with the first example of the first success: here the
    first named example of the operation's 200.
    """
    firsts: dict[str, str] = {}
    for example in response_examples(load_pristine_spec()):
        if example.status == 200:
            firsts.setdefault(example.operation_id, example.value["response"]["title"])
    return firsts.__getitem__
