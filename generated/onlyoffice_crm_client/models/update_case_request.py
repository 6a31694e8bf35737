from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors
from ..types import MISSING, UNSET, Unset, model_eq, model_repr, strict_parsing

if TYPE_CHECKING:
    from ..models.custom_field_value import CustomFieldValue


T = TypeVar("T", bound="UpdateCaseRequest")


@_attrs_define
class UpdateCaseRequest:
    """The body of Update a case. The server matches `title`, `members`,
    `accessList`, `isPrivate` and `isNotify` case-insensitively, but
    `customFieldList` only as spelled here (see the operation's
    description); these are the documented spellings.

    """

    title: str
    """ New title of the case. Required, not empty, at most 255
    characters (the column is `varchar(255)`; source:
    `build/sql/onlyoffice.sql` L410), which the server does not
    check itself; no 4-byte characters such as emoji (the column is
    `utf8`). A title of only spaces is accepted. A `title` in the
    query string wins over this one.
     """
    members: list[int] | Unset = UNSET
    """ Ids of the contacts that become the case's members. A non-empty
    list removes **every** current member, then adds the listed
    contacts that exist and that the caller may see: a list of only
    unknown or hidden ids leaves the case with no members. An empty
    or missing list leaves them unchanged; `null` answers 400 (source:
    `module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L219-224). Ids in
    the query string are added to these.
     """
    custom_field_list: list[CustomFieldValue] | Unset = UNSET
    """ Values to set on the case's custom fields. Entries with an empty
    value or an unknown field id are skipped silently
    (`module/ASC.Api/ASC.Api.CRM/CRMApi.Cases.cs` L227-234); a value
    of only spaces (`" "`) clears the field (source:
    `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/CustomFieldDao.cs` L70-84).
    Spell the name exactly `customFieldList`: another case, such as
    `CustomFieldList`, is ignored without an error
    (`module/ASC.Api/ASC.Api/Utils/Binder.cs` L172-175, L203-209).
     """
    is_private: bool | Unset = UNSET
    """ Make the case private (`true`, with a non-empty `accessList`) or
    public. Applied only for a CRM administrator or the case's
    creator, for whom leaving it out makes the case public.
     """
    access_list: list[UUID] | Unset = UNSET
    """ Ids of the users who may see a private case. The caller is always
    added. Used only with `isPrivate: true`; `null` answers 400, and
    ids in the query string are added to these.
     """
    is_notify: bool | Unset = UNSET
    """ Notify the users of `accessList` that they were given access to the case. """
    caseid: int | Unset = UNSET
    """ Accepted for compatibility with the vendor's pages and ignored:
    the `caseid` of the path wins.
     """
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

        title: str = msgspec.field(name="title")
        members: list[int] | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="members")
        custom_field_list: list[CustomFieldValue._Fast] | msgspec.UnsetType = msgspec.field(
            default=msgspec.UNSET, name="customFieldList"
        )
        is_private: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="isPrivate")
        access_list: list[UUID] | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="accessList")
        is_notify: bool | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="isNotify")
        caseid: int | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="caseid")

    @classmethod
    def _from_fast(cls: type[T], fast: Any) -> T:
        """The model of a body the fast path decoded (`fast` is a `_Fast`)."""
        return cls(
            title=fast.title,
            members=UNSET if fast.members is msgspec.UNSET else [_item for _item in fast.members],
            custom_field_list=UNSET
            if fast.custom_field_list is msgspec.UNSET
            else [CustomFieldValue._from_fast(_item) for _item in fast.custom_field_list],
            is_private=UNSET if fast.is_private is msgspec.UNSET else fast.is_private,
            access_list=UNSET if fast.access_list is msgspec.UNSET else [_item for _item in fast.access_list],
            is_notify=UNSET if fast.is_notify is msgspec.UNSET else fast.is_notify,
            caseid=UNSET if fast.caseid is msgspec.UNSET else fast.caseid,
        )

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        _missing = self.missing_fields
        if "title" not in _missing:
            title = self.title
            field_dict["title"] = title

        members: list[int] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = self.members

        if members is not UNSET:
            field_dict["members"] = members

        custom_field_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.custom_field_list, Unset):
            custom_field_list = []
            for custom_field_list_item_data in self.custom_field_list:
                custom_field_list_item = custom_field_list_item_data.to_dict()
                custom_field_list.append(custom_field_list_item)

        if custom_field_list is not UNSET:
            field_dict["customFieldList"] = custom_field_list

        is_private = self.is_private
        if is_private is not UNSET:
            field_dict["isPrivate"] = is_private

        access_list: list[str] | Unset = UNSET
        if not isinstance(self.access_list, Unset):
            access_list = []
            for access_list_item_data in self.access_list:
                access_list_item = str(access_list_item_data)
                access_list.append(access_list_item)

        if access_list is not UNSET:
            field_dict["accessList"] = access_list

        is_notify = self.is_notify
        if is_notify is not UNSET:
            field_dict["isNotify"] = is_notify

        caseid = self.caseid
        if caseid is not UNSET:
            field_dict["caseid"] = caseid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # the ABC check only when needed
            raise errors.ParseError("", f"expected an object, found {type(src_dict).__name__}")
        d = dict(src_dict)
        missing: dict[str, str] = {}
        _raw_value: Any
        _raw_value = d.pop("title", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("title", "expected str, found " + type(_raw_value).__name__)
            title = _raw_value

        else:
            title = MISSING
            missing["title"] = "title"

        _raw_value = d.pop("members", UNSET)
        _typed = _raw_value is UNSET or isinstance(_raw_value, list)  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("members", "expected list[int], found " + type(_raw_value).__name__)
        if isinstance(_raw_value, list):  # its items, each with the test of one value of their kind
            for _raw_value_item in _raw_value:
                if not (type(_raw_value_item) is int):
                    raise errors.ParseError("members[*]", "expected int, found " + type(_raw_value_item).__name__)
        try:
            members = cast(list[int], _raw_value)

        except Exception as exc_:
            raise errors.ParseError.inside("members[*]", exc_) from None

        _raw_value = d.pop("customFieldList", UNSET)
        _typed = _raw_value is UNSET or isinstance(_raw_value, list)  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError(
                "customFieldList", "expected list[CustomFieldValue], found " + type(_raw_value).__name__
            )
        try:
            _custom_field_list = _raw_value
            custom_field_list: list[CustomFieldValue] | Unset = UNSET
            if _custom_field_list is not UNSET:
                custom_field_list = []
                for custom_field_list_item_data in _custom_field_list:
                    custom_field_list_item = CustomFieldValue.from_dict(custom_field_list_item_data)

                    custom_field_list.append(custom_field_list_item)

        except Exception as exc_:
            raise errors.ParseError.inside("customFieldList[*]", exc_) from None

        _raw_value = d.pop("isPrivate", UNSET)
        _typed = _raw_value is UNSET or type(_raw_value) is bool  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("isPrivate", "expected bool, found " + type(_raw_value).__name__)
        is_private = _raw_value

        _raw_value = d.pop("accessList", UNSET)
        _typed = _raw_value is UNSET or isinstance(_raw_value, list)  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("accessList", "expected list[UUID], found " + type(_raw_value).__name__)
        if isinstance(_raw_value, list):  # its items, each with the test of one value of their kind
            for _raw_value_item in _raw_value:
                if not (isinstance(_raw_value_item, str)):
                    raise errors.ParseError("accessList[*]", "expected UUID, found " + type(_raw_value_item).__name__)
        try:
            _access_list = _raw_value
            access_list: list[UUID] | Unset = UNSET
            if _access_list is not UNSET:
                access_list = []
                for access_list_item_data in _access_list:
                    access_list_item = UUID(access_list_item_data)

                    access_list.append(access_list_item)

        except Exception as exc_:
            raise errors.ParseError.inside("accessList[*]", exc_) from None

        _raw_value = d.pop("isNotify", UNSET)
        _typed = _raw_value is UNSET or type(_raw_value) is bool  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("isNotify", "expected bool, found " + type(_raw_value).__name__)
        is_notify = _raw_value

        _raw_value = d.pop("caseid", UNSET)
        _typed = _raw_value is UNSET or type(_raw_value) is int  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("caseid", "expected int, found " + type(_raw_value).__name__)
        caseid = _raw_value

        update_case_request = cls(
            title=title,
            members=members,
            custom_field_list=custom_field_list,
            is_private=is_private,
            access_list=access_list,
            is_notify=is_notify,
            caseid=caseid,
        )

        if missing:
            if len(missing) == 1:
                raise errors.ParseError("", "none of the properties UpdateCaseRequest requires is there")
            if strict_parsing.get():
                raise errors.ParseError(next(iter(missing)), "a required property is missing")
            for name in missing.values():
                object.__delattr__(update_case_request, name)
            update_case_request.missing_fields = tuple(missing.values())
        if d and strict_parsing.get():
            raise errors.ParseError(next(iter(d)), "a property the spec does not define")

        update_case_request.additional_properties = d
        return update_case_request

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


# Imported here, once, rather than inside from_dict on every call (a tenth of its time): the models import each
# other, and by now this module's class exists.
from ..models.custom_field_value import CustomFieldValue
