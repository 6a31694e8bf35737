"""Against a hostile server, every call ends in a Response or in an error of the package's `errors` module.

A local server on 127.0.0.1 (`hostile_server` in tests/support.py, started and
stopped by the `server` fixture of tests/client/conftest.py) answers any status
with any body: empty, HTML, truncated, not the envelope, wrong types, absurdly
nested, late or never. Each case is driven through `sync`, `sync_detailed`,
`asyncio` and `asyncio_detailed`.
"""

from __future__ import annotations

import json
import logging
import pickle
import socket
import time
import traceback
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from onlyoffice_crm_client import AuthenticatedClient, errors
from onlyoffice_crm_client.client import DEFAULT_RETRY, DEFAULT_TIMEOUT
from onlyoffice_crm_client.models import CaseEnvelope, ErrorEnvelope, ShareType
from onlyoffice_crm_client.types import Response
from scripts.spec import operations
from support import (
    QUICK_RETRY,
    STYLES,
    TOKEN,
    Answer,
    HostileServer,
    call_in_style,
    load_pristine_spec,
    raw_request,
)
from support import update_in_style as call

OPERATION_IDS = [found.id for found in operations(load_pristine_spec())]

HTML = b"<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>"
NESTED = b"[" * 200_000 + b"]" * 200_000
ENVELOPE_400 = json.dumps(
    {
        "status": 1,
        "statusCode": 400,
        "error": {"message": "Value does not fall within the expected range.", "hresult": -2147024809, "data": {}},
    }
).encode()


def parsed(style: str, result: Any) -> Any:
    """What the caller gets as the parsed body, whichever the style."""
    return result.parsed if style.endswith("_detailed") else result


