from enum import IntEnum

from ..types import strict_parsing


class EnvelopeStatus(IntEnum):
    OK = 0
    ERROR = 1

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "EnvelopeStatus | None":
        if not isinstance(value, int) or isinstance(value, bool) or strict_parsing.get():
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return member
