from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

import msgspec
from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import errors
from ..models.share_type import ShareType
from ..types import MISSING, UNSET, Unset, model_eq, model_repr, strict_parsing

if TYPE_CHECKING:
    from ..models.currency import Currency
    from ..models.employee import Employee


T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """A CRM contact (a person or a company) as a member of a case.

    **Privacy rule.** `isPrivate` is `shareType == 0` (None), so it is
    always the opposite of `isShared` (`shareType` 1 or 2), and
    `accessList` (possibly `[]`) is present exactly when `isPrivate` is
    true (source: `web/studio/ASC.Web.Studio/Products/CRM/Core/Security/CRMSecutiry.cs`
    L519-522, `module/ASC.Api/ASC.Api.CRM/Wrappers/ContactWrapper.cs`
    L395-417). `make validate` checks every example against it.

    """

    small_foto_url: str
    """ Path of the contact's small photo, relative to the portal. """
    medium_foto_url: str
    """ Path of the contact's medium photo, relative to the portal. """
    display_name: str
    """ Name of the person or the company. """
    is_company: bool
    """ Whether the contact is a company rather than a person. """
    is_private: bool
    """ Whether only the users in `accessList` may see the contact; `shareType` is then 0. """
    is_shared: bool
    """ Whether the contact is shared with everyone (`shareType` 1 or 2); the opposite of `isPrivate`. """
    share_type: ShareType
    """ How a contact is shared with the portal's users, as an integer:
    `0` None (not shared), `1` ReadWrite (everyone may read and edit),
    `2` Read (everyone may read).
     """
    currency: Currency | None
    """ The contact's currency, or `null` when it has none. A currency
    code the CRM does not know makes the whole answer a 500 (source:
    `module/ASC.Api/ASC.Api.CRM/Wrappers/ContactWrapper.cs` L408-410,
    `module/ASC.Api/ASC.Api.CRM/Wrappers/CurrencyInfoWrapper.cs` L35-43).
     """
    can_edit: bool
    """ Whether the caller may edit the contact: it is shared read-write,
    or the caller is a CRM administrator or on its access list. A
    private contact is in `members` only for those, so a private
    member always has `canEdit: true` (source:
    `web/studio/ASC.Web.Studio/Products/CRM/Core/Security/CRMSecutiry.cs` L271-277, L436-439).
     """
    can_delete: bool
    """ Whether the caller may delete the contact: it may edit it and no
    invoice names it (source:
    `web/studio/ASC.Web.Studio/Products/CRM/Core/Security/CRMSecutiry.cs` L471-477,
    `web/studio/ASC.Web.Studio/Products/CRM/Core/Dao/ContactDao.cs` L1370-1374).
     """
    id: int
    """ Id of the contact. """
    access_list: list[Employee] | Unset = UNSET
    """ The users who may see the contact, possibly none. Present exactly when the contact is private. """
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

        small_foto_url: str = msgspec.field(name="smallFotoUrl")
        medium_foto_url: str = msgspec.field(name="mediumFotoUrl")
        display_name: str = msgspec.field(name="displayName")
        is_company: bool = msgspec.field(name="isCompany")
        is_private: bool = msgspec.field(name="isPrivate")
        is_shared: bool = msgspec.field(name="isShared")
        share_type: Literal[0, 1, 2] = msgspec.field(name="shareType")
        currency: Currency._Fast | None = msgspec.field(name="currency")
        can_edit: bool = msgspec.field(name="canEdit")
        can_delete: bool = msgspec.field(name="canDelete")
        id: int = msgspec.field(name="id")
        access_list: list[Employee._Fast] | msgspec.UnsetType = msgspec.field(default=msgspec.UNSET, name="accessList")

    @classmethod
    def _from_fast(cls: type[T], fast: Any) -> T:
        """The model of a body the fast path decoded (`fast` is a `_Fast`)."""
        return cls(
            small_foto_url=fast.small_foto_url,
            medium_foto_url=fast.medium_foto_url,
            display_name=fast.display_name,
            is_company=fast.is_company,
            is_private=fast.is_private,
            is_shared=fast.is_shared,
            share_type=_ShareType_MEMBERS[fast.share_type],
            currency=None if fast.currency is None else Currency._from_fast(fast.currency),
            can_edit=fast.can_edit,
            can_delete=fast.can_delete,
            id=fast.id,
            access_list=UNSET
            if fast.access_list is msgspec.UNSET
            else [Employee._from_fast(_item) for _item in fast.access_list],
        )

    def __eq__(self, other: object) -> bool:
        return model_eq(self, other)  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        from ..models.currency import Currency  # noqa: PLC0415

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        _missing = self.missing_fields
        if "small_foto_url" not in _missing:
            small_foto_url = self.small_foto_url
            field_dict["smallFotoUrl"] = small_foto_url

        if "medium_foto_url" not in _missing:
            medium_foto_url = self.medium_foto_url
            field_dict["mediumFotoUrl"] = medium_foto_url

        if "display_name" not in _missing:
            display_name = self.display_name
            field_dict["displayName"] = display_name

        if "is_company" not in _missing:
            is_company = self.is_company
            field_dict["isCompany"] = is_company

        if "is_private" not in _missing:
            is_private = self.is_private
            field_dict["isPrivate"] = is_private

        if "is_shared" not in _missing:
            is_shared = self.is_shared
            field_dict["isShared"] = is_shared

        if "share_type" not in _missing:
            share_type = self.share_type.value
            field_dict["shareType"] = share_type

        if "currency" not in _missing:
            currency: dict[str, Any] | None
            if isinstance(self.currency, Currency):
                currency = self.currency.to_dict()
            else:
                currency = self.currency
            field_dict["currency"] = currency

        if "can_edit" not in _missing:
            can_edit = self.can_edit
            field_dict["canEdit"] = can_edit

        if "can_delete" not in _missing:
            can_delete = self.can_delete
            field_dict["canDelete"] = can_delete

        if "id" not in _missing:
            id = self.id
            field_dict["id"] = id

        access_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.access_list, Unset):
            access_list = []
            for access_list_item_data in self.access_list:
                access_list_item = access_list_item_data.to_dict()
                access_list.append(access_list_item)

        if access_list is not UNSET:
            field_dict["accessList"] = access_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        if type(src_dict) is not dict and not isinstance(src_dict, Mapping):  # the ABC check only when needed
            raise errors.ParseError("", f"expected an object, found {type(src_dict).__name__}")
        d = dict(src_dict)
        missing: dict[str, str] = {}
        _raw_value: Any
        _raw_value = d.pop("smallFotoUrl", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("smallFotoUrl", "expected str, found " + type(_raw_value).__name__)
            small_foto_url = _raw_value

        else:
            small_foto_url = MISSING
            missing["smallFotoUrl"] = "small_foto_url"

        _raw_value = d.pop("mediumFotoUrl", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("mediumFotoUrl", "expected str, found " + type(_raw_value).__name__)
            medium_foto_url = _raw_value

        else:
            medium_foto_url = MISSING
            missing["mediumFotoUrl"] = "medium_foto_url"

        _raw_value = d.pop("displayName", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, str)):
                raise errors.ParseError("displayName", "expected str, found " + type(_raw_value).__name__)
            display_name = _raw_value

        else:
            display_name = MISSING
            missing["displayName"] = "display_name"

        _raw_value = d.pop("isCompany", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("isCompany", "expected bool, found " + type(_raw_value).__name__)
            is_company = _raw_value

        else:
            is_company = MISSING
            missing["isCompany"] = "is_company"

        _raw_value = d.pop("isPrivate", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("isPrivate", "expected bool, found " + type(_raw_value).__name__)
            is_private = _raw_value

        else:
            is_private = MISSING
            missing["isPrivate"] = "is_private"

        _raw_value = d.pop("isShared", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("isShared", "expected bool, found " + type(_raw_value).__name__)
            is_shared = _raw_value

        else:
            is_shared = MISSING
            missing["isShared"] = "is_shared"

        _raw_value = d.pop("shareType", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("shareType", "expected ShareType, found " + type(_raw_value).__name__)
            # typeshed types the map's values as Enum; its values are this enum's members.
            share_type: ShareType = ShareType._value2member_map_.get(_raw_value)  # type: ignore[assignment]
            if share_type is None:  # not a known value: the call runs _missing_
                try:
                    share_type = ShareType(_raw_value)

                except Exception as exc_:
                    raise errors.ParseError.inside("shareType", exc_) from None

        else:
            share_type = MISSING
            missing["shareType"] = "share_type"

        _raw_value = d.pop("currency", MISSING)
        if _raw_value is not MISSING:
            if not (isinstance(_raw_value, dict) or _raw_value is None):
                raise errors.ParseError("currency", "expected Currency | None, found " + type(_raw_value).__name__)
            try:

                def _parse_currency(data: object) -> Currency | None:
                    if data is None:
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        currency_type_0 = Currency.from_dict(data)

                        return currency_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(Currency | None, data)

                currency = _parse_currency(_raw_value)

            except Exception as exc_:
                raise errors.ParseError.inside("currency", exc_) from None

        else:
            currency = MISSING
            missing["currency"] = "currency"

        _raw_value = d.pop("canEdit", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("canEdit", "expected bool, found " + type(_raw_value).__name__)
            can_edit = _raw_value

        else:
            can_edit = MISSING
            missing["canEdit"] = "can_edit"

        _raw_value = d.pop("canDelete", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is bool):
                raise errors.ParseError("canDelete", "expected bool, found " + type(_raw_value).__name__)
            can_delete = _raw_value

        else:
            can_delete = MISSING
            missing["canDelete"] = "can_delete"

        _raw_value = d.pop("id", MISSING)
        if _raw_value is not MISSING:
            if not (type(_raw_value) is int):
                raise errors.ParseError("id", "expected int, found " + type(_raw_value).__name__)
            id = _raw_value

        else:
            id = MISSING
            missing["id"] = "id"

        _raw_value = d.pop("accessList", UNSET)
        _typed = _raw_value is UNSET or isinstance(_raw_value, list)  # a bool, so that mypy keeps _raw_value Any
        if not _typed:
            raise errors.ParseError("accessList", "expected list[Employee], found " + type(_raw_value).__name__)
        try:
            _access_list = _raw_value
            access_list: list[Employee] | Unset = UNSET
            if _access_list is not UNSET:
                access_list = []
                for access_list_item_data in _access_list:
                    access_list_item = Employee.from_dict(access_list_item_data)

                    access_list.append(access_list_item)

        except Exception as exc_:
            raise errors.ParseError.inside("accessList[*]", exc_) from None

        contact = cls(
            small_foto_url=small_foto_url,
            medium_foto_url=medium_foto_url,
            display_name=display_name,
            is_company=is_company,
            is_private=is_private,
            is_shared=is_shared,
            share_type=share_type,
            currency=currency,
            can_edit=can_edit,
            can_delete=can_delete,
            id=id,
            access_list=access_list,
        )

        if missing:
            if len(missing) == 11:
                raise errors.ParseError("", "none of the properties Contact requires is there")
            if strict_parsing.get():
                raise errors.ParseError(next(iter(missing)), "a required property is missing")
            for name in missing.values():
                object.__delattr__(contact, name)
            contact.missing_fields = tuple(missing.values())
        if d and strict_parsing.get():
            raise errors.ParseError(next(iter(d)), "a property the spec does not define")

        contact.additional_properties = d
        return contact

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
from ..models.currency import Currency
from ..models.employee import Employee

# The fast path's enum members by value (its Literal types admit only known values); typeshed types them as Enum.
_ShareType_MEMBERS: dict[Any, ShareType] = ShareType._value2member_map_  # type: ignore[assignment]
