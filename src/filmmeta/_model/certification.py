"""Content ratings (certifications), and the cleaning of codes given as free text.

A :class:`ContentRating` is a code given in one country ("R" in the US, "15" in Great
Britain, "MA 15+" in Australia). When the country's :class:`CertificationSystem` is known,
the rating knows its place in the system's order and the minimum age it sets, so that
"R or stricter" can be asked of any film. Unknown codes are kept as they are, never
dropped: data in the wild is free text, and :func:`normalize_certification` is the one
place that cleans it. The systems and their codes are in
:mod:`filmmeta._model.certification_systems`.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from filmmeta._model.certification_systems import (
    CertificationSystem,
    _check_country,
    _infer,
    _tables,
)
from filmmeta._model.fields import meta
from filmmeta._model.pydantic_hook import PydanticHooks
from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import check_text, check_texts, shown, tuple_of
from filmmeta.exceptions import ValidationError

__all__ = ["ContentRating", "normalize_certification"]

#: Longest code or system name accepted; real codes are short ("Restricted Screening").
MAX_CODE = 40
#: Longest reason accepted ("for language and some violence" is typical).
MAX_REASON = 1000

# "Rated R" and "Rated: R" are how pages and APIs spell a code; the word is not the code.
_RATED = re.compile(r"(?:rated\s*:?\s+)+", re.IGNORECASE)


def normalize_certification(code: str, *, country: str | None = None) -> str:
    """Clean a certification code given as free text.

    The rules, in order: surrounding whitespace goes; a leading "Rated" goes ("Rated R");
    then, when *country* is given, a code or alias of one of its systems is replaced by
    the system's own spelling, with case, spaces and punctuation ignored ("pg13" ->
    "PG-13", "FSK 16" -> "16", "MA15+" -> "MA 15+", "15세 이상 관람가" -> "15"). Anything
    else comes back as it is: an unknown code is kept, never dropped.

    Args:
        code: The text of the code.
        country: The ISO 3166-1 alpha-2 code of the country that gave it; without it,
            only whitespace and "Rated" are removed.

    Returns:
        The code. Normalising it again gives the same code.

    Raises:
        ValidationError: *code* is empty or not a string (path ``code``), or *country*
            is not an ISO 3166-1 alpha-2 code (path ``country``).

    Examples:
        >>> normalize_certification("PG12 ", country="JP")
        'PG12'
        >>> normalize_certification("Rated R"), normalize_certification("nc17", country="US")
        ('R', 'NC-17')
        >>> normalize_certification("FSK ab 16", country="DE")
        '16'
        >>> normalize_certification(" Not Rated", country="US")
        'Not Rated'
    """
    if type(code) is not str:
        raise ValidationError.at("code", f"expected a string, got {type(code).__name__}")
    text = code.strip()
    if not text:
        raise ValidationError.at("code", "must not be empty")
    # The text is stripped, so something is always left after the prefix.
    if match := _RATED.match(text):
        text = text[match.end() :]
    if country is not None:
        for system in _tables()[1].get(_check_country(country), ()):
            if (found := system.canonical(text)) is not None:
                return found
    return text


def _check_field(inst: ContentRating, attr: attrs.Attribute[Any], value: object) -> None:
    path = attr.name
    if path == "country":
        _check_country(value)
        return
    if value is None and path != "code":
        return
    if type(value) is not str:
        raise ValidationError.at(path, f"expected a string, got {type(value).__name__}")
    limit = MAX_REASON if path == "reason" else MAX_CODE
    if not value.strip():
        raise ValidationError.at(path, "must not be empty")
    if len(value) > limit:
        raise ValidationError.at(path, f"is longer than {limit} characters")
    if path == "reason":
        check_text(path, value)  # also rejects lone surrogates, which no encoder writes
        return
    if value != value.strip():
        hint = "; clean it with normalize_certification()" if path == "code" else ""
        raise ValidationError.at(path, f"{shown(value)} has surrounding whitespace{hint}")
    if not value.isprintable():
        raise ValidationError.at(path, f"{shown(value)} has unprintable characters")


def _check_descriptors(inst: ContentRating, attribute: attrs.Attribute[Any], value: Any) -> None:
    check_texts("descriptors", value)


@attrs.frozen
class ContentRating(PydanticHooks):
    """A content rating (certification) given in one country.

    Args:
        code: The code, exactly ("R", "15", "MA 15+"); clean free text with
            :func:`normalize_certification` or :meth:`parse` first. A code the system
            does not know is kept; it just has no rank or minimum age.
        country: The ISO 3166-1 alpha-2 code of the country; never assumed.
        system: The name of the system ("MPA"). None, the default, means: infer it from
            the country and the code (a US film's "R" is MPA, "TV-14" is US TV); it stays
            None for a country without a known system.
        reason: Why the rating was given ("for language and some violence").
        descriptors: The content descriptors the source lists (TMDb's descriptors,
            BBFC's reasons: "strong language", "violence").

    Raises:
        ValidationError: A field is invalid; the path names it (``code``, ``country``).

    Examples:
        >>> r = ContentRating("R", country="US", reason="for language")
        >>> r.system, r.label, r.min_age, r.is_at_least("PG-13")
        ('MPA', 'MPAA Rating', 17, True)
        >>> ContentRating("R", country="US") == ContentRating("R", country="US", system="MPA")
        True
        >>> ContentRating("KNT/ENA", country="BE").label
        'Content Rating'
    """

    __repr__ = fields_repr

    code: str = attrs.field(validator=_check_field)
    country: str = attrs.field(kw_only=True, validator=_check_field)
    system: str | None = attrs.field(kw_only=True, default=None, validator=_check_field)
    reason: str | None = attrs.field(kw_only=True, default=None, validator=_check_field)
    descriptors: tuple[str, ...] = attrs.field(
        kw_only=True,
        default=(),
        converter=tuple_of,
        validator=_check_descriptors,
        metadata=meta(since=2),
    )

    def __attrs_post_init__(self) -> None:
        # Inferred here rather than by a default factory so that an explicit None means
        # the same as no argument: a rating read back from JSON without a system then
        # equals the one that was written.
        if self.system is None and (found := _infer(self.country, self.code)) is not None:
            object.__setattr__(self, "system", found.name)

    @classmethod
    def parse(cls, text: str, *, country: str, reason: str | None = None) -> ContentRating:
        """Build a rating from free text, cleaned by :func:`normalize_certification`.

        Args:
            text: The code as found ("Rated R", "FSK 16", "MA15+ ").
            country: The ISO 3166-1 alpha-2 code of the country.
            reason: Why the rating was given.

        Returns:
            The rating.

        Raises:
            ValidationError: *text* is empty, or *country* is invalid.

        Examples:
            >>> ContentRating.parse("MA15+ ", country="AU")
            ContentRating(code='MA 15+', country='AU', system='ACB', reason=None, descriptors=())
        """
        return cls(normalize_certification(text, country=country), country=country, reason=reason)

    @property
    def _system(self) -> CertificationSystem | None:
        return _tables()[0].get(self.system) if self.system is not None else None

    @property
    def rank(self) -> int | None:
        """The place of the code in its system's order (0 is least restrictive), or None.

        Examples:
            >>> ContentRating("PG-13", country="US").rank
            2
        """
        system = self._system
        return None if system is None else system.rank(self.code)

    @property
    def min_age(self) -> int | None:
        """The minimum age the code sets or recommends (0 for none), or None if unknown.

        Examples:
            >>> ContentRating("12A", country="GB").min_age
            12
        """
        system = self._system
        return None if system is None else system.min_age(self.code)

    @property
    def label(self) -> str:
        """The fact-box label: the system's ("MPAA Rating"), else "Content Rating".

        Examples:
            >>> ContentRating("16", country="DE").label
            'FSK Rating'
        """
        system = self._system
        if system is not None:
            return system.label
        return f"{self.system} Rating" if self.system is not None else "Content Rating"

    def is_at_least(self, code: str) -> bool:
        """Tell whether this rating is *code* or stricter, in its own system.

        Args:
            code: A code of this rating's system, matched like
                :func:`normalize_certification` matches it ("pg13" is "PG-13").

        Returns:
            Whether this rating ranks at or above *code*; False when this rating's own
            code has no place in the order ("Not Rated").

        Raises:
            ValidationError: The system is unknown (path ``system``), or *code* is not
                one of its codes (path ``code``).

        Examples:
            >>> ContentRating("NC-17", country="US").is_at_least("R")
            True
            >>> ContentRating("15", country="GB").is_at_least("18")
            False
        """
        system = self._system
        if system is None:
            what = f"{shown(self.system)} is not a known system" if self.system else "is unknown"
            raise ValidationError.at("system", f"{what}, so its codes have no order")
        wanted = system.rank(system.canonical(code) or code) if type(code) is str else None
        if wanted is None:
            raise ValidationError.at("code", f"{shown(code)} is not one of the {system.name} codes")
        rank = self.rank
        return rank is not None and rank >= wanted
