"""The catalog layer: catalogs as Arrow tables and Parquet files, behind :mod:`filmmeta.frames`.

The Arrow schema is generated from the model's field types, so a new field has its column.
"""

from filmmeta._catalog.arrow import (
    BATCH_SIZE,
    SCHEMA_VERSION,
    arrow_schema,
    to_arrow,
    write_parquet,
)
from filmmeta._catalog.reading import from_arrow, read_parquet
from filmmeta._catalog.records import LATER_COLUMNS, columns_of
from filmmeta._catalog.viewings import viewing_records, viewings_to_dataframe

__all__ = [
    "BATCH_SIZE",
    "LATER_COLUMNS",
    "SCHEMA_VERSION",
    "arrow_schema",
    "columns_of",
    "from_arrow",
    "read_parquet",
    "to_arrow",
    "viewing_records",
    "viewings_to_dataframe",
    "write_parquet",
]
