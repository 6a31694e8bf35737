"""A safe partial update of a case: read it, then send an update that changes only what the caller named.

Update a case replaces state rather than patching it: for a CRM
administrator or the case's creator, an update without `isPrivate` makes a
private case public, and a `members` list replaces every member. So
`patch_case` (and its async twin `patch_case_async`) first reads the case
(Get a case), then sends Update a case with:

- `title`: the new one, or the current one (the server requires it);
- `isPrivate` and `accessList`: as given, or as read (the access list as
  user ids), so a private case stays private with the same users;
- `members`: only when given (it then replaces **every** member, including
  those the caller cannot see);
- `customFieldList`: only the fields given, `None` or `""` sent as `" "`,
  the one value that clears a field;
- `isNotify`: only when `notify=True`.

It returns the updated `Case`. Every failure raises an exception of the
package: an error answer raises the class `raise_on_error=True` raises
(`errors.NotFound`, `errors.Forbidden`, ...), and an update that could do
what the caller did not ask for raises a `PatchRefused` before it is sent.

What it cannot protect against:

- **No concurrency control.** The API has none: no ETag to compare (the
  `ETag` header is a fresh random value on every answer) and no `If-Match`.
  A change someone makes between the read and the update is overwritten
  where the update touches it: the last writer wins.
- **Close and reopen can be undone.** The server writes `isClosed` back as
  it read it at the start of the update, so an update running while someone
  closes or reopens the case can reverse that.
- **`members` replaces the hidden ones too.** The server deletes every
  member, including contacts the caller may not see (and which a read does
  not show), then adds the listed ones the caller may see.
- **Privacy needs rights.** `isPrivate` and `accessList` are applied only
  for a CRM administrator or the case's creator; for anyone else the server
  ignores them and the privacy stays as it was.

Source: ONLYOFFICE/CommunityServer at 7c503dfb5e9fe1a0b520d7d2a47ef857b37771b5,
`module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L195-238, L268-298 (update),
L398-407 (read); `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs`
L184-199 (`isClosed` written back); `module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs`
L64 (the random ETag); `module/ASC.Api/ASC.Employee/EmployeeWraper.cs` L101-111
(the placeholder user).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from onlyoffice_crm_client import errors
from onlyoffice_crm_client.api.cases import get_case, update_case
from onlyoffice_crm_client.client import AuthenticatedClient
from onlyoffice_crm_client.models import Case, CaseEnvelope, CustomFieldValue, UpdateCaseRequest
from onlyoffice_crm_client.types import UNSET, Response, Unset

# The package's own status-to-error mapping, so that patch_case raises exactly
# the classes a client with raise_on_error=True raises.
from onlyoffice_crm_client.types import _error_for as error_for

# The user the server shows for a deleted user, an unknown id or a group in an
# access list (EmployeeWraper.cs L101-111; common/ASC.Core.Common/Users/Constants.cs L99-105).
PLACEHOLDER_USER = UUID("4a515a15-d4d6-4b8e-828e-e0586f18f3a3")
# The only value that clears a custom field: it is trimmed to nothing, while an
# empty value is skipped (CRMApi.Cases.cs L232; CustomFieldDao.cs L70-84).
CLEAR = " "


class PatchRefused(errors.ClientError, ValueError):
    """patch_case refused an update that could do what the caller did not ask for; no update was sent."""


class EmptyMembers(PatchRefused):
    """`members=[]`: the server ignores an empty list, so it can never mean "remove every member"."""

    def __init__(self) -> None:
        super().__init__(
            "members=[] cannot remove the members: the server ignores an empty list (CRMApi.Cases.cs L219-220);"
            " leave members out to keep them, or name the contacts that should remain"
        )


class UnknownAccessSubject(PatchRefused):
    """The access list read back holds the placeholder user: writing it back would drop who it stands for."""

    def __init__(self, caseid: int) -> None:
        super().__init__(
            f"case {caseid}'s access list holds the placeholder user {PLACEHOLDER_USER}, which the server shows"
            " for a deleted user, an unknown id or a group; sending the list back would replace those subjects."
            " Pass access_list explicitly (the user ids who should see the case) to proceed"
        )


class ConflictingPrivacy(PatchRefused):
    """`is_private` and `access_list` together cannot give what they seem to ask for."""


@dataclass(frozen=True)
class Patch:
    """What the caller named, and the one place that turns it and the case as read into the update's body.

    Both patch_case and patch_case_async use it, so the sync and async
    twins cannot send different requests.
    """

    title: str | Unset = UNSET
    custom_fields: Mapping[int, str | None] | Unset = UNSET
    members: Sequence[int] | Unset = UNSET
    is_private: bool | Unset = UNSET
    access_list: Sequence[UUID] | Unset = UNSET
    notify: bool = False

    def __post_init__(self) -> None:
        # Refused before anything is sent, the read included.
        if not isinstance(self.members, Unset) and len(self.members) == 0:
            raise EmptyMembers()
        if self.is_private is True and not isinstance(self.access_list, Unset) and len(self.access_list) == 0:
            raise ConflictingPrivacy(_MADE_PUBLIC)
        if self.is_private is False and not isinstance(self.access_list, Unset):
            raise ConflictingPrivacy(_IGNORED_LIST)

    def request_for(self, caseid: int, current: Case) -> UpdateCaseRequest:
        """The body of Update a case that changes only what was named on `current`, the case as read."""
        private, users = self._privacy(caseid, current)
        return UpdateCaseRequest(
            title=current.title if isinstance(self.title, Unset) else self.title,
            members=UNSET if isinstance(self.members, Unset) else list(self.members),
            custom_field_list=self._custom_fields(),
            is_private=private,
            access_list=UNSET if users is None else users,
            is_notify=True if self.notify else UNSET,
        )

    def _privacy(self, caseid: int, current: Case) -> tuple[bool, list[UUID] | None]:
        # CRMApi.Cases.cs L268-298: private only with isPrivate true and a non-empty accessList, else public.
        private = current.is_private if isinstance(self.is_private, Unset) else self.is_private
        if not private:
            if not isinstance(self.access_list, Unset):
                raise ConflictingPrivacy(_IGNORED_LIST)
            return False, None
        if not isinstance(self.access_list, Unset):
            return True, list(self.access_list)
        read = [] if isinstance(current.access_list, Unset) else [user.id for user in current.access_list]
        if PLACEHOLDER_USER in read:
            raise UnknownAccessSubject(caseid)
        if not read:
            raise ConflictingPrivacy(_MADE_PUBLIC)
        return True, read

    def _custom_fields(self) -> list[CustomFieldValue] | Unset:
        if isinstance(self.custom_fields, Unset) or not self.custom_fields:
            return UNSET
        return [CustomFieldValue(key=key, value=value or CLEAR) for key, value in self.custom_fields.items()]


_MADE_PUBLIC = (
    "a private case needs a non-empty access_list: with an empty one the server makes the case public"
    " (CRMApi.Cases.cs L271, L291-293); pass the user ids who should see it, or is_private=False"
)
_IGNORED_LIST = (
    "access_list applies only to a private case, and this update leaves the case public"
    " (CRMApi.Cases.cs L271); pass is_private=True with it"
)


def case_of(response: Response[Any]) -> Case:
    """The case of a 200 answer; any other answer raises the error raise_on_error=True raises for it."""
    if response.status_code == 200 and isinstance(response.parsed, CaseEnvelope):
        return response.parsed.response
    raise error_for(response)


def patch_case(
    client: AuthenticatedClient,
    caseid: int,
    *,
    title: str | Unset = UNSET,
    custom_fields: Mapping[int, str | None] | Unset = UNSET,
    members: Sequence[int] | Unset = UNSET,
    is_private: bool | Unset = UNSET,
    access_list: Sequence[UUID] | Unset = UNSET,
    notify: bool = False,
) -> Case:
    """Change only the named parts of case `caseid`: read it, send the update, return the updated case.

    Args:
        client: The client to send both requests with.
        caseid: Id of the case.
        title: The new title; the current one when left out.
        custom_fields: Field id to new value, for the fields to change only;
            `None` or `""` clears a field (sent as `" "`).
        members: Contact ids that replace **every** member, including those
            the caller cannot see; left out, the members stay. `[]` is refused.
        is_private: Make the case private (with a non-empty access list) or
            public; the privacy as read when left out.
        access_list: User ids who may see the private case; the list as read
            when left out.
        notify: Notify the users of the access list (sends `isNotify: true`).

    Returns:
        The case as the server answers the update.

    Raises:
        PatchRefused: (EmptyMembers, UnknownAccessSubject, ConflictingPrivacy)
            the update could do what was not asked; it was not sent.
        errors.ApiError: an error answer to the read or the update, as
            `raise_on_error=True` raises it (errors.NotFound for a case that
            does not exist or that the caller may not read, ...).
        errors.ClientError: any other failure (errors.TransportError,
            errors.Timeout, errors.MalformedResponse).

    It cannot protect against concurrent changes: there is no ETag or
    `If-Match`, so the last writer wins; the server writes `isClosed` back
    as it read it, so an update can undo a close or reopen made meanwhile.
    """
    patch = Patch(title, custom_fields, members, is_private, access_list, notify)
    current = case_of(get_case.sync_detailed(caseid, client=client))
    body = patch.request_for(caseid, current)
    return case_of(update_case.sync_detailed(caseid, client=client, body=body))


async def patch_case_async(
    client: AuthenticatedClient,
    caseid: int,
    *,
    title: str | Unset = UNSET,
    custom_fields: Mapping[int, str | None] | Unset = UNSET,
    members: Sequence[int] | Unset = UNSET,
    is_private: bool | Unset = UNSET,
    access_list: Sequence[UUID] | Unset = UNSET,
    notify: bool = False,
) -> Case:
    """patch_case, with the client's async httpx client: the same requests, the same errors, the same limits.

    It cannot protect against concurrent changes: there is no ETag or
    `If-Match`, so the last writer wins; the server writes `isClosed` back
    as it read it, so an update can undo a close or reopen made meanwhile;
    `members` replaces even the members the caller cannot see.
    """
    patch = Patch(title, custom_fields, members, is_private, access_list, notify)
    current = case_of(await get_case.asyncio_detailed(caseid, client=client))
    body = patch.request_for(caseid, current)
    return case_of(await update_case.asyncio_detailed(caseid, client=client, body=body))


__all__ = [
    "CLEAR",
    "PLACEHOLDER_USER",
    "ConflictingPrivacy",
    "EmptyMembers",
    "Patch",
    "PatchRefused",
    "UnknownAccessSubject",
    "patch_case",
    "patch_case_async",
]
