"""filmmeta: typed, immutable film metadata.

attrs classes describe films, ratings and where to watch them; cattrs converters
round-trip them losslessly to dicts, JSON and JSON Lines; helpers turn the facts into the
words a page shows. Everything public is importable from here.
"""

from __future__ import annotations

from typing import Any

from filmmeta._availability import Offer, OfferType, Quality, group_offers
from filmmeta._certification import (
    CertificationSystem,
    ContentRating,
    normalize_certification,
)
from filmmeta._dates import PartialDate
from filmmeta._describe import describe, fact_sheet, reception, where_to_watch
from filmmeta._film import Credit, ExternalIds, Film, FilmKind, Role
from filmmeta._ratings import SOURCES, Rating, RatingKind, RatingSource
from filmmeta._reception import (
    RatingSummary,
    metacritic_label,
    summarize_ratings,
    tomatometer_label,
    weighted_rating,
)
from filmmeta._runtime import format_runtime, parse_runtime
from filmmeta.converters import (
    dump_jsonl,
    from_dict,
    from_json,
    load_jsonl,
    to_dict,
    to_json,
)
from filmmeta.exceptions import (
    FilmmetaError,
    FilmmetaWarning,
    UnsupportedDocumentError,
    ValidationError,
)

__all__ = [
    "SOURCES",
    "CertificationSystem",
    "ContentRating",
    "Credit",
    "ExternalIds",
    "Film",
    "FilmKind",
    "FilmmetaError",
    "FilmmetaWarning",
    "Offer",
    "OfferType",
    "PartialDate",
    "Quality",
    "Rating",
    "RatingKind",
    "RatingSource",
    "RatingSummary",
    "Role",
    "UnsupportedDocumentError",
    "ValidationError",
    "describe",
    "dump_jsonl",
    "fact_sheet",
    "format_runtime",
    "from_dict",
    "from_json",
    "group_offers",
    "load_jsonl",
    "metacritic_label",
    "normalize_certification",
    "parse_runtime",
    "reception",
    "summarize_ratings",
    "to_dict",
    "to_json",
    "tomatometer_label",
    "weighted_rating",
    "where_to_watch",
]


def __getattr__(name: str) -> Any:
    # The version comes from the installed metadata, read only when asked for: the
    # lookup costs more than the rest of `import filmmeta`.
    if name == "__version__":
        from importlib.metadata import version

        return version("filmmeta")
    msg = f"module 'filmmeta' has no attribute {name!r}"
    raise AttributeError(msg)
