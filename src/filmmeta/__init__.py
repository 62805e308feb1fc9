"""filmmeta: typed, immutable film metadata.

attrs classes describe films, ratings and where to watch them; cattrs converters
round-trip them losslessly to dicts, JSON and JSON Lines; helpers turn the facts into the
words a page shows. Everything public is importable from here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from filmmeta import _words  # noqa: F401 - lends the model its notebook display
from filmmeta._collector import gc_paused
from filmmeta._match import merge_films
from filmmeta._model import (
    GENRES,
    SOURCES,
    Award,
    AwardOutcome,
    CertificationSystem,
    Collection,
    ContentRating,
    Credit,
    Edition,
    ExternalIds,
    Film,
    FilmKind,
    Image,
    ImageKind,
    Money,
    Offer,
    OfferFeature,
    OfferType,
    PartialDate,
    Provider,
    Quality,
    Rating,
    RatingKind,
    RatingSource,
    Release,
    ReleaseKind,
    Role,
    Title,
    TitleKind,
    Video,
    VideoKind,
    Viewing,
    canonical_genre,
    canonical_genres,
    canonical_provider,
    format_runtime,
    group_offers,
    normalize_certification,
    parse_runtime,
    provider_name,
)
from filmmeta._model import register as _register
from filmmeta.exceptions import (
    FilmmetaError,
    FilmmetaWarning,
    UnsupportedDocumentError,
    ValidationError,
)

__all__ = [
    "GENRES",
    "SOURCES",
    "Award",
    "AwardOutcome",
    "CertificationSystem",
    "Collection",
    "ContentRating",
    "Credit",
    "Edition",
    "ExternalIds",
    "Film",
    "FilmKind",
    "FilmmetaError",
    "FilmmetaWarning",
    "Image",
    "ImageKind",
    "JsonLines",
    "Money",
    "Offer",
    "OfferFeature",
    "OfferType",
    "PartialDate",
    "Provider",
    "Quality",
    "Rating",
    "RatingKind",
    "RatingSource",
    "RatingSummary",
    "Release",
    "ReleaseKind",
    "Role",
    "Title",
    "TitleKind",
    "UnsupportedDocumentError",
    "ValidationError",
    "Video",
    "VideoKind",
    "Viewing",
    "canonical_genre",
    "canonical_genres",
    "canonical_provider",
    "describe",
    "dump_jsonl",
    "fact_sheet",
    "format_runtime",
    "from_dict",
    "from_json",
    "gc_paused",
    "group_offers",
    "json_schema",
    "leaving_soon",
    "load_jsonl",
    "merge_films",
    "metacritic_label",
    "normalize_certification",
    "page",
    "parse_runtime",
    "provider_name",
    "reception",
    "summarize_ratings",
    "to_dict",
    "to_json",
    "tomatometer_label",
    "weighted_rating",
    "where_to_watch",
]


if TYPE_CHECKING:
    from filmmeta._json import json_schema
    from filmmeta._words.describe import describe, fact_sheet
    from filmmeta._words.leaving import leaving_soon
    from filmmeta._words.page import page
    from filmmeta._words.reception import (
        RatingSummary,
        metacritic_label,
        reception,
        summarize_ratings,
        tomatometer_label,
        weighted_rating,
    )
    from filmmeta._words.watch import where_to_watch
    from filmmeta.converters import (
        JsonLines,
        dump_jsonl,
        from_dict,
        from_json,
        load_jsonl,
        to_dict,
        to_json,
    )

# Names whose modules load on first use: cattrs (behind the converters) and the page
# text are half of the import time, and many programs only build films or only read
# them. `from filmmeta import to_json` loads the converters at once. The reception
# words, the last of the words layer loaded with filmmeta, and the locales under them
# were 3% of `import filmmeta` (docs/performance.md, "Import").
_RECEPTION = "filmmeta._words.reception"
_LAZY = {
    **dict.fromkeys(
        ("JsonLines", "dump_jsonl", "from_dict", "from_json", "load_jsonl", "to_dict", "to_json"),
        "filmmeta.converters",
    ),
    **dict.fromkeys(("describe", "fact_sheet"), "filmmeta._words.describe"),
    "where_to_watch": "filmmeta._words.watch",
    "leaving_soon": "filmmeta._words.leaving",
    "page": "filmmeta._words.page",
    **dict.fromkeys(("RatingSummary", "reception", "summarize_ratings"), _RECEPTION),
    **dict.fromkeys(("metacritic_label", "tomatometer_label", "weighted_rating"), _RECEPTION),
    "json_schema": "filmmeta._json.schema",
}

# The model imports nothing above it: pydantic's questions to a model class are answered
# by the JSON layer, lent here since that layer loads on first use (not by its __init__).
_register("pydantic_core_schema", "filmmeta._json.pydantic", "core_schema_of")
_register("pydantic_json_schema", "filmmeta._json.pydantic", "json_schema_of")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    # The version comes from the installed metadata, read only when asked for: the
    # lookup costs more than the rest of `import filmmeta`.
    if name == "__version__":
        from importlib.metadata import version

        return version("filmmeta")
    msg = f"module 'filmmeta' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
