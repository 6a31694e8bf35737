from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors
from ..types import MISSING, UNSET, Unset, model_eq, model_repr, strict_parsing

T = TypeVar("T", bound="Employee")


@_attrs_define
class Employee:
    """A portal user."""

    id: UUID
    """ Id of the user. A deleted user, an unknown id and a **group**
    (in an access list) all come back as one placeholder user, id
    `4a515a15-d4d6-4b8e-828e-e0586f18f3a3`, whatever id was stored
    (source: `module/ASC.Api/ASC.Employee/EmployeeWraper.cs` L101-111,
    `common/ASC.Core.Common/Context/Impl/UserManager.cs` L134-139,
    `common/ASC.Core.Common/Users/Constants.cs` L99-105).
     """
    display_name: str
    """ Name of the user as the portal shows it. """
    avatar_small: str
    """ Path of the user's small avatar, relative to the portal; may end in `?_=<hash>`. """
    profile_url: str
    """ Absolute URL of the user's profile page. Empty only for the
    empty id `00000000-0000-0000-0000-000000000000` (source:
    `module/ASC.Api/ASC.Employee/EmployeeWraper.cs` L91-98).
     """
    title: str | Unset = UNSET
    """ Job title of the user. Left out when the user has none. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)
    missing_fields: tuple[str, ...] = _attrs_field(init=False, factory=tuple)
    """ Required fields the server's answer left out (reading one raises errors.MissingField). """

    __getstate__ = object.__getstate__

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            raise errors.MissingField(type(self).__name__, name)

    def __repr__(self) -> str:
        return model_repr(self)

    class _Fast(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
        """The body as the spec describes it exactly: msgspec refuses anything else, and from_dict parses it."""

        id: UUID = msgspec.field(name="id")
        display_name: str = msgspec.field(name="displayName")
        avatar_small: str = msgspec.field(name="avatarSmall")
        profile_url: str = msgspec.field(name="profileUrl")
        title: str | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="title")

    @classmethod
    def _from_fast(cls: type[T], fast: Any) -> T:
        """The model of a body the fast path decoded (`fast` is a `_Fast`)."""
        return cls(
            id=fast.id,
            display_name=fast.display_name,
            avatar_small=fast.avatar_small,
            profile_url=fast.profile_url,
            title=UNSET if fast.title is msgspec.UNSET else fast.title,
        )

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        _missing = self.missing_fields
        if "id" not in _missing:
            id = str(self.id)
            field_dict["id"] = id

        if "display_name" not in _missing:
            display_name = self.display_name
            field_dict["displayName"] = display_name

        if "avatar_small" not in _missing:
            avatar_small = self.avatar_small
            field_dict["avatarSmall"] = avatar_small

        if "profile_url" not in _missing:
            profile_url = self.profile_url
            field_dict["profileUrl"] = profile_url

        title = self.title
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # the ABC check only when needed
            raise errors.ParseError("", f"expected an object, found {type(src_dict).__name__}")
        d = dict(src_dict)
        missing: dict[str, str] = {}
        _raw_value: Any
        _raw_value = d.pop("id", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("id", "expected UUID, found " + type(_raw_value).__name__)
            try:
                id = UUID(_raw_value)

            except Exception as exc_:
                raise errors.ParseError.inside("id", exc_) from None

        else:
            id = MISSING
            missing["id"] = "id"

        _raw_value = d.pop("displayName", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("displayName", "expected str, found " + type(_raw_value).__name__)
            display_name = _raw_value

        else:
            display_name = MISSING
            missing["displayName"] = "display_name"

        _raw_value = d.pop("avatarSmall", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("avatarSmall", "expected str, found " + type(_raw_value).__name__)
            avatar_small = _raw_value

        else:
            avatar_small = MISSING
            missing["avatarSmall"] = "avatar_small"

        _raw_value = d.pop("profileUrl", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("profileUrl", "expected str, found " + type(_raw_value).__name__)
            profile_url = _raw_value

        else:
            profile_url = MISSING
            missing["profileUrl"] = "profile_url"

        _raw_value = d.pop("title", UNSET)
        _typed = _raw_value is UNSET or isinstance(_raw_value, str)  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("title", "expected str, found " + type(_raw_value).__name__)
        title = _raw_value

        employee = cls(
            id=id,
            display_name=display_name,
            avatar_small=avatar_small,
            profile_url=profile_url,
            title=title,
        )

        if missing:
            if len(missing) == 4:
                raise errors.ParseError("", "none of the properties Employee requires is there")
            if strict_parsing.get():
                raise errors.ParseError(next(iter(missing)), "a required property is missing")
            for name in missing.values():
                object.__delattr__(employee, name)
            employee.missing_fields = tuple(missing.values())
        if d and strict_parsing.get():
            raise errors.ParseError(next(iter(d)), "a property the spec does not define")

        employee.additional_properties = d
        return employee

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
