"""The custom templates stay minimal changes of the pinned generator's own templates.

When openapi-python-client is upgraded, its templates change; these tests
fail until our copies are redone on top of the new ones, so upstream fixes
are not silently lost.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import openapi_python_client
import pytest

from support import ROOT

UPSTREAM = Path(openapi_python_client.__file__).parent / "templates"
OURS = ROOT / "templates"


def changed_lines(name: str) -> tuple[list[str], list[str]]:
    """Lines of the upstream template we dropped, and lines we added (our leading comment left out)."""
    ours = (OURS / name).read_text(encoding="utf-8")
    ours = ours.split("-#}\n", 1)[1] if ours.startswith("{#-") else ours
    diff = list(difflib.ndiff((UPSTREAM / name).read_text(encoding="utf-8").splitlines(), ours.splitlines()))
    return [line[2:] for line in diff if line.startswith("- ")], [line[2:] for line in diff if line.startswith("+ ")]


def test_the_client_template_only_hides_secrets_and_adds_timeout_retries_and_options() -> None:
    dropped, added = changed_lines("client.py.jinja")

    # What it drops: the token/prefix/cookie/header declarations (now repr=False, raw token), the None timeout,
    # the two spots where upstream wrote the token into the caller's headers dict or passed httpx_args on, and
    # the builders and httpx getters that kept the httpx clients in `_client`/`_async_client` and mutated them
    # (now shared, unchanged, through sending.Connections).
    assert len(dropped) <= 50
    assert all(
        re.search(
            r"token|prefix|_cookies|_headers|headers=|_timeout|Timeout|custom_constructor|endif|_httpx_args"
            r"|_client|_async_client|evolve|httpx_stuff|Get a new client|testing purposes",
            line,
        )
        for line in dropped
    )
    # The rest of the sending lives in the hand-written sending.py and deadline.py.
    assert len(added) <= 135
    for needed in (
        "DEFAULT_TIMEOUT = httpx.Timeout(",
        "DEFAULT_RETRY = Retry(",
        "sending.with_transport(",
        "DeadlineTransport",
        "def with_options(",
        "USER_AGENT = ",
        '"strict"',
        '"raise_on_error"',
    ):
        assert any(needed in line for line in added), needed


def test_the_endpoint_template_only_routes_parsing_and_transport_errors_to_the_package() -> None:
    dropped, added = changed_lines("endpoint_module.py.jinja")

    # Dropped too: the URL's `.format()` with quote() (now a concatenation, change 4). 37 lines are added
    # today: the bound leaves room for 3 more (the client template's leaves 7). Upstream's lines that close
    # a call, `)` or `),`, are dropped whole: matched alone on their line, not as the end of any line.
    assert len(dropped) <= 18 and len(added) <= 40
    assert all(
        re.search(
            r"types import|return Response|status_code=|content=|headers=|parsed=|request\(|kwargs|^\s*\),?$"
            r"|header_parameters|\.format\(|quote\(|endfor|path_parameters",
            line,
        )
        for line in dropped
    )
    assert any("return build_response(" in line for line in added)
    assert "    response = client._send(kwargs)" in added  # sending.send maps the transport errors
    assert "    response = await client._send_async(kwargs)" in added
    assert '    _kwargs["json"] = json_body(body)' in added


def test_the_errors_template_keeps_unexpected_status_and_only_adds_classes() -> None:
    dropped, added = changed_lines("errors.py.jinja")

    # Upstream's one class stays, now an ApiError, with its two arguments first; its unbounded message goes.
    # (ndiff pairs some of these lines anew as the module grows: what is dropped is among them.)
    assert "class UnexpectedStatus(Exception):" in dropped
    assert set(dropped) <= {
        "class UnexpectedStatus(Exception):",
        '    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""',  # noqa: E501 (upstream's line, verbatim; ndiff pairs it anew)
        "    def __init__(self, status_code: int, content: bytes):",
        "        self.status_code = status_code",
        "        super().__init__(",
        "            f\"Unexpected status code: {status_code}\\n\\nResponse content:\\n{content.decode(errors='ignore')}\"",  # noqa: E501 (upstream's line, verbatim)
        "        )",
        '__all__ = ["UnexpectedStatus"]',
    }
    assert "class UnexpectedStatus(ApiError):" in added
    assert '    def __init__(self, status_code: int, content: bytes, response: "Response[Any] | None" = None):' in added


def test_the_types_template_only_widens_status_code_and_adds_the_shared_parser() -> None:
    dropped, added = changed_lines("types.py.jinja")

    assert dropped == [
        "from typing import BinaryIO, Generic, TypeVar, Literal, IO",
        "class Unset:",  # now a _Sentinel: one object through copy, deepcopy and pickle
        "    status_code: HTTPStatus",
        '__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]',
    ]
    # The sentinels, model_repr/model_eq, json_body and parse_json (the fast path's entry) come on top.
    assert "    status_code: HTTPStatus | int" in added and len(added) <= 180


def test_the_model_template_only_changes_how_from_dict_reads_each_property() -> None:
    dropped, added = changed_lines("model.py.jinja")

    # The loop body of from_dict that popped and converted each property, from_dict's lazy imports (moved to
    # the module's end), the types import, and to_dict's one field_dict.update of the required fields (now one
    # guarded assignment per field, so a missing field is left out).
    assert len(dropped) <= 30
    assert all(
        re.search(
            r"property_source|prop_template|lazy_import|endif|endfor|else|types import|field_dict|propert|^$|^\}\)$"
            r"|^from typing import",
            line,
        )
        for line in dropped
    )
    # 80 for the lenient parsing, 8 for the required enums' member lookup (change 7 in the template's header),
    # 18 for repr, == and to_dict with a missing field (change 8), 82 for the compiled fast path (change 9),
    # 16 for checking each item of a list (check_items, in change 2).
    assert len(added) <= 208
    assert any("raise errors.ParseError.inside(" in line for line in added)
    assert any("missing_fields: tuple[str, ...]" in line for line in added)
    assert any("return model_repr(self)" in line for line in added)
    assert any("class _Fast(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):" in line for line in added)


def test_the_int_enum_template_only_adds_missing() -> None:
    dropped, added = changed_lines("int_enum.py.jinja")

    assert dropped == []
    assert '    def _missing_(cls, value: object) -> "{{ enum.class_info.name }} | None":' in added


def test_the_pyproject_template_only_adds_the_retry_layer_licence_urls_and_http2_extra() -> None:
    dropped, added = changed_lines("pyproject_pdm.toml.jinja")

    assert dropped == []
    allowed = (
        '"httpx-retries>=0.6.0,<0.7.0",',
        '"msgspec>=0.19.0,<0.24.0",',
        'license = "Apache-2.0"',
        'license-files = ["LICENSE"]',
        "[project.optional-dependencies]",
        'http2 = ["h2>=3,<5"]',
        "[project.urls]",
        "{% set ",
        "Documentation = ",
        "Changelog = ",
        "Source = ",
        "dependencies = [",
        "]",
    )
    assert all(line.strip().startswith(allowed) for line in added if line.strip())
    assert 'license = "Apache-2.0"' in added and 'http2 = ["h2>=3,<5"]' in added


@pytest.mark.parametrize("name", sorted(path.name for path in OURS.glob("*.jinja")))
def test_every_custom_template_replaces_one_the_generator_has_and_says_why(name: str) -> None:
    assert (UPSTREAM / name).is_file(), f"{name} replaces no template of the pinned generator"
    assert (OURS / name).read_text(encoding="utf-8").startswith("{#- Custom template: upstream ")


def test_the_readme_template_is_rewritten_for_this_package_but_keeps_upstreams_title_and_description() -> None:
    dropped, added = changed_lines("README.md.jinja")

    ours = (OURS / "README.md.jinja").read_text(encoding="utf-8")
    assert "# {{ project_name }}\n{{ package_description.get_untrusted_value() }}\n" in ours
    assert not any("MyDataModel" in line for line in added) and any("MyDataModel" in line for line in dropped)
    for section in ("## Timeouts", "## Retries", "## Errors", "## Lenient and strict parsing"):
        assert section in ours
