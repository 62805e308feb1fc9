"""The catalog layer: catalogs as Arrow tables and Parquet files, behind :mod:`filmmeta.frames`.

The Arrow schema is generated from the model's field types, so a new field has its column.
"""

from filmmeta._catalog.arrow import (
    BATCH_SIZE,
    SCHEMA_VERSION,
    arrow_schema,
    from_arrow,
    read_parquet,
    to_arrow,
    write_parquet,
)

__all__ = [
    "BATCH_SIZE",
    "SCHEMA_VERSION",
    "arrow_schema",
    "from_arrow",
    "read_parquet",
    "to_arrow",
    "write_parquet",
]
