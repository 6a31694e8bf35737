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
from support import CASE_ID, Answer, HostileServer, load_pristine_spec, raw_request

Patcher = Callable[..., Case]


def example(name: str) -> dict[str, Any]:
    """A private copy of one of the spec's example answers (components/examples)."""
    value: dict[str, Any] = copy.deepcopy(load_pristine_spec()["components"]["examples"][name]["value"])
    return value


# (method, path) of the read and of the update of case CASE_ID, as the spec's getCase and updateCase give them.
READ = raw_request("getCase")[:2]
UPDATE = raw_request("updateCase")[:2]
# The users of the spec's PrivateCase access list, in its order.
MIKE, ALEX = (user["id"] for user in example("PrivateCase")["response"]["accessList"])
NOT_FOUND = example("CaseNotFound")
ACCESS_DENIED = load_pristine_spec()["components"]["responses"]["Forbidden"]["content"]["application/json"]["examples"][
    "accessDenied"
]["value"]


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
def client(client_for: Callable[..., AuthenticatedClient]) -> AuthenticatedClient:
    """A client of the recording server that never retries: each test sees every request patch_case sent."""
    return client_for(retry=None)


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

        patch(client, CASE_ID, title="Renamed")

        assert requests(server) == [
            (*READ, None),
            (*UPDATE, {"title": "Renamed", "isPrivate": True, "accessList": [MIKE, ALEX]}),
        ]

    def test_a_public_case_renamed_sends_is_private_false(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, public_case: dict[str, Any]
    ) -> None:
        server.script(answer(public_case), answer(public_case))

        patch(client, CASE_ID, title="Renamed")

        assert requests(server)[1] == (*UPDATE, {"title": "Renamed", "isPrivate": False})

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

        patch(client, CASE_ID, custom_fields={3: cleared})

        assert requests(server)[1] == (
            *UPDATE,
            {
                "title": public_case["response"]["title"],
                "isPrivate": False,
                "customFieldList": [{"key": 3, "value": " "}],
            },
        )

    def test_members_custom_fields_and_notify_are_sent_only_as_given(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        server.script(answer(private_case), answer(private_case))

        patch(client, CASE_ID, members=[17, 23], custom_fields={5: "Stand C", 7: "2024-05-21"}, notify=True)

        assert requests(server)[1][2] == {
            "title": private_case["response"]["title"],
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

        patch(client, CASE_ID, access_list=[UUID(ALEX)])
        patch(client, CASE_ID, is_private=False)

        title = private_case["response"]["title"]
        assert [body for _, _, body in requests(server)[1::2]] == [
            {"title": title, "isPrivate": True, "accessList": [ALEX]},
            {"title": title, "isPrivate": False},
        ]

    def test_it_returns_the_case_the_update_answered_not_the_one_it_read(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        updated = copy.deepcopy(private_case)
        updated["response"]["title"] = "Renamed"
        server.script(answer(private_case), answer(updated))

        case = patch(client, CASE_ID, title="Renamed")

        assert isinstance(case, Case) and case.title == "Renamed" and case.is_private


class TestWhatIsRefusedBeforeTheUpdate:
    def test_the_placeholder_user_in_the_read_access_list_refuses_and_sends_no_update(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        placeholder = {**private_case["response"]["accessList"][1], "id": str(PLACEHOLDER_USER)}
        private_case["response"]["accessList"].append({**placeholder, "displayName": "Unknown"})
        server.script(answer(private_case))

        with pytest.raises(UnknownAccessSubject, match="placeholder user.*Pass access_list explicitly"):
            patch(client, CASE_ID, title="Renamed")

        assert requests(server) == [(*READ, None)]

    def test_the_placeholder_user_does_not_stop_an_explicit_access_list(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, private_case: dict[str, Any]
    ) -> None:
        private_case["response"]["accessList"][1]["id"] = str(PLACEHOLDER_USER)
        server.script(answer(private_case), answer(private_case))

        patch(client, CASE_ID, access_list=[UUID(MIKE)])

        assert requests(server)[1][2]["accessList"] == [MIKE]

    def test_an_empty_members_list_is_refused_before_anything_is_sent(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer
    ) -> None:
        server.script(Answer(500))

        with pytest.raises(EmptyMembers, match=r"members=\[\] cannot remove the members"):
            patch(client, CASE_ID, members=[])

        assert server.seen == []

    def test_a_private_case_without_users_is_refused_before_anything_is_sent(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer
    ) -> None:
        server.script(Answer(500))

        with pytest.raises(ConflictingPrivacy, match="makes the case public"):
            patch(client, CASE_ID, is_private=True, access_list=[])

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
            patch(client, CASE_ID, **named)

        assert requests(server) == [(*READ, None)]

    def test_every_refusal_is_a_value_error_of_the_package(self) -> None:
        assert issubclass(PatchRefused, errors.ClientError) and issubclass(PatchRefused, ValueError)


class TestFailuresRaiseThePackagesTypedErrors:
    @pytest.mark.parametrize("raise_on_error", [False, True])
    def test_a_404_on_the_read_raises_not_found_and_sends_no_update(
        self,
        patch: Patcher,
        server: HostileServer,
        client_for: Callable[..., AuthenticatedClient],
        raise_on_error: bool,
    ) -> None:
        client = client_for(retry=None, raise_on_error=raise_on_error)
        server.script(answer(NOT_FOUND))

        with pytest.raises(errors.NotFound) as raised:
            patch(client, CASE_ID, title="Renamed")

        assert raised.value.message == "Not found" and raised.value.status_code == 404
        assert requests(server) == [(*READ, None)]

    def test_the_class_is_the_one_raise_on_error_raises(
        self, server: HostileServer, client_for: Callable[..., AuthenticatedClient]
    ) -> None:
        server.script(answer(NOT_FOUND))
        strict = client_for(retry=None, raise_on_error=True)

        with pytest.raises(errors.ApiError) as by_the_client:
            get_case.sync_detailed(CASE_ID, client=strict)
        with pytest.raises(errors.ApiError) as by_patch:
            patch_case(client_for(retry=None), CASE_ID, title="x")

        assert type(by_patch.value) is type(by_the_client.value) is errors.NotFound

    def test_a_403_on_the_update_raises_forbidden(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer, public_case: dict[str, Any]
    ) -> None:
        server.script(answer(public_case), answer(ACCESS_DENIED))

        with pytest.raises(errors.Forbidden, match="Access Denied"):
            patch(client, CASE_ID, title="Renamed")

        assert [method for method, _, _ in requests(server)] == [READ[0], UPDATE[0]]

    def test_a_read_that_is_not_a_case_raises_malformed_response_and_sends_no_update(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer
    ) -> None:
        server.script(Answer(200, b"<html>"))

        with pytest.raises(errors.MalformedResponse):
            patch(client, CASE_ID, title="Renamed")

        assert requests(server) == [(*READ, None)]

    def test_an_undocumented_success_status_raises_unexpected_status(
        self, patch: Patcher, client: AuthenticatedClient, server: HostileServer
    ) -> None:
        server.script(Answer(204))

        with pytest.raises(errors.UnexpectedStatus):
            patch(client, CASE_ID, title="Renamed")
