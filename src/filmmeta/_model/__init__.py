"""The model layer: the attrs classes that describe a film and the rules that make them valid.

Nothing here imports the JSON, words, catalog or format layers; they all build on this one,
and import what they use from this package, not from its modules (``tests/test_layers.py``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from filmmeta._model.availability import (
    DAY,
    PRICE,
    Offer,
    OfferType,
    Quality,
    group_offers,
    parse_price,
    to_day,
)
from filmmeta._model.awards import Award, AwardOutcome
from filmmeta._model.certification import (
    MAX_CODE,
    MAX_REASON,
    ContentRating,
    normalize_certification,
)
from filmmeta._model.certification_systems import CertificationSystem
from filmmeta._model.codes import (
    country_from_name,
    country_name,
    currency_codes,
    is_currency,
    is_language_tag,
    is_region,
    language_from_name,
    language_name,
    region_codes,
)
from filmmeta._model.collection import Collection
from filmmeta._model.dates import PartialDate
from filmmeta._model.duration import format_iso_duration, parse_iso_duration
from filmmeta._model.fields import FAST, SINCE, WRITTEN
from filmmeta._model.film import COMMON_ROLES, ROLE, Credit, Film, FilmKind, Role, is_role
from filmmeta._model.genres import GENRES, canonical_genre, canonical_genres
from filmmeta._model.handlers import register
from filmmeta._model.ids import IMDB_ID, NO_IDS, OTHER_KEY, WIKIDATA_ID, ExternalIds, is_other_ids
from filmmeta._model.media import Image, ImageKind, OfferFeature, Video, VideoKind
from filmmeta._model.merge import combine_films
from filmmeta._model.money import Money
from filmmeta._model.providers import Provider, canonical_provider, provider_name
from filmmeta._model.ratings import SOURCE_NAME, SOURCES, Rating, RatingKind, RatingSource
from filmmeta._model.releases import Edition, Release, ReleaseKind
from filmmeta._model.reprs import fields_repr
from filmmeta._model.runtime import format_runtime, parse_runtime
from filmmeta._model.share import Shared
from filmmeta._model.titles import Title, TitleKind
from filmmeta._model.validate import (
    MAX_INT,
    MAX_NUMBER_TEXT,
    MAX_TEXT,
    SHARED_TABLE_SIZE,
    SURROGATE,
    URL,
    builder,
    check_number,
    check_region,
    check_text,
    check_url,
    file_name,
    fmt_number,
    is_text,
    json_int,
    read_float,
    read_int,
    shown,
    shown_typed,
    slot_setters,
    to_languages,
    to_region,
    to_regions,
)
from filmmeta._model.viewing import Viewing

if TYPE_CHECKING:
    from filmmeta._model.registry import (
        ENUMS,
        MODEL_CLASSES,
        SCALARS,
        field_types,
        is_homogeneous_tuple,
        item_type,
        optional_inner,
        value_test,
    )

__all__ = [
    "COMMON_ROLES",
    "DAY",
    "ENUMS",
    "FAST",
    "GENRES",
    "IMDB_ID",
    "MAX_CODE",
    "MAX_INT",
    "MAX_NUMBER_TEXT",
    "MAX_REASON",
    "MAX_TEXT",
    "MODEL_CLASSES",
    "NO_IDS",
    "OTHER_KEY",
    "PRICE",
    "ROLE",
    "SCALARS",
    "SHARED_TABLE_SIZE",
    "SINCE",
    "SOURCES",
    "SOURCE_NAME",
    "SURROGATE",
    "URL",
    "WIKIDATA_ID",
    "WRITTEN",
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
    "Image",
    "ImageKind",
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
    "Release",
    "ReleaseKind",
    "Role",
    "Shared",
    "Title",
    "TitleKind",
    "Video",
    "VideoKind",
    "Viewing",
    "builder",
    "canonical_genre",
    "canonical_genres",
    "canonical_provider",
    "check_number",
    "check_region",
    "check_text",
    "check_url",
    "combine_films",
    "country_from_name",
    "country_name",
    "currency_codes",
    "field_types",
    "fields_repr",
    "file_name",
    "fmt_number",
    "format_iso_duration",
    "format_runtime",
    "group_offers",
    "is_currency",
    "is_homogeneous_tuple",
    "is_language_tag",
    "is_other_ids",
    "is_region",
    "is_role",
    "is_text",
    "item_type",
    "json_int",
    "language_from_name",
    "language_name",
    "normalize_certification",
    "optional_inner",
    "parse_iso_duration",
    "parse_price",
    "parse_runtime",
    "provider_name",
    "read_float",
    "read_int",
    "region_codes",
    "register",
    "shown",
    "shown_typed",
    "slot_setters",
    "to_day",
    "to_languages",
    "to_region",
    "to_regions",
    "value_test",
]

# The registry walks Film's field types when it loads: on first use, not on `import filmmeta`.
_LAZY = {
    "ENUMS": "filmmeta._model.registry",
    "MODEL_CLASSES": "filmmeta._model.registry",
    "SCALARS": "filmmeta._model.registry",
    "field_types": "filmmeta._model.registry",
    "is_homogeneous_tuple": "filmmeta._model.registry",
    "item_type": "filmmeta._model.registry",
    "optional_inner": "filmmeta._model.registry",
    "value_test": "filmmeta._model.registry",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'filmmeta._model' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
