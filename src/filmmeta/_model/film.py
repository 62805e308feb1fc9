"""The Film record and its small parts: kinds and credits."""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any

import attrs

from filmmeta._model.availability import Offer
from filmmeta._model.awards import Award
from filmmeta._model.certification import ContentRating
from filmmeta._model.codes import is_language_tag, is_region
from filmmeta._model.collection import Collection
from filmmeta._model.dates import PartialDate, to_partial_date
from filmmeta._model.fields import (
    FIELDWISE,
    FIRST,
    FIRST_KNOWN,
    FIRST_NONEMPTY,
    JOINED,
    MORE_PRECISE,
    completed,
    first_by,
    meta,
)
from filmmeta._model.handlers import show_html, show_pretty
from filmmeta._model.ids import NO_IDS, ExternalIds, to_external_ids
from filmmeta._model.media import Image, Video
from filmmeta._model.money import Money
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.ratings import Rating, source_key
from filmmeta._model.releases import Edition, Release, ReleaseKind
from filmmeta._model.reprs import fields_repr
from filmmeta._model.runtime import parse_runtime
from filmmeta._model.titles import Title, TitleKind
from filmmeta._model.validate import (
    MAX_TEXT,
    check_instances,
    check_items,
    check_region,
    check_text,
    check_texts,
    is_text,
    shown,
    shown_typed,
    to_languages,
    to_region,
    to_regions,
    tuple_of,
)
from filmmeta.exceptions import ValidationError

__all__ = ["Credit", "Film", "FilmKind", "Role"]

ROLE = re.compile(r"[a-z][a-z0-9 _/-]*")


class FilmKind(enum.StrEnum):
    """What sort of film a record describes."""

    MOVIE = "movie"
    TV_MOVIE = "tv_movie"
    SHORT = "short"
    VIDEO = "video"
    TV_SPECIAL = "tv_special"

    @property
    def words(self) -> str:
        """The kind in plain English words, as a page's sentences name it.

        The words layer's phrases are made of these ("a 2000 short film"), and a kind
        that they do not know yet reads as its words.

        Examples:
            >>> FilmKind.TV_MOVIE.words, FilmKind.SHORT.words
            ('tv movie', 'short film')
        """
        return _KIND_WORDS.get(self.value) or self.value.replace("_", " ")


# The kinds whose plain words are more than their value with spaces.
_KIND_WORDS = {"short": "short film"}


class Role(enum.StrEnum):
    """The common credit roles. :attr:`Credit.role` takes any lowercase string."""

    DIRECTOR = "director"
    WRITER = "writer"
    PRODUCER = "producer"
    ACTOR = "actor"
    SELF = "self"
    COMPOSER = "composer"
    CINEMATOGRAPHER = "cinematographer"
    EDITOR = "editor"
    CREATOR = "creator"


# The common roles, so that a catalog's thousands of "actor" credits skip the regex. A
# constant: validating a credit never changes what the next one costs (no state shared
# between threads or calls), and any other role is one regex match away.
COMMON_ROLES: frozenset[str] = frozenset(role.value for role in Role)


def is_role(value: object) -> bool:
    """Whether *value* is a role that :class:`Credit` accepts, in one test."""
    # The pattern allows only ASCII, starts with a letter: it implies non-empty,
    # not blank and free of surrogates, so with the length that is check_text too.
    return type(value) is str and (
        value in COMMON_ROLES or (len(value) <= MAX_TEXT and ROLE.fullmatch(value) is not None)
    )


def _check_role(inst: Credit, attribute: attrs.Attribute[str], value: str) -> None:
    if is_role(value):
        return
    check_text("role", value)
    raise ValidationError.at("role", f"{shown(value)} is not a lowercase role name")


def _to_role(value: str) -> str:
    # A Role member is a str already; store the plain string so that reprs, pickles
    # and comparisons do not depend on whether the caller used the enum.
    return str(value) if isinstance(value, Role) else value


