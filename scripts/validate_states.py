"""Whether every example shows a state the server can produce (part of `make validate`).

The schema says what each value may be; these rules say which combinations
the server writes, each read from the server's source (CommunityServer
7c503dfb, cited at each rule): a contact's privacy fields agree with its
share type, a public case and a private member contact are editable, a text
field's mask is a JSON object of integers, a case's date has the server's
form. Each check returns one line per problem, starting with the JSON
pointer of the wrong value; scripts/validate.py adds the file line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from .spec import walk
from .spec_examples import Example


def contact_privacy_problems(examples: Sequence[Example]) -> list[str]:
    """One line for each contact in an example that the server could not write.

    ContactBaseWrapper sets isPrivate = (shareType == None), isShared = shareType
    is ReadWrite or Read, and the access list only when private (CommunityServer
    7c503dfb: module/ASC.Api/ASC.Api.CRM/Wrappers/ContactWrapper.cs L399-407).
    """
    problems: list[str] = []
    for where, contact in _example_nodes(examples, "shareType"):
        private = contact.get("shareType") == 0
        if contact.get("isPrivate") is not private:
            problems.append(f"{where}: isPrivate must be {str(private).lower()} for shareType {contact['shareType']}")
        if contact.get("isShared") is private:
            problems.append(
                f"{where}: isShared must be {str(not private).lower()} for shareType {contact['shareType']}"
            )
        if ("accessList" in contact) is not private:
            presence = "present" if private else "absent"
            problems.append(f"{where}: accessList must be {presence} for shareType {contact['shareType']}")
    return problems


# A case as ApiDateTime writes one from a `datetime` column: seven zero fractional digits and
# the offset, `Z` at zero (CommunityServer 7c503dfb: module/ASC.Api/ASC.Specific/ApiDateTime.cs L162-163).
SERVER_CASE_DATE = re.compile(
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]\.0000000(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)
# The integer settings the server writes into a text field's and a text area's mask
# (web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs L125-171, L201).
MASK_KEYS = {0: ("size",), 1: ("rows", "cols")}


def _example_nodes(examples: Sequence[Example], *keys: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every mapping inside an example value that has all of `keys`, with the pointer the file has for it."""
    for example in examples:
        for where, node in walk(example.value, example.value_pointer):
            if all(key in node for key in keys):
                yield where, node


def public_case_problems(examples: Sequence[Example]) -> list[str]:
    """One line for each public case in an example that is not editable.

    CanEdit(case) is admin || creator || !IsPrivate(case) || on its access list
    (web/studio/ASC.Web.Studio/Products/CRM/Core/Security/CRMSecutiry.cs L446-450).
    """
    return [
        f"{where}/canEdit: must be true for a public case (isPrivate false)"
        for where, case in _example_nodes(examples, "isClosed", "isPrivate", "canEdit")
        if case["isPrivate"] is False and case["canEdit"] is not True
    ]


def private_member_problems(examples: Sequence[Example]) -> list[str]:
    """One line for each private contact in an example that is not editable.

    A private contact is listed only for a caller who may access it, an admin or
    someone on its access list (ContactDao.cs L1419-1426, CRMSecutiry.cs L271-277),
    which is exactly who may edit it (CRMSecutiry.cs L436-439).
    """
    return [
        f"{where}/canEdit: must be true for a private contact (shareType 0)"
        for where, contact in _example_nodes(examples, "shareType", "canEdit")
        if contact["shareType"] == 0 and contact["canEdit"] is not True
    ]


def _integer_mask(text: Any, keys: tuple[str, ...]) -> bool:
    """Whether `text` is a JSON object of exactly `keys`, each with an integer value."""
    try:
        mask = json.loads(text)
    except (TypeError, ValueError):
        return False
    return isinstance(mask, dict) and sorted(mask) == sorted(keys) and all(type(mask[key]) is int for key in keys)


def mask_problems(examples: Sequence[Example]) -> list[str]:
    """One line for each text-field or text-area mask in an example that the server would not write."""
    problems = []
    for where, field in _example_nodes(examples, "fieldType", "mask"):
        keys = MASK_KEYS.get(field["fieldType"])
        if keys is not None and not _integer_mask(field["mask"], keys):
            expected = ", ".join(f'"{key}": <integer>' for key in keys)
            problems.append(
                f"{where}/mask: must be {{{expected}}} for fieldType {field['fieldType']}, not {field['mask']!r}"
            )
    return problems


def case_date_problems(examples: Sequence[Example]) -> list[str]:
    """One line for each case date in an example that is not in the server's form."""
    return [
        f"{where}/created: {case['created']!r} is not the server's case date (like 2024-03-04T10:20:30.0000000+03:00)"
        for where, case in _example_nodes(examples, "isClosed", "created")
        if not (isinstance(case["created"], str) and SERVER_CASE_DATE.match(case["created"]))
    ]


def state_problems(examples: Sequence[Example]) -> list[str]:
    """Every way an example (of find_examples) shows a state the server cannot produce."""
    return (
        contact_privacy_problems(examples)
        + public_case_problems(examples)
        + private_member_problems(examples)
        + mask_problems(examples)
        + case_date_problems(examples)
    )
