from enum import StrEnum


class GetApiV1LogsMetadataSort(StrEnum):
    COMPLETED_AT = "completed_at"
    CREATED_AT = "created_at"
    FILE_NAME = "file_name"
    FILE_SIZE = "file_size"
    LOG_COUNT = "log_count"
    PROCESSING_TIME = "processing_time"
    STATUS = "status"
    UPDATED_AT = "updated_at"
    VALUE_10 = "-completed_at"
    VALUE_11 = "-file_size"
    VALUE_12 = "-log_count"
    VALUE_13 = "-processing_time"
    VALUE_14 = "-status"
    VALUE_15 = "-file_name"
    VALUE_8 = "-created_at"
    VALUE_9 = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
