from enum import IntEnum

from ..types import strict_parsing


class FieldType(IntEnum):
    TEXT_FIELD = 0
    TEXT_AREA = 1
    SELECT_BOX = 2
    CHECK_BOX = 3
    HEADING = 4
    DATE = 5

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "FieldType | None":
        if not isinstance(value, int) or isinstance(value, bool) or strict_parsing.get():
            return None
        member = int.__new__(cls, value)
        member._name_ = f"UNKNOWN_{value}"
        member._value_ = value
        return member
