from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_envelope import CaseEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import Response, build_response, parse_json


def _get_kwargs(
    caseid: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/2.0/crm/case/" + (str(caseid) if type(caseid) is int else quote(str(caseid), safe="")),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CaseEnvelope | ErrorEnvelope | str | None:
    if response.status_code == 200:
        return parse_json(CaseEnvelope, response.content)
    if response.status_code == 400:
        return parse_json(ErrorEnvelope, response.content)
    if response.status_code == 401:
        response_401 = response.text
        return response_401

    if response.status_code == 402:
        return parse_json(ErrorEnvelope, response.content)
    if response.status_code == 403:
        return parse_json(ErrorEnvelope, response.content)
    if response.status_code == 404:
        return parse_json(ErrorEnvelope, response.content)
    if response.status_code == 500:
        return parse_json(ErrorEnvelope, response.content)
    if response.status_code == 503:
        response_503 = cast(Any, None)
        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | CaseEnvelope | ErrorEnvelope | str]:
    return build_response(
        response,
        lambda response: _parse_response(client=client, response=response),
        strict=client.strict,
        raise_on_error=client.raise_on_error,
    )


def sync_detailed(
    caseid: int,
    *,
    client: AuthenticatedClient,
) -> Response[Any | CaseEnvelope | ErrorEnvelope | str]:
    """Get a case

     Answers with one case, in the same shape as the answer of an
    update: every Heading custom field included, with or without a
    value, and the case's access list when it is private. Source:
    `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L398-407
    (`GetCaseByID`) unless another file is named.

    - **404 means "not found or not yours".** A case that does not
      exist and a case the caller may not read both answer 404
      `Not found` (L404); there is no 403 for missing access. An id
      of 0 answers 404 too (L401); only an id too large for 32 bits
      answers 400.
    - **`members` holds only the contacts the caller may see**
      (L770-781; `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/ContactDao.cs`
      L1419-1426). Writing this list back with Update a case deletes
      the hidden members: leave `members` out of an update unless you
      mean to replace them.
    - **There is no version to compare.** The case has no modification
      date (none is read:
      `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs`
      L567-570), and the `ETag` header of every answer is a fresh random
      value (`module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs`
      L64): a read cannot detect that someone else changed the case
      before your update. The last writer wins.

    Read this first to change one thing safely with Update a case:
    send back `title`, `isPrivate` and `accessList` as read, and only
    the `members` or custom fields you mean to change. The Python
    package's `onlyoffice_crm_client.patch.patch_case` does that.

    Args:
        caseid (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseEnvelope | ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        caseid=caseid,
    )

    response = client._send(kwargs)

    return _build_response(client=client, response=response)


def sync(
    caseid: int,
    *,
    client: AuthenticatedClient,
) -> Any | CaseEnvelope | ErrorEnvelope | str | None:
    """Get a case

     Answers with one case, in the same shape as the answer of an
    update: every Heading custom field included, with or without a
    value, and the case's access list when it is private. Source:
    `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L398-407
    (`GetCaseByID`) unless another file is named.

    - **404 means "not found or not yours".** A case that does not
      exist and a case the caller may not read both answer 404
      `Not found` (L404); there is no 403 for missing access. An id
      of 0 answers 404 too (L401); only an id too large for 32 bits
      answers 400.
    - **`members` holds only the contacts the caller may see**
      (L770-781; `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/ContactDao.cs`
      L1419-1426). Writing this list back with Update a case deletes
      the hidden members: leave `members` out of an update unless you
      mean to replace them.
    - **There is no version to compare.** The case has no modification
      date (none is read:
      `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs`
      L567-570), and the `ETag` header of every answer is a fresh random
      value (`module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs`
      L64): a read cannot detect that someone else changed the case
      before your update. The last writer wins.

    Read this first to change one thing safely with Update a case:
    send back `title`, `isPrivate` and `accessList` as read, and only
    the `members` or custom fields you mean to change. The Python
    package's `onlyoffice_crm_client.patch.patch_case` does that.

    Args:
        caseid (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CaseEnvelope | ErrorEnvelope | str
    """

    return sync_detailed(
        caseid=caseid,
        client=client,
    ).parsed


async def asyncio_detailed(
    caseid: int,
    *,
    client: AuthenticatedClient,
) -> Response[Any | CaseEnvelope | ErrorEnvelope | str]:
    """Get a case

     Answers with one case, in the same shape as the answer of an
    update: every Heading custom field included, with or without a
    value, and the case's access list when it is private. Source:
    `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L398-407
    (`GetCaseByID`) unless another file is named.

    - **404 means "not found or not yours".** A case that does not
      exist and a case the caller may not read both answer 404
      `Not found` (L404); there is no 403 for missing access. An id
      of 0 answers 404 too (L401); only an id too large for 32 bits
      answers 400.
    - **`members` holds only the contacts the caller may see**
      (L770-781; `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/ContactDao.cs`
      L1419-1426). Writing this list back with Update a case deletes
      the hidden members: leave `members` out of an update unless you
      mean to replace them.
    - **There is no version to compare.** The case has no modification
      date (none is read:
      `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs`
      L567-570), and the `ETag` header of every answer is a fresh random
      value (`module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs`
      L64): a read cannot detect that someone else changed the case
      before your update. The last writer wins.

    Read this first to change one thing safely with Update a case:
    send back `title`, `isPrivate` and `accessList` as read, and only
    the `members` or custom fields you mean to change. The Python
    package's `onlyoffice_crm_client.patch.patch_case` does that.

    Args:
        caseid (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseEnvelope | ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        caseid=caseid,
    )

    response = await client._send_async(kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    caseid: int,
    *,
    client: AuthenticatedClient,
) -> Any | CaseEnvelope | ErrorEnvelope | str | None:
    """Get a case

     Answers with one case, in the same shape as the answer of an
    update: every Heading custom field included, with or without a
    value, and the case's access list when it is private. Source:
    `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L398-407
    (`GetCaseByID`) unless another file is named.

    - **404 means "not found or not yours".** A case that does not
      exist and a case the caller may not read both answer 404
      `Not found` (L404); there is no 403 for missing access. An id
      of 0 answers 404 too (L401); only an id too large for 32 bits
      answers 400.
    - **`members` holds only the contacts the caller may see**
      (L770-781; `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/ContactDao.cs`
      L1419-1426). Writing this list back with Update a case deletes
      the hidden members: leave `members` out of an update unless you
      mean to replace them.
    - **There is no version to compare.** The case has no modification
      date (none is read:
      `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs`
      L567-570), and the `ETag` header of every answer is a fresh random
      value (`module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs`
      L64): a read cannot detect that someone else changed the case
      before your update. The last writer wins.

    Read this first to change one thing safely with Update a case:
    send back `title`, `isPrivate` and `accessList` as read, and only
    the `members` or custom fields you mean to change. The Python
    package's `onlyoffice_crm_client.patch.patch_case` does that.

    Args:
        caseid (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CaseEnvelope | ErrorEnvelope | str
    """

    return (
        await asyncio_detailed(
            caseid=caseid,
            client=client,
        )
    ).parsed
