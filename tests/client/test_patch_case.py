"""patch_case and patch_case_async read the case, then send exactly the update the caller named, or nothing.

A recording server on 127.0.0.1 (the hostile server of tests/support.py)
answers the read with a case from the spec's examples and keeps every
request; each test runs through the sync and the async twin and compares
the exact requests.
"""

from __future__ import annotations

import asyncio
import copy
import json
from collections.abc import Callable, Iterator
from typing import Any
from uuid import UUID

import pytest

from onlyoffice_crm_client import AuthenticatedClient, errors
from onlyoffice_crm_client.api.cases import get_case
from onlyoffice_crm_client.models import Case
from onlyoffice_crm_client.patch import (
    PLACEHOLDER_USER,
    ConflictingPrivacy,
    EmptyMembers,
    PatchRefused,
    UnknownAccessSubject,
    patch_case,
    patch_case_async,
)
from support import TOKEN, Answer, HostileServer, load_pristine_spec

CASE = "/api/2.0/crm/case/42"
MIKE = "6f7c1a2e-3b7d-4c1e-9d2a-1b2c3d4e5f60"
ALEX = "0b4d2c1a-8e7f-4a6b-9c5d-3e2f1a0b9c8d"
NOT_FOUND = {"status": 1, "statusCode": 404, "error": {"message": "Not found", "hresult": -2147467259, "data": {}}}
ACCESS_DENIED = {
    "status": 1,
    "statusCode": 403,
    "error": {"message": "Access Denied", "hresult": -2146233078, "data": {}},
}

Patcher = Callable[..., Case]


def example(name: str) -> dict[str, Any]:
    """A private copy of one of the spec's example answers (components/examples)."""
    value: dict[str, Any] = copy.deepcopy(load_pristine_spec()["components"]["examples"][name]["value"])
    return value


def answer(body: dict[str, Any]) -> Answer:
    return Answer(body["statusCode"], json.dumps(body).encode(), {"Content-Type": "application/json"})


def requests(server: HostileServer) -> list[tuple[str, str, Any]]:
    """(method, path, JSON body or None) of every request the server saw, in order."""
    return [(seen.method, seen.path, json.loads(seen.body) if seen.body else None) for seen in server.seen]


@pytest.fixture(params=["sync", "async"])
def patch(request: pytest.FixtureRequest) -> Iterator[Patcher]:
    """patch_case, or patch_case_async run in the test's one event loop: the same call either way.

    One loop for the whole test, as in an application: an async client belongs to the loop it
    first ran in (a second asyncio.run() with it raises errors.WrongEventLoop).
    """
    if request.param == "sync":
        yield patch_case
        return
    with asyncio.Runner() as runner:

        def run_async(client: AuthenticatedClient, caseid: int, **named: Any) -> Case:
            return runner.run(patch_case_async(client, caseid, **named))

        yield run_async


@pytest.fixture
def client(server: HostileServer) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=server.url, token=TOKEN, retry=None)


@pytest.fixture
def private_case() -> dict[str, Any]:
    """The spec's PrivateCase: private, its access list Mike and Alex."""
    return example("PrivateCase")


@pytest.fixture
def public_case() -> dict[str, Any]:
    return example("PublicCase")