@attrs.frozen
class Credit(PydanticHooks):
    """A person's part in a film.

    Args:
        name: The person's name.
        role: A lowercase role; :class:`Role` has the common ones.
        character: For actors, the character played.

    Examples:
        >>> Credit("Chris Fiore", Role.DIRECTOR)
        Credit(name='Chris Fiore', role='director', character=None)
    """

    __repr__ = fields_repr

    name: str = attrs.field(validator=lambda _, __, v: check_text("name", v))
    role: str = attrs.field(converter=_to_role, validator=_check_role)
    character: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=lambda _, __, v: check_text("character", v, optional=True),
    )


_KINDS = {kind.value: kind for kind in FilmKind}


def _to_kind(value: FilmKind | str) -> FilmKind:
    # A dict lookup: Enum.__call__ is a top cost when decoding many films.
    try:
        return _KINDS[value]
    except (KeyError, TypeError):
        raise ValidationError.at(
            "kind", f"{shown(value)} is not a film kind ({', '.join(k.value for k in FilmKind)})"
        ) from None


def _to_release_date(value: PartialDate | dt.date | str | int | None) -> PartialDate | None:
    try:
        return to_partial_date(value)
    except ValidationError as err:
        raise err.with_prefix("release_date") from None


def _to_runtime(value: dt.timedelta | str | int | float | None) -> dt.timedelta | None:
    if value is None:
        return None
    try:
        return parse_runtime(value)
    except ValidationError as err:
        raise err.with_prefix("runtime") from None


