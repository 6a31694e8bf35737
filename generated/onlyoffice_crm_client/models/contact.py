from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.share_type import ShareType
from ..types import UNSET, Unset

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
    """ The contact's currency, or `null` when it has none. """
    can_edit: bool
    """ Whether the caller may edit the contact. """
    can_delete: bool
    """ Whether the caller may delete the contact. """
    id: int
    """ Id of the contact. """
    access_list: list[Employee] | Unset = UNSET
    """ The users who may see the contact, possibly none. Present exactly when the contact is private. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.currency import Currency  # noqa: PLC0415

        small_foto_url = self.small_foto_url

        medium_foto_url = self.medium_foto_url

        display_name = self.display_name

        is_company = self.is_company

        is_private = self.is_private

        is_shared = self.is_shared

        share_type = self.share_type.value

        currency: dict[str, Any] | None
        if isinstance(self.currency, Currency):
            currency = self.currency.to_dict()
        else:
            currency = self.currency

        can_edit = self.can_edit

        can_delete = self.can_delete

        id = self.id

        access_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.access_list, Unset):
            access_list = []
            for access_list_item_data in self.access_list:
                access_list_item = access_list_item_data.to_dict()
                access_list.append(access_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "smallFotoUrl": small_foto_url,
                "mediumFotoUrl": medium_foto_url,
                "displayName": display_name,
                "isCompany": is_company,
                "isPrivate": is_private,
                "isShared": is_shared,
                "shareType": share_type,
                "currency": currency,
                "canEdit": can_edit,
                "canDelete": can_delete,
                "id": id,
            }
        )
        if access_list is not UNSET:
            field_dict["accessList"] = access_list

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.currency import Currency  # noqa: PLC0415
        from ..models.employee import Employee  # noqa: PLC0415

        d = dict(src_dict)
        small_foto_url = d.pop("smallFotoUrl")

        medium_foto_url = d.pop("mediumFotoUrl")

        display_name = d.pop("displayName")

        is_company = d.pop("isCompany")

        is_private = d.pop("isPrivate")

        is_shared = d.pop("isShared")

        share_type = ShareType(d.pop("shareType"))

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

        currency = _parse_currency(d.pop("currency"))

        can_edit = d.pop("canEdit")

        can_delete = d.pop("canDelete")

        id = d.pop("id")

        _access_list = d.pop("accessList", UNSET)
        access_list: list[Employee] | Unset = UNSET
        if _access_list is not UNSET:
            access_list = []
            for access_list_item_data in _access_list:
                access_list_item = Employee.from_dict(access_list_item_data)

                access_list.append(access_list_item)

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
