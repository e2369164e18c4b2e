from enum import StrEnum


class FormatType(StrEnum):
    CSV = "csv"
    JSON = "json"
    LOGFMT = "logfmt"
    NDJSON = "ndjson"
    SYSLOG = "syslog"
    TEXT = "text"
    XML = "xml"

    def __str__(self) -> str:
        return str(self.value)
