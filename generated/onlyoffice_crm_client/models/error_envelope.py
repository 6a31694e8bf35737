from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.envelope_status import EnvelopeStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error import Error


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """The envelope around an error. It has no `response` and no `count`
    (source: `module/ASC.Api/ASC.Api/Impl/ApiHttpHandlerBase.cs` L224-238).

    """

    status: EnvelopeStatus
    """ Outcome of the request, as an integer: `0` Ok, `1` Error.
     """
    status_code: int
    """ The HTTP status of the answer, repeated. """
    error: Error
    """ What went wrong. """
    start_index: int | Unset = UNSET
    """ The `startIndex` query parameter, echoed. Present only when it is
    not zero, in success and error envelopes alike (source:
    `module/ASC.Api/ASC.Api/Impl/ApiHttpHandler.cs` L59,
    `module/ASC.Api/ASC.Api/Impl/ApiStandartResponce.cs` L49-50).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        status_code = self.status_code

        error = self.error.to_dict()

        start_index = self.start_index

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "statusCode": status_code,
                "error": error,
            }
        )
        if start_index is not UNSET:
            field_dict["startIndex"] = start_index

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error import Error  # noqa: PLC0415

        d = dict(src_dict)
        status = EnvelopeStatus(d.pop("status"))

        status_code = d.pop("statusCode")

        error = Error.from_dict(d.pop("error"))

        start_index = d.pop("startIndex", UNSET)

        error_envelope = cls(
            status=status,
            status_code=status_code,
            error=error,
            start_index=start_index,
        )

        error_envelope.additional_properties = d
        return error_envelope

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