def _instances_of(cls: type[Any]) -> Any:
    def validator(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
        check_instances(attribute.name, value, cls)

    # The fast decoder builds the items with the class's own hook: nothing to check.
    validator.types_only = True  # type: ignore[attr-defined]
    return validator


def _content_rating_key(rating: ContentRating) -> tuple[str, str | None]:
    return (rating.country, rating.system)


def _rating_key(rating: Rating) -> str:
    return rating.source


def _check_genres(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_texts("genres", value)


def _check_language(path: str, value: object) -> None:
    # Called for the items of a list that failed its whole-list test (check_items).
    if not (type(value) is str and is_language_tag(value)):  # pragma: no branch
        raise ValidationError.at(path, f"{shown(value)} is not a BCP 47 / ISO 639 language tag")


def _check_languages(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, tuple) and all(type(v) is str and is_language_tag(v) for v in value):
        return
    check_items("languages", value, _check_language)


def _check_countries(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, tuple) and all(type(v) is str and is_region(v) for v in value):
        return
    check_items("countries", value, check_region)


def _check_ratings(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
    # The usual case in one pass: as many sources as items, and every item a Rating.
    if type(value) is tuple and len({r.source for r in value if type(r) is Rating}) == len(value):
        return
    check_instances("ratings", value, Rating)
    if len({rating.source for rating in value}) == len(value):
        return
    # Every repeat, not only the first: a document's errors come in one round.
    seen: set[str] = set()
    repeats: list[tuple[str, str]] = []
    for i, rating in enumerate(value):
        if rating.source in seen:
            repeats.append((f"ratings[{i}].source", f"duplicate source {rating.source!r}"))
        seen.add(rating.source)
    raise ValidationError(repeats)


def _check_titles(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_instances("titles", value, Title)
    _check_unique("titles", value, lambda title: title)


def _release_key(release: Release) -> tuple[Any, ...]:
    return (release.country, release.kind, release.date)


def _check_releases(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_instances("releases", value, Release)
    _check_unique("releases", value, _release_key)


def _check_unique(path: str, value: tuple[Any, ...], key: Any) -> None:
    keys = [key(item) for item in value]
    if len(set(keys)) == len(keys):
        return
    for i, found in enumerate(keys):  # pragma: no branch - there is a repeat
        if found in keys[:i]:
            raise ValidationError.at(f"{path}[{i}]", f"repeats {path}[{keys.index(found)}]")


def _optional_instance(cls: type[Any]) -> Any:
    def validator(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not isinstance(value, cls):
            raise ValidationError.at(
                attribute.name, f"expected {cls.__name__}, got {shown_typed(value)}"
            )

    return validator


def _check_keywords(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_texts("keywords", value)


def _check_ids(inst: Film, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, ExternalIds):
        raise ValidationError.at("ids", f"expected ExternalIds, got {shown_typed(value)}")


@attrs.frozen
class Film(PydanticHooks):
    """A film: the facts a page about it shows.

    Every argument but the title is keyword-only and optional. Constructors accept the
    obvious inputs: ``release_date="2000"`` (or a date, or an int year), ``runtime=86``
    minutes (or ``"1h 26m"``, or a timedelta), and lists for every collection (kept as
    tuples). Use :func:`attrs.evolve` to change a field.

    Args:
        title: The title as released in the data's region.
        kind: movie, tv_movie, short, video or tv_special.
        release_date: The release date, as precise as known.
        runtime: The running time.
        content_ratings: Ratings by country (MPA "R", BBFC "15", ...).
        genres: Genre names as the data gives them.
        languages: BCP 47 / ISO 639 tags ("en", "yue").
        countries: ISO 3166-1 alpha-2 codes of the producing countries.
        summary: A short plot summary.
        credits: Directors, writers, cast, ...
        ratings: Ratings from any number of sources, one per source.
        offers: Where to watch.
        ids: Ids in other databases.
        original_title: The title in its original language, when different.
        titles: Other titles: per region and language, original, working, festival,
            video, TV, translated titles (no two equal).
        releases: Releases per country and kind (premiere, limited, theatrical,
            digital, physical, tv), no two with the same country, kind and date.
        editions: Editions and cuts with their own runtimes (Director's Cut).
        collection: The collection or set the film belongs to.
        budget: The production budget.
        box_office: Box office takings, worldwide or per region, from one source.
        awards: Awards won or nominations, or a source's counts of them.
        images: Posters, backdrops, stills, logos.
        videos: Trailers, teasers, clips.
        keywords: Subject keywords as the source gives them.
        tagline: The film's tagline.

    Raises:
        ValidationError: For any invalid value, with the field as its path.

    Examples:
        >>> film = Film(
        ...     "Backstage",
        ...     kind="tv_movie",
        ...     release_date="2000",
        ...     runtime=86,
        ...     ratings=[Rating("imdb", 5.7, votes=347)],
        ... )
        >>> film.year, film.runtime, film.rating("imdb").display
        (2000, datetime.timedelta(seconds=5160), '5.7 (347)')
        >>> Film("")
        Traceback (most recent call last):
        ...
        filmmeta.exceptions.ValidationError: title: must not be empty
    """

    __repr__ = fields_repr

    title: str = attrs.field(
        validator=lambda _, __, v: check_text("title", v), metadata=meta(merge=FIRST, fast=is_text)
    )
    # kind has a default (movie) rather than "not known": the first film's is taken.
    kind: FilmKind = attrs.field(
        default=FilmKind.MOVIE,
        kw_only=True,
        converter=_to_kind,
        metadata=meta(merge=FIRST, written=True),
    )
    release_date: PartialDate | None = attrs.field(
        default=None, kw_only=True, converter=_to_release_date, metadata=meta(merge=MORE_PRECISE)
    )
    runtime: dt.timedelta | None = attrs.field(
        default=None, kw_only=True, converter=_to_runtime, metadata=meta(merge=FIRST_KNOWN)
    )
    content_ratings: tuple[ContentRating, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_instances_of(ContentRating),
        metadata=meta(merge=first_by(_content_rating_key)),
    )
    genres: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_check_genres,
        metadata=meta(merge=JOINED, fast=is_text),
    )
    languages: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=to_languages,
        validator=_check_languages,
        metadata=meta(merge=JOINED, fast=is_language_tag),
    )
    countries: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=to_regions,
        validator=_check_countries,
        metadata=meta(merge=JOINED, fast=is_region),
    )
    summary: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=lambda _, __, v: check_text("summary", v, optional=True),
        metadata=meta(merge=FIRST_KNOWN, fast=is_text),
    )
    credits: tuple[Credit, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_instances_of(Credit),
        metadata=meta(merge=completed(("name", "role"), ("character",))),
    )
    ratings: tuple[Rating, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_check_ratings,
        metadata=meta(merge=first_by(_rating_key)),
    )
    offers: tuple[Offer, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_instances_of(Offer),
        metadata=meta(
            merge=completed(("provider", "type"), ("region", "price", "currency", "quality", "url"))
        ),
    )
    ids: ExternalIds = attrs.field(
        default=NO_IDS,
        kw_only=True,
        converter=to_external_ids,
        validator=_check_ids,
        metadata=meta(merge=FIELDWISE),
    )
    original_title: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=lambda _, __, v: check_text("original_title", v, optional=True),
        metadata=meta(merge=FIRST_KNOWN, fast=is_text),
    )

    titles: tuple[Title, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_check_titles,
        metadata=meta(merge=JOINED, since=2),
    )
    # Two sources may say the same release with different notes: the first one's stays.
    releases: tuple[Release, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_check_releases,
        metadata=meta(merge=first_by(_release_key), since=2),
    )
    editions: tuple[Edition, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_instances_of(Edition),
        metadata=meta(merge=completed(("name",), ("runtime", "note")), since=2),
    )
    collection: Collection | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_optional_instance(Collection),
        metadata=meta(merge=FIRST_KNOWN, since=2),
    )
    budget: Money | None = attrs.field(
        default=None,
        kw_only=True,
        validator=_optional_instance(Money),
        metadata=meta(merge=FIRST_KNOWN, since=2),
    )
    box_office: tuple[Money, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_instances_of(Money),
        metadata=meta(merge=FIRST_NONEMPTY, since=2),
    )
    awards: tuple[Award, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_instances_of(Award),
        metadata=meta(merge=FIRST_NONEMPTY, since=2),
    )
    images: tuple[Image, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_instances_of(Image),
        metadata=meta(merge=JOINED, since=2),
    )
    videos: tuple[Video, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_instances_of(Video),
        metadata=meta(merge=JOINED, since=2),
    )
    keywords: tuple[str, ...] = attrs.field(
        default=(),
        kw_only=True,
        converter=tuple_of,
        validator=_check_keywords,
        metadata=meta(merge=JOINED, fast=is_text, since=2),
    )
    tagline: str | None = attrs.field(
        default=None,
        kw_only=True,
        validator=lambda _, __, v: check_text("tagline", v, optional=True),
        metadata=meta(merge=FIRST_KNOWN, fast=is_text, since=2),
    )

    def title_for(self, region: str | None = None, language: str | None = None) -> str:
        """Return the best title for a region and language, else :attr:`title`.

        A title for both the region and the language comes first, then one for the
        region, then one in the language; an original title is preferred among titles
        in the film's own language.

        .. versionadded:: 0.2.0

        Examples:
            >>> film = Film(
            ...     "Amélie",
            ...     titles=[
            ...         Title(
            ...             "Le Fabuleux Destin d'Amélie Poulain", language="fr", kind="original"
            ...         ),
            ...         Title("Die fabelhafte Welt der Amélie", region="DE", language="de"),
            ...     ],
            ... )
            >>> film.title_for("DE"), film.title_for(language="fr"), film.title_for("US")
            ('Die fabelhafte Welt der Amélie', "Le Fabuleux Destin d'Amélie Poulain", 'Amélie')
        """
        if region is None and language is None:
            return self.title

        def rank(title: Title) -> tuple[int, int] | None:
            by_region = region is not None and title.region == region
            by_language = language is not None and title.language == language
            if not (by_region or by_language):
                return None
            level = 0 if by_region and by_language else 1 if by_region else 2
            return (level, 0 if title.kind is TitleKind.ORIGINAL else 1)

        ranked = [(found, i) for i, title in enumerate(self.titles) if (found := rank(title))]
        return self.titles[min(ranked)[1]].text if ranked else self.title

    def release_for(self, country: str, kind: ReleaseKind | str | None = None) -> Release | None:
        """Return the release in *country* (of *kind*, if given), the earliest first; or None.

        .. versionadded:: 0.2.0

        Examples:
            >>> film = Film(
            ...     "Backstage",
            ...     releases=[
            ...         Release("2000-11-07", country="US", kind="digital"),
            ...         Release("2000-09-08", country="US", kind="theatrical"),
            ...     ],
            ... )
            >>> str(film.release_for("US").date), str(film.release_for("US", "digital").date)
            ('2000-09-08', '2000-11-07')
        """
        found = [
            release
            for release in self.releases
            if release.country == country and (kind is None or release.kind == kind)
        ]
        return min(found, key=lambda release: str(release.date)) if found else None

    @property
    def year(self) -> int | None:
        """The film's own year (OMDb's Year, IMDb's startYear): its release date's, or None.

        Not the year of a later release somewhere: those are in :attr:`releases`.
        """
        return self.release_date.year if self.release_date is not None else None

    def rating(self, source: str) -> Rating | None:
        """Return the rating from *source* (``"imdb"``, ``"metacritic"``, ...), or None.

        Case is ignored (``"IMDb"``). A name near a known source that is not one
        (``"imbd"``) is a typo, refused with the near name rather than answered None.

        Raises:
            ValidationError: For a likely typo of a source's name.

        Examples:
            >>> film = Film("Backstage", ratings=[Rating("metacritic", 29)])
            >>> film.rating("metacritic").value, film.rating("Metacritic").value
            (29, 29)
            >>> film.rating("imdb") is None
            True
            >>> film.rating("imbd")
            Traceback (most recent call last):
            ...
            filmmeta.exceptions.ValidationError: source: 'imbd' is not a rating source; did you mean 'imdb'?
        """  # noqa: E501
        for rating in self.ratings:
            if rating.source == source:
                return rating
        key = source_key(source, (r.source for r in self.ratings))
        for rating in self.ratings:
            if rating.source == key:
                return rating
        return None

    def content_rating(self, country: str = "US") -> ContentRating | None:
        """Return the first content rating for *country*, or None.

        Case is ignored and "UK" is GB; anything else that is not an ISO 3166-1 alpha-2
        code (``"GBR"``) is refused, with the code meant when it can be told.

        Raises:
            ValidationError: For a country that is no region code.

        Examples:
            >>> film = Film("Backstage", content_ratings=[ContentRating("15", country="GB")])
            >>> film.content_rating("GB").code, film.content_rating("gb").code
            ('15', '15')
            >>> film.content_rating("GBR")
            Traceback (most recent call last):
            ...
            filmmeta.exceptions.ValidationError: country: 'GBR' is not an ISO 3166-1 alpha-2 code; did you mean 'GB'?
        """  # noqa: E501
        for rating in self.content_ratings:
            if rating.country == country:
                return rating
        code = to_region(country, "country")
        for rating in self.content_ratings:
            if rating.country == code:
                return rating
        return None

    def _repr_html_(self) -> str:
        # Notebook display: the words layer's card, lent to the model (_model/handlers.py).
        return show_html("film_html", self)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # noqa: FBT001 - IPython's API
        show_pretty("film_pretty", self, p, cycle)

    def credited(self, role: str) -> tuple[str, ...]:
        """Return the names credited in *role*, in order.

        Examples:
            >>> Film("Backstage", credits=[Credit("Chris Fiore", "director")]).credited("director")
            ('Chris Fiore',)
        """
        return tuple(c.name for c in self.credits if c.role == role)
