"""Contains all the data models used in inputs/outputs"""

from .case import Case
from .case_envelope import CaseEnvelope
from .contact import Contact
from .currency import Currency
from .custom_field import CustomField
from .custom_field_value import CustomFieldValue
from .employee import Employee
from .envelope_status import EnvelopeStatus
from .error_detail import ErrorDetail
from .error_detail_data import ErrorDetailData
from .error_envelope import ErrorEnvelope
from .field_type import FieldType
from .share_type import ShareType
from .update_case_request import UpdateCaseRequest

__all__ = (
    "Case",
    "CaseEnvelope",
    "Contact",
    "Currency",
    "CustomField",
    "CustomFieldValue",
    "Employee",
    "EnvelopeStatus",
    "ErrorDetail",
    "ErrorDetailData",
    "ErrorEnvelope",
    "FieldType",
    "ShareType",
    "UpdateCaseRequest",
)