@pytest.fixture
def refusing_url() -> Iterator[str]:
    """A URL on 127.0.0.1 whose port is bound but not listening: every connection is refused."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{bound.getsockname()[1]}"


@pytest.mark.parametrize("style", STYLES)
class TestSuccessfulBodiesParseLeniently:
    def test_the_real_servers_answer_parses(
        self,
        style: str,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
    ) -> None:
        server.script(Answer(200, json_body(success)))

        result = parsed(style, call(style, client_for()))

        assert isinstance(result, CaseEnvelope) and result.response.title == success["response"]["title"]

    def test_unknown_fields_and_enum_values_are_kept(
        self,
        style: str,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
    ) -> None:
        success["response"]["newField"] = {"x": 1}
        success["response"]["members"][0]["shareType"] = 9
        server.script(Answer(200, json_body(success)))

        result = parsed(style, call(style, client_for()))

        assert result.response["newField"] == {"x": 1}
        assert result.response.members[0].share_type == ShareType(9) and result.response.members[0].share_type == 9

    def test_a_missing_required_field_is_listed_and_not_invented(
        self,
        style: str,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
    ) -> None:
        del success["response"]["members"][0]["smallFotoUrl"]
        server.script(Answer(200, json_body(success)))

        member = parsed(style, call(style, client_for())).response.members[0]

        assert member.missing_fields == ("small_foto_url",)
        assert member.display_name == "Tadjeddine Bachir" and member.id == 17  # the rest stays typed
        with pytest.raises(errors.MissingField, match=r"Contact\.small_foto_url was missing") as raised:
            _ = member.small_foto_url
        assert str(pickle.loads(pickle.dumps(raised.value))) == str(raised.value)
        assert pickle.loads(pickle.dumps(member)).missing_fields == ("small_foto_url",)


BROKEN_SUCCESSES: dict[str, tuple[bytes, str]] = {
    "empty": (b"", "JSONDecodeError"),
    "html": (HTML, "JSONDecodeError"),
    "truncated json": (
        b'{"count": 1, "status": 0, "statusCode": 200, "response": {"members": [{"smallFo',
        "JSONDecodeError",
    ),
    "a json array": (b"[1, 2, 3]", "expected an object, found list"),
    "another object": (b'{"hello": "world"}', "none of the properties CaseEnvelope requires"),
    "absurdly nested": (NESTED, "RecursionError"),
    "not utf-8": (b"\xff\xfe{", "Decode"),
}


@pytest.mark.parametrize("style", STYLES)
class TestSuccessesThatDoNotParseRaiseMalformedResponse:
    @pytest.mark.parametrize("case", sorted(BROKEN_SUCCESSES))
    def test_a_body_that_is_not_the_envelope(
        self, style: str, case: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        body, problem = BROKEN_SUCCESSES[case]
        server.script(Answer(200, body))

        with pytest.raises(errors.MalformedResponse) as raised:
            call(style, client_for())

        assert raised.value.status_code == 200 and raised.value.content == body
        assert problem in str(raised.value) and len(str(raised.value)) < 1000

    @pytest.mark.parametrize(
        ("alter", "path"),
        [
            (lambda r: r.update(title=5), "response.title"),
            (lambda r: r.update(members={"17": {}}), "response.members"),
            (lambda r: r["members"][0].update(isCompany="no"), "response.members[*].isCompany"),
            (lambda r: r.update(createBy="Jane"), "response.createBy"),
            (lambda r: r.update(created="yesterday"), "response.created"),
            (lambda r: r["members"][0].update(shareType="read"), "response.members[*].shareType"),
            (lambda r: r["customFields"][0].update(fieldType=True), "response.customFields[*].fieldType"),
        ],
    )
    def test_a_value_of_the_wrong_type_names_its_path(
        self,
        style: str,
        alter: Callable[[dict[str, Any]], None],
        path: str,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
    ) -> None:
        alter(success["response"])
        server.script(Answer(200, json_body(success)))

        with pytest.raises(errors.MalformedResponse) as raised:
            call(style, client_for())

        assert raised.value.path == path


ERROR_ANSWERS: dict[str, Answer] = {
    "400 envelope": Answer(400, ENVELOPE_400, {"Content-Type": "application/json"}),
    "401 html text": Answer(401, b"<html>Unauthorized</html>", {"Content-Type": "text/html"}),
    "402 empty": Answer(402),
    "403 empty": Answer(403),
    "404 not the envelope": Answer(404, b'{"error": "gone"}'),
    "500 html": Answer(500, HTML, {"Content-Type": "text/html"}),
    "503 empty": Answer(503),
    "520 undocumented": Answer(520, b"origin error"),
}


@pytest.mark.parametrize("style", STYLES)
class TestErrorAnswersReturnTheirStatusAndBody:
    @pytest.mark.parametrize("case", sorted(ERROR_ANSWERS))
    def test_by_default_the_caller_gets_the_status_and_the_raw_body(
        self, style: str, case: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        answer = ERROR_ANSWERS[case]
        server.script(answer)

        result = call(style, client_for())

        if style.endswith("_detailed"):
            assert isinstance(result, Response)
            assert result.status_code == answer.status and result.content == answer.body
        expected = {"400 envelope": ErrorEnvelope, "401 html text": str}.get(case, type(None))
        assert isinstance(parsed(style, result), expected)

    def test_an_undocumented_status_raises_the_packages_error_when_asked(
        self, style: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(ERROR_ANSWERS["520 undocumented"])

        with pytest.raises(errors.UnexpectedStatus) as raised:
            call(style, client_for(raise_on_unexpected_status=True))

        assert raised.value.status_code == 520 and raised.value.content == b"origin error"


TYPED_ERRORS: dict[str, type[errors.ApiError]] = {
    "400 envelope": errors.BadRequest,
    "401 html text": errors.Unauthorized,
    "402 empty": errors.PaymentRequired,
    "403 empty": errors.Forbidden,
    "404 not the envelope": errors.NotFound,
    "500 html": errors.ServerError,
    "503 empty": errors.Unavailable,
    "520 undocumented": errors.UnexpectedStatus,
}


@pytest.mark.parametrize("style", STYLES)
class TestOptInTypedErrorsRaiseByMeaning:
    @pytest.mark.parametrize("case", sorted(TYPED_ERRORS))
    def test_each_error_status_raises_its_own_class(
        self, style: str, case: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        answer = ERROR_ANSWERS[case]
        server.script(answer)

        with pytest.raises(TYPED_ERRORS[case]) as raised:
            call(style, client_for(raise_on_error=True))

        assert raised.value.status_code == answer.status
        assert raised.value.response.content == answer.body

    def test_the_envelopes_message_and_hresult_are_carried(
        self, style: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(ERROR_ANSWERS["400 envelope"])

        with pytest.raises(errors.BadRequest) as raised:
            call(style, client_for(raise_on_error=True))

        assert raised.value.message == "Value does not fall within the expected range."
        assert raised.value.hresult == -2147024809
        assert (
            str(raised.value) == "400 Bad Request: Value does not fall within the expected range. (hresult -2147024809)"
        )


@pytest.mark.parametrize("style", STYLES)
class TestStrictModeNamesTheFirstMismatch:
    @pytest.mark.parametrize(
        ("alter", "path", "problem"),
        [
            (lambda r: r["members"][0].pop("smallFotoUrl"), "response.members[*].smallFotoUrl", "missing"),
            (lambda r: r.update(newField=1), "response.newField", "does not define"),
            (lambda r: r["members"][0].update(shareType=9), "response.members[*].shareType", "9 is not a valid"),
        ],
    )
    def test_what_lenient_mode_accepts_strict_mode_rejects(
        self,
        style: str,
        alter: Callable[[dict[str, Any]], object],
        path: str,
        problem: str,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
    ) -> None:
        alter(success["response"])
        server.script(Answer(200, json_body(success)))
        assert parsed(style, call(style, client_for())) is not None  # lenient: parses

        with pytest.raises(errors.MalformedResponse) as raised:
            call(style, client_for(strict=True))

        assert raised.value.path == path and problem in raised.value.problem

    def test_an_error_body_that_is_not_the_envelope_is_an_error_too(
        self, style: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(ERROR_ANSWERS["403 empty"])

        with pytest.raises(errors.MalformedResponse) as raised:
            call(style, client_for(strict=True))

        assert raised.value.status_code == 403


class TestTransientFailuresAreRetried:
    @pytest.mark.parametrize("style", STYLES)
    def test_a_503_then_a_200_gives_the_200_after_one_retry(
        self,
        style: str,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
    ) -> None:
        server.script(Answer(503), Answer(200, json_body(success)))

        result = parsed(style, call(style, client_for()))

        assert isinstance(result, CaseEnvelope)
        assert len(server.seen) == 2

    @pytest.mark.parametrize("status", [429, 503])
    def test_retry_after_is_honoured(
        self,
        status: int,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
    ) -> None:
        server.script(Answer(status, headers={"Retry-After": "1"}), Answer(200, json_body(success)))

        result = call("sync_detailed", client_for())

        assert result.status_code == 200
        assert server.seen[1].at - server.seen[0].at >= 0.95

    @pytest.mark.parametrize("style", STYLES)
    @pytest.mark.parametrize("status", [429, 502, 503, 504])
    def test_retries_stop_at_the_bound(
        self, style: str, status: int, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(Answer(status))

        result = call(style, client_for())

        assert parsed(style, result) is None
        assert len(server.seen) == 1 + DEFAULT_RETRY.total == 3

    def test_the_total_wait_is_capped(
        self, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(Answer(503, headers={"Retry-After": "1"}))

        call("sync_detailed", client_for(retry=QUICK_RETRY.copy_with(total=5, total_timeout=1.5)))

        assert server.seen[-1].at - server.seen[0].at < 2.5

    def test_retries_can_be_switched_off(
        self, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(Answer(503))

        assert call("sync_detailed", client_for(retry=None)).status_code == 503
        assert len(server.seen) == 1

    def test_other_errors_are_not_retried(
        self, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(Answer(500, HTML))

        call("sync_detailed", client_for())

        assert len(server.seen) == 1

    @pytest.mark.parametrize("style", STYLES)
    def test_a_refused_connection_raises_the_packages_transport_error(
        self, style: str, client_for: Callable[..., AuthenticatedClient], refusing_url: str
    ) -> None:
        with pytest.raises(errors.TransportError) as raised:
            call(style, client_for(base_url=refusing_url))

        assert isinstance(raised.value.__cause__, httpx.ConnectError)

    @pytest.mark.parametrize("style", STYLES)
    def test_a_body_cut_short_raises_the_packages_transport_error(
        self, style: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(Answer(200, b'{"count": 1', cut_short=True))

        with pytest.raises(errors.TransportError) as raised:
            call(style, client_for())

        assert isinstance(raised.value.__cause__, httpx.RemoteProtocolError)
        # The retry layer hands back the response once its headers arrived; the body breaks later, so this is
        # not retried (README: the caller may retry the idempotent PUT).
        assert len(server.seen) == 1


class TestTimeoutsAreFinite:
    def test_the_default_timeout_is_finite(self) -> None:
        client = AuthenticatedClient(base_url="http://127.0.0.1:9", token=TOKEN)

        assert client.get_httpx_client().timeout == DEFAULT_TIMEOUT == httpx.Timeout(30.0, connect=5.0)
        assert client.get_async_httpx_client().timeout == DEFAULT_TIMEOUT

    @pytest.mark.parametrize("style", STYLES)
    def test_a_hung_server_raises_the_packages_timeout_in_about_the_configured_time(
        self, style: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(Answer(hang=True))
        start = time.monotonic()

        with pytest.raises(errors.Timeout) as raised:
            call(style, client_for(timeout=httpx.Timeout(0.5)))

        assert 0.4 <= time.monotonic() - start < 1.5
        assert isinstance(raised.value, httpx.TimeoutException)  # what the docstrings promise still holds
        assert len(server.seen) == 1  # a read timeout is not retried


class TestSecretsStaySecret:
    def test_the_callers_headers_dict_is_left_untouched(
        self,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
    ) -> None:
        headers = {"X-Trace": "1"}
        server.script(Answer(200, json_body(success)))

        call("sync", client_for(headers=headers))
        call("asyncio", client_for(headers=headers))

        assert headers == {"X-Trace": "1"}
        assert server.seen[0].headers["Authorization"] == TOKEN and server.seen[0].headers["X-Trace"] == "1"

    def test_an_authenticated_client_refuses_to_be_pickled_rather_than_carry_the_token(
        self, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        with pytest.raises(TypeError, match="not picklable") as raised:
            pickle.dumps(client_for())

        assert TOKEN not in str(raised.value)

    def test_the_token_is_in_no_log_record_message_traceback_or_pickle(
        self,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
        caplog: pytest.LogCaptureFixture,
        refusing_url: str,
    ) -> None:
        long_body = b"<html>" + b"x" * 100_000 + b"</html>"
        modes: list[tuple[dict[str, Any], Answer | None]] = [
            ({}, Answer(200, json_body(success))),
            ({}, Answer(503, headers={"Retry-After": "0"})),
            ({"raise_on_error": True}, Answer(401, b"Unauthorized")),
            ({"raise_on_error": True}, Answer(400, ENVELOPE_400)),
            ({"raise_on_error": True}, Answer(500, long_body)),
            ({"raise_on_unexpected_status": True}, Answer(520, long_body)),
            ({}, Answer(200, long_body)),
            ({}, Answer(200, NESTED)),
            ({"strict": True}, Answer(200, b'{"x": 1}')),
            ({"timeout": httpx.Timeout(0.3)}, Answer(hang=True)),
            ({}, Answer(200, b"{", cut_short=True)),
            ({"base_url": refusing_url}, None),
        ]
        outcomes: list[object] = []
        clients: list[AuthenticatedClient] = []
        for logger in ("httpx", "httpcore", "httpx_retries", "onlyoffice_crm_client"):
            caplog.set_level(logging.DEBUG, logger=logger)
        for options, answer in modes:
            if answer is not None:
                server.script(answer)
            for style in STYLES:
                client = client_for(**options)
                clients.append(client)
                try:
                    outcomes.append(call(style, client))
                except errors.ClientError as error:
                    outcomes.append(error)

        raised = [outcome for outcome in outcomes if isinstance(outcome, Exception)]
        assert len(raised) >= 8 * 4 and caplog.records  # the bad days happened, and were logged
        shown = [logging.Formatter().format(record) for record in caplog.records]
        shown += [repr(client) + str(client) for client in clients]
        shown += [repr(outcome) + str(outcome) for outcome in outcomes]
        shown += ["".join(traceback.format_exception(error)) for error in raised]
        assert not [text for text in shown if TOKEN in text]
        for outcome in outcomes:
            assert TOKEN.encode() not in pickle.dumps(outcome)
        for exception in raised:  # and what is pickled comes back whole
            assert str(pickle.loads(pickle.dumps(exception))) == str(exception)
        assert all(len(str(error)) < 1000 for error in raised)  # bodies are quoted, bounded


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("operation_id", OPERATION_IDS)
class TestEveryOperationHasTheSameTypedOutcomes:
    """The cases above drive Update a case; each operation shares its outcomes, in each of the four styles."""

    def test_the_real_servers_answer_parses_after_the_operations_own_request(
        self,
        operation_id: str,
        style: str,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        success: dict[str, Any],
        json_body: Callable[[Any], bytes],
    ) -> None:
        server.script(Answer(200, json_body(success)))

        result = parsed(style, call_in_style(operation_id, style, client_for()))

        assert isinstance(result, CaseEnvelope) and result.response.id == success["response"]["id"]
        method, path, _ = raw_request(operation_id)
        assert (server.seen[0].method, server.seen[0].path) == (method, path)

    def test_a_success_that_is_not_the_envelope_raises_malformed_response(
        self, operation_id: str, style: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(Answer(200, b"<html>"))

        with pytest.raises(errors.MalformedResponse):
            call_in_style(operation_id, style, client_for())

    def test_an_error_status_raises_its_own_class_when_asked(
        self, operation_id: str, style: str, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(ERROR_ANSWERS["404 not the envelope"])

        with pytest.raises(errors.NotFound):
            call_in_style(operation_id, style, client_for(raise_on_error=True))

    def test_a_refused_connection_raises_the_packages_transport_error(
        self, operation_id: str, style: str, client_for: Callable[..., AuthenticatedClient], refusing_url: str
    ) -> None:
        with pytest.raises(errors.TransportError):
            call_in_style(operation_id, style, client_for(base_url=refusing_url))