class TestWhatIsSent:
    def test_a_private_case_renamed_stays_private_with_its_access_list_and_sends_nothing_else(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        server.script(answer(private_case), answer(example("PublicCase")))

        patch(client, 42, title="Renamed")

        assert requests(server) == [
            ("GET", CASE, None),
            ("PUT", CASE, {"title": "Renamed", "isPrivate": True, "accessList": [MIKE, ALEX]}),
        ]

    def test_a_public_case_renamed_sends_is_private_false(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, public_case: dict[str, Any]
    ) -> None:
        server.script(answer(public_case), answer(public_case))

        patch(client, 42, title="Renamed")

        assert requests(server)[1] == ("PUT", CASE, {"title": "Renamed", "isPrivate": False})

    @pytest.mark.parametrize("cleared", [None, ""])
    def test_a_cleared_custom_field_is_sent_as_a_space_alone_with_the_title_as_read(
        self,
        patch: Patcher,
        client: AuthenticatedClient,
        server: HostileServer,
        public_case: dict[str, Any],
        cleared: str | None,
    ) -> None:
        server.script(answer(public_case), answer(public_case))

        patch(client, 42, custom_fields={3: cleared})

        assert requests(server)[1] == (
            "PUT",
            CASE,
            {"title": "Exhibition organization", "isPrivate": False, "customFieldList": [{"key": 3, "value": " "}]},
        )

    def test_members_custom_fields_and_notify_are_sent_only_as_given(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        server.script(answer(private_case), answer(private_case))

        patch(client, 42, members=[17, 23], custom_fields={5: "Stand C", 7: "2024-05-21"}, notify=True)

        assert requests(server)[1][2] == {
            "title": "Exhibition organization",
            "members": [17, 23],
            "customFieldList": [{"key": 5, "value": "Stand C"}, {"key": 7, "value": "2024-05-21"}],
            "isPrivate": True,
            "accessList": [MIKE, ALEX],
            "isNotify": True,
        }

    def test_privacy_given_replaces_privacy_as_read(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        server.script(answer(private_case), answer(private_case), answer(private_case), answer(private_case))

        patch(client, 42, access_list=[UUID(ALEX)])
        patch(client, 42, is_private=False)

        assert [body for _, _, body in requests(server)[1::2]] == [
            {"title": "Exhibition organization", "isPrivate": True, "accessList": [ALEX]},
            {"title": "Exhibition organization", "isPrivate": False},
        ]

    def test_it_returns_the_case_the_update_answered_not_the_one_it_read(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        updated = copy.deepcopy(private_case)
        updated["response"]["title"] = "Renamed"
        server.script(answer(private_case), answer(updated))

        case = patch(client, 42, title="Renamed")

        assert isinstance(case, Case) and case.title == "Renamed" and case.is_private


class TestWhatIsRefusedBeforeTheUpdate:
    def test_the_placeholder_user_in_the_read_access_list_refuses_and_sends_no_update(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        placeholder = {**private_case["response"]["accessList"][1], "id": str(PLACEHOLDER_USER)}
        private_case["response"]["accessList"].append({**placeholder, "displayName": "Unknown"})
        server.script(answer(private_case))

        with pytest.raises(UnknownAccessSubject, match="placeholder user.*Pass access_list explicitly"):
            patch(client, 42, title="Renamed")

        assert requests(server) == [("GET", CASE, None)]

    def test_the_placeholder_user_does_not_stop_an_explicit_access_list(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        private_case["response"]["accessList"][1]["id"] = str(PLACEHOLDER_USER)
        server.script(answer(private_case), answer(private_case))

        patch(client, 42, access_list=[UUID(MIKE)])

        assert requests(server)[1][2]["accessList"] == [MIKE]

    def test_an_empty_members_list_is_refused_before_anything_is_sent(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer
    ) -> None:
        server.script(Answer(500))

        with pytest.raises(EmptyMembers, match=r"members=\[\] cannot remove the members"):
            patch(client, 42, members=[])

        assert server.seen == []

    def test_a_private_case_without_users_is_refused_before_anything_is_sent(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer
    ) -> None:
        server.script(Answer(500))

        with pytest.raises(ConflictingPrivacy, match="makes the case public"):
            patch(client, 42, is_private=True, access_list=[])

        assert server.seen == []

    @pytest.mark.parametrize("named", [{"access_list": [UUID(MIKE)]}, {"is_private": True}])
    def test_privacy_that_the_server_would_not_apply_as_asked_is_refused_after_the_read(
        self,
        patch: Patcher,
        client: AuthenticatedClient,
        server: HostileServer,
        public_case: dict[str, Any],
        named: dict[str, Any],
    ) -> None:
        server.script(answer(public_case))

        with pytest.raises(ConflictingPrivacy):
            patch(client, 42, **named)

        assert requests(server) == [("GET", CASE, None)]

    def test_every_refusal_is_a_value_error_of_the_package(self) -> None:
        assert issubclass(PatchRefused, errors.ClientError) and issubclass(PatchRefused, ValueError)


class TestFailuresRaiseThePackagesTypedErrors:
    @pytest.mark.parametrize("raise_on_error", [False, True])
    def test_a_404_on_the_read_raises_not_found_and_sends_no_update(
        self, patch: Patcher, server: HostileServer, raise_on_error: bool
    ) -> None:
        client = AuthenticatedClient(base_url=server.url, token=TOKEN, retry=None, raise_on_error=raise_on_error)
        server.script(answer(NOT_FOUND))

        with pytest.raises(errors.NotFound) as raised:
            patch(client, 42, title="Renamed")

        assert raised.value.message == "Not found" and raised.value.status_code == 404
        assert requests(server) == [("GET", CASE, None)]

    def test_the_class_is_the_one_raise_on_error_raises(self, server: HostileServer) -> None:
        server.script(answer(NOT_FOUND))
        strict = AuthenticatedClient(base_url=server.url, token=TOKEN, retry=None, raise_on_error=True)

        with pytest.raises(errors.ApiError) as by_the_client:
            get_case.sync_detailed(42, client=strict)
        with pytest.raises(errors.ApiError) as by_patch:
            patch_case(AuthenticatedClient(base_url=server.url, token=TOKEN, retry=None), 42, title="x")

        assert type(by_patch.value) is type(by_the_client.value) is errors.NotFound

    def test_a_403_on_the_update_raises_forbidden(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, public_case: dict[str, Any]
    ) -> None:
        server.script(answer(public_case), answer(ACCESS_DENIED))

        with pytest.raises(errors.Forbidden, match="Access Denied"):
            patch(client, 42, title="Renamed")

        assert [method for method, _, _ in requests(server)] == ["GET", "PUT"]

    def test_a_read_that_is_not_a_case_raises_malformed_response_and_sends_no_update(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer
    ) -> None:
        server.script(Answer(200, b"<html>"))

        with pytest.raises(errors.MalformedResponse):
            patch(client, 42, title="Renamed")

        assert requests(server) == [("GET", CASE, None)]

    def test_an_undocumented_success_status_raises_unexpected_status(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer
    ) -> None:
        server.script(Answer(204))

        with pytest.raises(errors.UnexpectedStatus):
            patch(client, 42, title="Renamed")
