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
        "method": "put",
        "url": "/api/2.0/crm/case/" + (str(caseid) if type(caseid) is int else quote(str(caseid), safe="")) + "/reopen",
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
    """Reopen a case

     Marks a case as open and answers with the case.

    The server does not check that the case was closed, so the call is
    **idempotent**: reopening an open case succeeds and changes nothing.
    It needs **read access** to the case only, not edit rights. No
    request body is needed. Unlike an update, it writes an entry in the
    audit log. (Source: `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs`
    L80-89, `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs` L142-160.)

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
    """Reopen a case

     Marks a case as open and answers with the case.

    The server does not check that the case was closed, so the call is
    **idempotent**: reopening an open case succeeds and changes nothing.
    It needs **read access** to the case only, not edit rights. No
    request body is needed. Unlike an update, it writes an entry in the
    audit log. (Source: `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs`
    L80-89, `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs` L142-160.)

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
    """Reopen a case

     Marks a case as open and answers with the case.

    The server does not check that the case was closed, so the call is
    **idempotent**: reopening an open case succeeds and changes nothing.
    It needs **read access** to the case only, not edit rights. No
    request body is needed. Unlike an update, it writes an entry in the
    audit log. (Source: `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs`
    L80-89, `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs` L142-160.)

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
    """Reopen a case

     Marks a case as open and answers with the case.

    The server does not check that the case was closed, so the call is
    **idempotent**: reopening an open case succeeds and changes nothing.
    It needs **read access** to the case only, not edit rights. No
    request body is needed. Unlike an update, it writes an entry in the
    audit log. (Source: `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs`
    L80-89, `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs` L142-160.)

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
