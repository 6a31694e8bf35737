from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_envelope import CaseEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.update_case_request import UpdateCaseRequest
from ...types import Response, build_response


def _get_kwargs(
    caseid: int,
    *,
    body: UpdateCaseRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/2.0/crm/case/{caseid}".format(
            caseid=quote(str(caseid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CaseEnvelope | ErrorEnvelope | str | None:
    if response.status_code == 200:
        response_200 = CaseEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = response.text
        return response_401

    if response.status_code == 402:
        response_402 = ErrorEnvelope.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = ErrorEnvelope.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CaseEnvelope | ErrorEnvelope | str]:
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
    body: UpdateCaseRequest,
) -> Response[CaseEnvelope | ErrorEnvelope | str]:
    """Update a case

     Changes a case's title, members, custom fields and privacy, and
    answers with the updated case.

    What the server really does with the body:

    - `title` is required and must not be empty (400 otherwise).
    - `members`, when non-empty, **replaces** the case's members with
      these contacts (those the caller may not see are dropped). An
      empty or missing list leaves the members as they are.
    - `customFieldList` entries with an empty `value` or an unknown
      field `key` are **skipped silently**.
    - `isPrivate`, `accessList` and `isNotify` are applied only when the
      caller is a CRM administrator or the case's creator. For them,
      `isPrivate: true` with a non-empty `accessList` makes the case
      private (the caller is always added to the list), and
      `isNotify: true` notifies those users. Anything else, **including
      leaving `isPrivate` out, makes the case public**.
    - Body property names are matched case-insensitively; a `caseid` in
      the body is ignored in favour of the path.

    Needs edit rights on the case.

    Args:
        caseid (int):
        body (UpdateCaseRequest): The body of Update a case. Property names are matched
            case-insensitively by the server; these are the documented spellings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseEnvelope | ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        caseid=caseid,
        body=body,
    )

    try:
        response = client.get_httpx_client().request(
            **kwargs,
        )
    except httpx.TransportError as error:
        raise errors.transport_error(error) from error

    return _build_response(client=client, response=response)


def sync(
    caseid: int,
    *,
    client: AuthenticatedClient,
    body: UpdateCaseRequest,
) -> CaseEnvelope | ErrorEnvelope | str | None:
    """Update a case

     Changes a case's title, members, custom fields and privacy, and
    answers with the updated case.

    What the server really does with the body:

    - `title` is required and must not be empty (400 otherwise).
    - `members`, when non-empty, **replaces** the case's members with
      these contacts (those the caller may not see are dropped). An
      empty or missing list leaves the members as they are.
    - `customFieldList` entries with an empty `value` or an unknown
      field `key` are **skipped silently**.
    - `isPrivate`, `accessList` and `isNotify` are applied only when the
      caller is a CRM administrator or the case's creator. For them,
      `isPrivate: true` with a non-empty `accessList` makes the case
      private (the caller is always added to the list), and
      `isNotify: true` notifies those users. Anything else, **including
      leaving `isPrivate` out, makes the case public**.
    - Body property names are matched case-insensitively; a `caseid` in
      the body is ignored in favour of the path.

    Needs edit rights on the case.

    Args:
        caseid (int):
        body (UpdateCaseRequest): The body of Update a case. Property names are matched
            case-insensitively by the server; these are the documented spellings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseEnvelope | ErrorEnvelope | str
    """

    return sync_detailed(
        caseid=caseid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    caseid: int,
    *,
    client: AuthenticatedClient,
    body: UpdateCaseRequest,
) -> Response[CaseEnvelope | ErrorEnvelope | str]:
    """Update a case

     Changes a case's title, members, custom fields and privacy, and
    answers with the updated case.

    What the server really does with the body:

    - `title` is required and must not be empty (400 otherwise).
    - `members`, when non-empty, **replaces** the case's members with
      these contacts (those the caller may not see are dropped). An
      empty or missing list leaves the members as they are.
    - `customFieldList` entries with an empty `value` or an unknown
      field `key` are **skipped silently**.
    - `isPrivate`, `accessList` and `isNotify` are applied only when the
      caller is a CRM administrator or the case's creator. For them,
      `isPrivate: true` with a non-empty `accessList` makes the case
      private (the caller is always added to the list), and
      `isNotify: true` notifies those users. Anything else, **including
      leaving `isPrivate` out, makes the case public**.
    - Body property names are matched case-insensitively; a `caseid` in
      the body is ignored in favour of the path.

    Needs edit rights on the case.

    Args:
        caseid (int):
        body (UpdateCaseRequest): The body of Update a case. Property names are matched
            case-insensitively by the server; these are the documented spellings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CaseEnvelope | ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        caseid=caseid,
        body=body,
    )

    try:
        response = await client.get_async_httpx_client().request(**kwargs)
    except httpx.TransportError as error:
        raise errors.transport_error(error) from error

    return _build_response(client=client, response=response)


async def asyncio(
    caseid: int,
    *,
    client: AuthenticatedClient,
    body: UpdateCaseRequest,
) -> CaseEnvelope | ErrorEnvelope | str | None:
    """Update a case

     Changes a case's title, members, custom fields and privacy, and
    answers with the updated case.

    What the server really does with the body:

    - `title` is required and must not be empty (400 otherwise).
    - `members`, when non-empty, **replaces** the case's members with
      these contacts (those the caller may not see are dropped). An
      empty or missing list leaves the members as they are.
    - `customFieldList` entries with an empty `value` or an unknown
      field `key` are **skipped silently**.
    - `isPrivate`, `accessList` and `isNotify` are applied only when the
      caller is a CRM administrator or the case's creator. For them,
      `isPrivate: true` with a non-empty `accessList` makes the case
      private (the caller is always added to the list), and
      `isNotify: true` notifies those users. Anything else, **including
      leaving `isPrivate` out, makes the case public**.
    - Body property names are matched case-insensitively; a `caseid` in
      the body is ignored in favour of the path.

    Needs edit rights on the case.

    Args:
        caseid (int):
        body (UpdateCaseRequest): The body of Update a case. Property names are matched
            case-insensitively by the server; these are the documented spellings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CaseEnvelope | ErrorEnvelope | str
    """

    return (
        await asyncio_detailed(
            caseid=caseid,
            client=client,
            body=body,
        )
    ).parsed
