from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.case_envelope import CaseEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...models.update_case_request import UpdateCaseRequest
from ...types import Response, build_response, json_body, parse_json


def _get_kwargs(
    caseid: int,
    *,
    body: UpdateCaseRequest,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/2.0/crm/case/" + (str(caseid) if type(caseid) is int else quote(str(caseid), safe="")),
    }

    _kwargs["json"] = json_body(body)

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
    body: UpdateCaseRequest,
) -> Response[Any | CaseEnvelope | ErrorEnvelope | str]:
    """Update a case

     Changes a case's title, members, custom fields and privacy, and
    answers with the updated case. Needs edit rights on the case.
    Source: `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L195-238
    (`UpdateCases`) unless another file is named.

    What the server really does with the body, most surprising first:

    1. **The members trap.** A non-empty `members` list first deletes
       **every** current member, then adds the listed contacts that
       exist and that the caller may see. The list is filtered *after*
       the emptiness test, so a list whose ids are all unknown or
       hidden from the caller **removes every member**, including
       members the caller cannot see. An empty or missing list leaves
       the members alone. (L219-224;
       `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/AbstractDao.cs` L150-159.)
    2. **`" "` clears a custom field, and is the only way to clear
       one.** Entries with an empty `value` or an unknown `key` are
       skipped silently (L232); any other value is trimmed, the old
       value is deleted, and the new one is stored only if it is not
       empty after trimming. (`web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs`
    L70-84.)
    3. **`title`** is required and must not be empty (400 otherwise,
       L205); it is at most 255 characters, the size of its column
       (`build/sql/onlyoffice.sql` L410). The server does not check the
       length: a longer title is a database error (500) or is cut
       silently, depending on the database's mode. The table is `utf8`
       (three bytes a character at most, L408-421), so 4-byte
       characters such as emoji do not fit either. A title of only
       spaces is accepted as it is.
    4. **The update is not atomic.** The title is saved first, then the
       privacy, then the members, then each custom field, each on its
       own (L210-234): an error part way leaves the earlier steps done.
    5. **For single values, a query-string value beats the body's.**
       Values are collected from the route, then the query string, then
       the body (`module/ASC.Api/ASC.Api/Impl/ApiArgumentBuilder.cs`
       L150-158), and a single value takes the first one (L66), so
       `?title=x` overrides the body's `title`. The lists `members` and
       `accessList` take **all** of them: `?members=5` and a body's
       `members: [17]` make `[5, 17]` (L58-61;
       `module/ASC.Api/ASC.Api/Utils/Binder.cs` L249-256).
    6. **Bodies.** JSON (`application/json`), a form
       (`application/x-www-form-urlencoded` or `multipart/form-data`)
       and XML (`text/xml` only) bind; this document describes the JSON
       body. With **no `Content-Type`** the body is not read at all, so
       the update answers 400 for the missing title
       (`ApiArgumentBuilder.cs` L158, L209-218; `module/ASC.Api/ASC.Api/Constants.cs`
       L22-24). A JSON body that does not parse answers 400 (L190-197),
       but an XML body that does not parse answers **500**: its error
       is not wrapped (L162-179; `module/ASC.Api/ASC.Api/Impl/ApiHttpHandler.cs`
       L132-135).
    7. **Names.** `title`, `isPrivate`, `isNotify` and the lists of
       plain values, `members` and `accessList`, match case-insensitively.
       `customFieldList` must be spelled **exactly** so: its items bind
       by a case-sensitive prefix, and `CustomFieldList` is ignored
       without an error (`module/ASC.Api/ASC.Api/Utils/Binder.cs` L172-175,
       L203-209). Inside its items only `key`/`value` and `Key`/`Value`
       match (L182-191). A `caseid` in the body is ignored in favour of
       the path.
    8. **Privacy.** `isPrivate`, `accessList` and `isNotify` are
       applied only when the caller is a CRM administrator or the
       case's creator. For them, `isPrivate: true` with a non-empty
       `accessList` makes the case private (the caller is always added
       to the list), and `isNotify: true` notifies those users.
       Anything else, **including leaving `isPrivate` out, makes the
       case public** (L214-216, L268-298). The ids in `accessList` are
       not checked.
    9. **`null` lists.** `members: null` or `accessList: null` answer
       400: the null becomes an empty text that does not convert to a
       number or id (`Binder.cs` L249-256;
       `module/ASC.Api/ASC.Api/Utils/ConvertUtils.cs` L56-65;
       `ApiHttpHandler.cs` L128-130). `customFieldList: null` and a
       missing list change nothing.
    10. **A member with an unknown currency** makes the answer a 500
        **after** the update was saved: the server finds no such
        currency and its wrapper reads the missing one
        (`web/studio/ASC.Web.Studio/Products/CRM/Utils/CurrencyProvider.cs` L105-111,
        `module/ASC.Api/ASC.Api.CRM/Wrappers/CurrencyInfoWrapper.cs` L35-43).
    11. **No concurrency control.** Each answer's `ETag` is a new random
        value (`module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs` L64),
        `If-Match` is not read, and the update writes back `isClosed`
        as it read it at the start (`web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs`
        L191-198), so it can undo a close or reopen made at the same
        moment. To change a case you read, send `title`, and, as an
        administrator or the creator, `isPrivate` and `accessList`;
        leave out `members` and `customFieldList` unless you mean to
        change them.

    The body is read before the payment and permission checks, so a
    malformed body answers 400 even on an unpaid portal
    (`module/ASC.Api/ASC.Api/Impl/ApiManager.cs` L66-80).

    Args:
        caseid (int):
        body (UpdateCaseRequest): The body of Update a case. The server matches `title`,
            `members`,
            `accessList`, `isPrivate` and `isNotify` case-insensitively, but
            `customFieldList` only as spelled here (see the operation's
            description); these are the documented spellings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseEnvelope | ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        caseid=caseid,
        body=body,
    )

    response = client._send(kwargs)

    return _build_response(client=client, response=response)


def sync(
    caseid: int,
    *,
    client: AuthenticatedClient,
    body: UpdateCaseRequest,
) -> Any | CaseEnvelope | ErrorEnvelope | str | None:
    """Update a case

     Changes a case's title, members, custom fields and privacy, and
    answers with the updated case. Needs edit rights on the case.
    Source: `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L195-238
    (`UpdateCases`) unless another file is named.

    What the server really does with the body, most surprising first:

    1. **The members trap.** A non-empty `members` list first deletes
       **every** current member, then adds the listed contacts that
       exist and that the caller may see. The list is filtered *after*
       the emptiness test, so a list whose ids are all unknown or
       hidden from the caller **removes every member**, including
       members the caller cannot see. An empty or missing list leaves
       the members alone. (L219-224;
       `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/AbstractDao.cs` L150-159.)
    2. **`" "` clears a custom field, and is the only way to clear
       one.** Entries with an empty `value` or an unknown `key` are
       skipped silently (L232); any other value is trimmed, the old
       value is deleted, and the new one is stored only if it is not
       empty after trimming. (`web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs`
    L70-84.)
    3. **`title`** is required and must not be empty (400 otherwise,
       L205); it is at most 255 characters, the size of its column
       (`build/sql/onlyoffice.sql` L410). The server does not check the
       length: a longer title is a database error (500) or is cut
       silently, depending on the database's mode. The table is `utf8`
       (three bytes a character at most, L408-421), so 4-byte
       characters such as emoji do not fit either. A title of only
       spaces is accepted as it is.
    4. **The update is not atomic.** The title is saved first, then the
       privacy, then the members, then each custom field, each on its
       own (L210-234): an error part way leaves the earlier steps done.
    5. **For single values, a query-string value beats the body's.**
       Values are collected from the route, then the query string, then
       the body (`module/ASC.Api/ASC.Api/Impl/ApiArgumentBuilder.cs`
       L150-158), and a single value takes the first one (L66), so
       `?title=x` overrides the body's `title`. The lists `members` and
       `accessList` take **all** of them: `?members=5` and a body's
       `members: [17]` make `[5, 17]` (L58-61;
       `module/ASC.Api/ASC.Api/Utils/Binder.cs` L249-256).
    6. **Bodies.** JSON (`application/json`), a form
       (`application/x-www-form-urlencoded` or `multipart/form-data`)
       and XML (`text/xml` only) bind; this document describes the JSON
       body. With **no `Content-Type`** the body is not read at all, so
       the update answers 400 for the missing title
       (`ApiArgumentBuilder.cs` L158, L209-218; `module/ASC.Api/ASC.Api/Constants.cs`
       L22-24). A JSON body that does not parse answers 400 (L190-197),
       but an XML body that does not parse answers **500**: its error
       is not wrapped (L162-179; `module/ASC.Api/ASC.Api/Impl/ApiHttpHandler.cs`
       L132-135).
    7. **Names.** `title`, `isPrivate`, `isNotify` and the lists of
       plain values, `members` and `accessList`, match case-insensitively.
       `customFieldList` must be spelled **exactly** so: its items bind
       by a case-sensitive prefix, and `CustomFieldList` is ignored
       without an error (`module/ASC.Api/ASC.Api/Utils/Binder.cs` L172-175,
       L203-209). Inside its items only `key`/`value` and `Key`/`Value`
       match (L182-191). A `caseid` in the body is ignored in favour of
       the path.
    8. **Privacy.** `isPrivate`, `accessList` and `isNotify` are
       applied only when the caller is a CRM administrator or the
       case's creator. For them, `isPrivate: true` with a non-empty
       `accessList` makes the case private (the caller is always added
       to the list), and `isNotify: true` notifies those users.
       Anything else, **including leaving `isPrivate` out, makes the
       case public** (L214-216, L268-298). The ids in `accessList` are
       not checked.
    9. **`null` lists.** `members: null` or `accessList: null` answer
       400: the null becomes an empty text that does not convert to a
       number or id (`Binder.cs` L249-256;
       `module/ASC.Api/ASC.Api/Utils/ConvertUtils.cs` L56-65;
       `ApiHttpHandler.cs` L128-130). `customFieldList: null` and a
       missing list change nothing.
    10. **A member with an unknown currency** makes the answer a 500
        **after** the update was saved: the server finds no such
        currency and its wrapper reads the missing one
        (`web/studio/ASC.Web.Studio/Products/CRM/Utils/CurrencyProvider.cs` L105-111,
        `module/ASC.Api/ASC.Api.CRM/Wrappers/CurrencyInfoWrapper.cs` L35-43).
    11. **No concurrency control.** Each answer's `ETag` is a new random
        value (`module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs` L64),
        `If-Match` is not read, and the update writes back `isClosed`
        as it read it at the start (`web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs`
        L191-198), so it can undo a close or reopen made at the same
        moment. To change a case you read, send `title`, and, as an
        administrator or the creator, `isPrivate` and `accessList`;
        leave out `members` and `customFieldList` unless you mean to
        change them.

    The body is read before the payment and permission checks, so a
    malformed body answers 400 even on an unpaid portal
    (`module/ASC.Api/ASC.Api/Impl/ApiManager.cs` L66-80).

    Args:
        caseid (int):
        body (UpdateCaseRequest): The body of Update a case. The server matches `title`,
            `members`,
            `accessList`, `isPrivate` and `isNotify` case-insensitively, but
            `customFieldList` only as spelled here (see the operation's
            description); these are the documented spellings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CaseEnvelope | ErrorEnvelope | str
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
) -> Response[Any | CaseEnvelope | ErrorEnvelope | str]:
    """Update a case

     Changes a case's title, members, custom fields and privacy, and
    answers with the updated case. Needs edit rights on the case.
    Source: `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L195-238
    (`UpdateCases`) unless another file is named.

    What the server really does with the body, most surprising first:

    1. **The members trap.** A non-empty `members` list first deletes
       **every** current member, then adds the listed contacts that
       exist and that the caller may see. The list is filtered *after*
       the emptiness test, so a list whose ids are all unknown or
       hidden from the caller **removes every member**, including
       members the caller cannot see. An empty or missing list leaves
       the members alone. (L219-224;
       `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/AbstractDao.cs` L150-159.)
    2. **`" "` clears a custom field, and is the only way to clear
       one.** Entries with an empty `value` or an unknown `key` are
       skipped silently (L232); any other value is trimmed, the old
       value is deleted, and the new one is stored only if it is not
       empty after trimming. (`web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs`
    L70-84.)
    3. **`title`** is required and must not be empty (400 otherwise,
       L205); it is at most 255 characters, the size of its column
       (`build/sql/onlyoffice.sql` L410). The server does not check the
       length: a longer title is a database error (500) or is cut
       silently, depending on the database's mode. The table is `utf8`
       (three bytes a character at most, L408-421), so 4-byte
       characters such as emoji do not fit either. A title of only
       spaces is accepted as it is.
    4. **The update is not atomic.** The title is saved first, then the
       privacy, then the members, then each custom field, each on its
       own (L210-234): an error part way leaves the earlier steps done.
    5. **For single values, a query-string value beats the body's.**
       Values are collected from the route, then the query string, then
       the body (`module/ASC.Api/ASC.Api/Impl/ApiArgumentBuilder.cs`
       L150-158), and a single value takes the first one (L66), so
       `?title=x` overrides the body's `title`. The lists `members` and
       `accessList` take **all** of them: `?members=5` and a body's
       `members: [17]` make `[5, 17]` (L58-61;
       `module/ASC.Api/ASC.Api/Utils/Binder.cs` L249-256).
    6. **Bodies.** JSON (`application/json`), a form
       (`application/x-www-form-urlencoded` or `multipart/form-data`)
       and XML (`text/xml` only) bind; this document describes the JSON
       body. With **no `Content-Type`** the body is not read at all, so
       the update answers 400 for the missing title
       (`ApiArgumentBuilder.cs` L158, L209-218; `module/ASC.Api/ASC.Api/Constants.cs`
       L22-24). A JSON body that does not parse answers 400 (L190-197),
       but an XML body that does not parse answers **500**: its error
       is not wrapped (L162-179; `module/ASC.Api/ASC.Api/Impl/ApiHttpHandler.cs`
       L132-135).
    7. **Names.** `title`, `isPrivate`, `isNotify` and the lists of
       plain values, `members` and `accessList`, match case-insensitively.
       `customFieldList` must be spelled **exactly** so: its items bind
       by a case-sensitive prefix, and `CustomFieldList` is ignored
       without an error (`module/ASC.Api/ASC.Api/Utils/Binder.cs` L172-175,
       L203-209). Inside its items only `key`/`value` and `Key`/`Value`
       match (L182-191). A `caseid` in the body is ignored in favour of
       the path.
    8. **Privacy.** `isPrivate`, `accessList` and `isNotify` are
       applied only when the caller is a CRM administrator or the
       case's creator. For them, `isPrivate: true` with a non-empty
       `accessList` makes the case private (the caller is always added
       to the list), and `isNotify: true` notifies those users.
       Anything else, **including leaving `isPrivate` out, makes the
       case public** (L214-216, L268-298). The ids in `accessList` are
       not checked.
    9. **`null` lists.** `members: null` or `accessList: null` answer
       400: the null becomes an empty text that does not convert to a
       number or id (`Binder.cs` L249-256;
       `module/ASC.Api/ASC.Api/Utils/ConvertUtils.cs` L56-65;
       `ApiHttpHandler.cs` L128-130). `customFieldList: null` and a
       missing list change nothing.
    10. **A member with an unknown currency** makes the answer a 500
        **after** the update was saved: the server finds no such
        currency and its wrapper reads the missing one
        (`web/studio/ASC.Web.Studio/Products/CRM/Utils/CurrencyProvider.cs` L105-111,
        `module/ASC.Api/ASC.Api.CRM/Wrappers/CurrencyInfoWrapper.cs` L35-43).
    11. **No concurrency control.** Each answer's `ETag` is a new random
        value (`module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs` L64),
        `If-Match` is not read, and the update writes back `isClosed`
        as it read it at the start (`web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs`
        L191-198), so it can undo a close or reopen made at the same
        moment. To change a case you read, send `title`, and, as an
        administrator or the creator, `isPrivate` and `accessList`;
        leave out `members` and `customFieldList` unless you mean to
        change them.

    The body is read before the payment and permission checks, so a
    malformed body answers 400 even on an unpaid portal
    (`module/ASC.Api/ASC.Api/Impl/ApiManager.cs` L66-80).

    Args:
        caseid (int):
        body (UpdateCaseRequest): The body of Update a case. The server matches `title`,
            `members`,
            `accessList`, `isPrivate` and `isNotify` case-insensitively, but
            `customFieldList` only as spelled here (see the operation's
            description); these are the documented spellings.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CaseEnvelope | ErrorEnvelope | str]
    """

    kwargs = _get_kwargs(
        caseid=caseid,
        body=body,
    )

    response = await client._send_async(kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    caseid: int,
    *,
    client: AuthenticatedClient,
    body: UpdateCaseRequest,
) -> Any | CaseEnvelope | ErrorEnvelope | str | None:
    """Update a case

     Changes a case's title, members, custom fields and privacy, and
    answers with the updated case. Needs edit rights on the case.
    Source: `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L195-238
    (`UpdateCases`) unless another file is named.

    What the server really does with the body, most surprising first:

    1. **The members trap.** A non-empty `members` list first deletes
       **every** current member, then adds the listed contacts that
       exist and that the caller may see. The list is filtered *after*
       the emptiness test, so a list whose ids are all unknown or
       hidden from the caller **removes every member**, including
       members the caller cannot see. An empty or missing list leaves
       the members alone. (L219-224;
       `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/AbstractDao.cs` L150-159.)
    2. **`" "` clears a custom field, and is the only way to clear
       one.** Entries with an empty `value` or an unknown `key` are
       skipped silently (L232); any other value is trimmed, the old
       value is deleted, and the new one is stored only if it is not
       empty after trimming. (`web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs`
    L70-84.)
    3. **`title`** is required and must not be empty (400 otherwise,
       L205); it is at most 255 characters, the size of its column
       (`build/sql/onlyoffice.sql` L410). The server does not check the
       length: a longer title is a database error (500) or is cut
       silently, depending on the database's mode. The table is `utf8`
       (three bytes a character at most, L408-421), so 4-byte
       characters such as emoji do not fit either. A title of only
       spaces is accepted as it is.
    4. **The update is not atomic.** The title is saved first, then the
       privacy, then the members, then each custom field, each on its
       own (L210-234): an error part way leaves the earlier steps done.
    5. **For single values, a query-string value beats the body's.**
       Values are collected from the route, then the query string, then
       the body (`module/ASC.Api/ASC.Api/Impl/ApiArgumentBuilder.cs`
       L150-158), and a single value takes the first one (L66), so
       `?title=x` overrides the body's `title`. The lists `members` and
       `accessList` take **all** of them: `?members=5` and a body's
       `members: [17]` make `[5, 17]` (L58-61;
       `module/ASC.Api/ASC.Api/Utils/Binder.cs` L249-256).
    6. **Bodies.** JSON (`application/json`), a form
       (`application/x-www-form-urlencoded` or `multipart/form-data`)
       and XML (`text/xml` only) bind; this document describes the JSON
       body. With **no `Content-Type`** the body is not read at all, so
       the update answers 400 for the missing title
       (`ApiArgumentBuilder.cs` L158, L209-218; `module/ASC.Api/ASC.Api/Constants.cs`
       L22-24). A JSON body that does not parse answers 400 (L190-197),
       but an XML body that does not parse answers **500**: its error
       is not wrapped (L162-179; `module/ASC.Api/ASC.Api/Impl/ApiHttpHandler.cs`
       L132-135).
    7. **Names.** `title`, `isPrivate`, `isNotify` and the lists of
       plain values, `members` and `accessList`, match case-insensitively.
       `customFieldList` must be spelled **exactly** so: its items bind
       by a case-sensitive prefix, and `CustomFieldList` is ignored
       without an error (`module/ASC.Api/ASC.Api/Utils/Binder.cs` L172-175,
       L203-209). Inside its items only `key`/`value` and `Key`/`Value`
       match (L182-191). A `caseid` in the body is ignored in favour of
       the path.
    8. **Privacy.** `isPrivate`, `accessList` and `isNotify` are
       applied only when the caller is a CRM administrator or the
       case's creator. For them, `isPrivate: true` with a non-empty
       `accessList` makes the case private (the caller is always added
       to the list), and `isNotify: true` notifies those users.
       Anything else, **including leaving `isPrivate` out, makes the
       case public** (L214-216, L268-298). The ids in `accessList` are
       not checked.
    9. **`null` lists.** `members: null` or `accessList: null` answer
       400: the null becomes an empty text that does not convert to a
       number or id (`Binder.cs` L249-256;
       `module/ASC.Api/ASC.Api/Utils/ConvertUtils.cs` L56-65;
       `ApiHttpHandler.cs` L128-130). `customFieldList: null` and a
       missing list change nothing.
    10. **A member with an unknown currency** makes the answer a 500
        **after** the update was saved: the server finds no such
        currency and its wrapper reads the missing one
        (`web/studio/ASC.Web.Studio/Products/CRM/Utils/CurrencyProvider.cs` L105-111,
        `module/ASC.Api/ASC.Api.CRM/Wrappers/CurrencyInfoWrapper.cs` L35-43).
    11. **No concurrency control.** Each answer's `ETag` is a new random
        value (`module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs` L64),
        `If-Match` is not read, and the update writes back `isClosed`
        as it read it at the start (`web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CasesDao.cs`
        L191-198), so it can undo a close or reopen made at the same
        moment. To change a case you read, send `title`, and, as an
        administrator or the creator, `isPrivate` and `accessList`;
        leave out `members` and `customFieldList` unless you mean to
        change them.

    The body is read before the payment and permission checks, so a
    malformed body answers 400 even on an unpaid portal
    (`module/ASC.Api/ASC.Api/Impl/ApiManager.cs` L66-80).

    Args:
        caseid (int):
        body (UpdateCaseRequest): The body of Update a case. The server matches `title`,
            `members`,
            `accessList`, `isPrivate` and `isNotify` case-insensitively, but
            `customFieldList` only as spelled here (see the operation's
            description); these are the documented spellings.

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
            body=body,
        )
    ).parsed
