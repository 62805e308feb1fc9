"""Content ratings (certifications) and the rating systems filmmeta knows.

A :class:`ContentRating` is a code given in one country ("R" in the US, "15" in Great
Britain, "MA 15+" in Australia). When the country's :class:`CertificationSystem` is known,
the rating knows its place in the system's order and the minimum age it sets, so that
"R or stricter" can be asked of any film. Unknown codes are kept as they are, never
dropped: data in the wild is free text, and :func:`normalize_certification` is the one
place that cleans it.

The codes and their order follow TMDb's list of movie certifications
(``GET /3/certification/movie/list``, recorded in the shared corpus) and the boards' own
definitions; the deviations are noted in ``docs/content-ratings.md``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from filmmeta._validate import check_region, check_text
from filmmeta.exceptions import ValidationError

__all__ = [
    "SYSTEMS",
    "SYSTEMS_BY_COUNTRY",
    "CertificationSystem",
    "ContentRating",
    "normalize_certification",
    "system_for",
]

_V = TypeVar("_V")

#: Longest code or system name accepted; real codes are short ("Restricted Screening").
MAX_CODE = 40
#: Longest reason accepted ("for language and some violence" is typical).
MAX_REASON = 1000

# "Rated R" and "Rated: R" are how pages and APIs spell a code; the word is not the code.
_RATED = re.compile(r"(?:rated\s*:?\s+)+", re.IGNORECASE)


def _key(text: str) -> str:
    # Spellings differ in case, spaces and punctuation only ("NC17", "MA15+", "U/A 13+",
    # "FSK-16"); comparing letters and digits alone matches them all.
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _aliases(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _check_system(inst: CertificationSystem, attr: attrs.Attribute[Any], value: Any) -> None:
    if len(inst.min_ages) != len(inst.codes) or len(set(inst.codes)) != len(inst.codes):
        raise ValidationError.at("codes", "must be unique and match min_ages one to one")
    for alias, code in inst.aliases.items():
        if code not in inst.codes:
            raise ValidationError.at(f"aliases[{alias!r}]", f"{code!r} is not a code")


def _build_lookup(inst: CertificationSystem) -> Mapping[str, str]:
    lookup: dict[str, str] = {}
    for text, code in [*inst.aliases.items(), *((c, c) for c in inst.codes)]:
        key = _key(text)
        # Two spellings of different codes must never fold to the same letters.
        if not key or lookup.setdefault(key, code) != code:
            raise ValidationError.at(f"aliases[{text!r}]", "is empty or ambiguous")
    return MappingProxyType(lookup)


@attrs.frozen
class CertificationSystem:
    """A country's system of content ratings, with its codes in order.

    Args:
        name: The short name the system goes by ("MPA", "BBFC", "FSK").
        country: The ISO 3166-1 alpha-2 code of the country that issues it.
        label: The fact-box label ("MPAA Rating", as IMDb-style pages still print it).
        codes: The codes, from least to most restrictive.
        min_ages: The minimum age each code sets or recommends, parallel to *codes*: 0
            for no minimum, None for a code that is not about age (a special class of
            viewers, refused classification). "R" is 17: under 17 needs a parent.
        aliases: Other spellings of the codes, mapped to the code. Case, spaces and
            punctuation never matter, so "nc17" needs no alias.

    Examples:
        >>> mpa = SYSTEMS["MPA"]
        >>> mpa.codes, mpa.label
        (('G', 'PG', 'PG-13', 'R', 'NC-17'), 'MPAA Rating')
        >>> mpa.rank("R"), mpa.min_age("R"), mpa.rank("Not Rated")
        (3, 17, None)
    """

    name: str
    country: str
    label: str
    codes: tuple[str, ...]
    min_ages: tuple[int | None, ...] = attrs.field(validator=_check_system)
    aliases: Mapping[str, str] = attrs.field(
        factory=dict, converter=_aliases, eq=False, hash=False, repr=False
    )
    _lookup: Mapping[str, str] = attrs.field(
        init=False,
        eq=False,
        hash=False,
        repr=False,
        default=attrs.Factory(_build_lookup, takes_self=True),
    )

    def rank(self, code: str) -> int | None:
        """Return the place of *code* in the order, 0 for the least restrictive.

        Args:
            code: A code as :func:`normalize_certification` returns it.

        Returns:
            The index of *code* in :attr:`codes`, or None for a code the system lacks.

        Examples:
            >>> SYSTEMS["BBFC"].rank("12A"), SYSTEMS["BBFC"].rank("12")
            (2, 3)
        """
        try:
            return self.codes.index(code)
        except ValueError:
            return None

    def min_age(self, code: str) -> int | None:
        """Return the minimum age *code* sets or recommends.

        Args:
            code: A code as :func:`normalize_certification` returns it.

        Returns:
            The age (0 for none), or None for an unknown code or one not about age.

        Examples:
            >>> SYSTEMS["FSK"].min_age("16"), SYSTEMS["CBFC"].min_age("S")
            (16, None)
        """
        rank = self.rank(code)
        return None if rank is None else self.min_ages[rank]

    def canonical(self, text: str) -> str | None:
        """Return the code that *text* spells, ignoring case, spaces and punctuation.

        Args:
            text: A code or one of its aliases.

        Returns:
            The code, or None when *text* is not one of this system's.

        Examples:
            >>> SYSTEMS["MPA"].canonical("nc17"), SYSTEMS["FSK"].canonical("FSK ab 12")
            ('NC-17', '12')
        """
        return self._lookup.get(_key(text))


# One system a row: name; countries, the issuing one first; label ("" for "<name> Rating");
# code=minimum age ("-" for none), least restrictive first; alias=code, where an alias
# without "=" is a template for every numeric code ("FSK {}" maps "FSK 16" to "16").
_TABLE = (
    "MPA; US PR VI; MPAA Rating; G=0|PG=0|PG-13=13|R=17|NC-17=18; ",
    "US TV; US; TV Rating; TV-Y=0|TV-Y7=7|TV-G=0|TV-PG=0|TV-14=14|TV-MA=17; TV-Y7-FV=TV-Y7",
    "BBFC; GB; ; U=0|PG=0|12A=12|12=12|15=15|18=18|R18=18; ",
    "FSK; DE; ; 0=0|6=6|12=12|16=16|18=18; FSK {}|ab {}|FSK ab {}|ab {} Jahren"
    "|freigegeben ab {} Jahren|ohne Altersbeschränkung=0|o.Al.=0",
    "CHVRS; CA; ; G=0|PG=0|14A=14|18A=18|R=18|A=18; ",
    "CA TV; CA; TV Rating; C=0|C8=8|G=0|PG=0|14+=14|18+=18; ",
    "ACB; AU; ; G=0|PG=0|M=15|MA 15+=15|R 18+=18|X 18+=18|RC=-; MA=MA 15+|R=R 18+|X=X 18+",
    "CNC; FR; ; TP=0|10=10|12=12|16=16|18=18; U=TP|Tous publics=TP",
    "IFCO; IE; ; G=0|PG=0|12A=12|12=12|15A=15|15=15|16=16|18=18; ",
    "Kijkwijzer; NL; ; AL=0|6=6|9=9|12=12|14=14|16=16|18=18; ALL=AL",
    "ClassInd; BR; ; L=0|10=10|12=12|14=14|16=16|18=18; Livre=L|AL=L|{} anos|A{}",
    "CBFC; IN; ; U=0|U/A 7+=7|UA=12|U/A 13+=13|U/A 16+=16|A=18|S=-; ",
    "Eirin; JP; ; G=0|PG12=12|R15+=15|R18+=18; ",
    "KMRB; KR; ; ALL=0|12=12|15=15|18=18|Restricted Screening=18; 전체관람가=ALL"
    "|{}세 관람가|{}세 이상 관람가|청소년 관람불가=18|제한상영가=Restricted Screening",
    "KR TV; KR; TV Rating; ALL=0|7=7|12=12|15=15|19=19; 모든 연령 시청가=ALL|{}세 이상 시청가",
    "ICAA; ES; ; A=0|Ai=0|7=7|7i=7|12=12|16=16|18=18|X=18; TP=A|Todos los públicos=A",
    "MiC; IT; ; T=0|6+=6|14+=14|18+=18; VM14=14+|VM18=18+",
    "RTC; MX; ; AA=0|A=0|B=12|B-15=15|C=18|D=18; ",
    "OFLC; NZ; ; G=0|PG=0|M=16|RP13=13|R13=13|R15=15|RP16=16|R16=16|RP18=18|R18=18|R=-; "
    "13=R13|15=R15|16=R16|18=R18",
    "Statens medieråd; SE; ; Btl=0|7=7|11=11|15=15; Barntillåten=Btl",
    "Medierådet; DK; ; A=0|7=7|11=11|15=15; ",
    "Medietilsynet; NO; ; A=0|6=6|9=9|12=12|15=15|18=18; ",
    "KAVI; FI; ; S=0|K-7=7|K-12=12|K-16=16|K-18=18|KK=-; 7=K-7|12=K-12|16=K-16|18=K-18",
    "CCE; PT; ; Públicos=0|M/3=3|M/6=6|M/12=12|M/14=14|M/16=16|M/18=18|P=18; Publicos=Públicos"
    "|3=M/3|6=M/6|12=M/12|14=M/14|16=M/16|18=M/18",
    # Taiwan's levels by their Chinese names and English letters, as TMDb users enter them.
    "MOC; TW; ; 0+=0|6+=6|12+=12|15+=15|18+=18; 普遍級=0+|保護級=6+|輔12級=12+|輔12=12+"
    "|輔15級=15+|輔15=15+|限制級=18+|G=0+|P=6+|PG12=12+|PG15=15+|R=18+|R-18=18+",
    "IMDA; SG; ; G=0|PG=0|PG13=13|NC16=16|M18=18|R21=21; ",
    "OFNAA; HK; ; I=0|IIA=0|IIB=0|III=18; ",
    "RARS; RU; ; 0+=0|6+=6|12+=12|16+=16|18+=18; ",
    "INCAA; AR; ; ATP=0|+13=13|+16=16|+18=18|C=18; ",
    "NFC; BG; ; A=0|B=0|C=12|D=16|X=18; ",
    "MTRCB; PH; ; G=0|PG=0|R-13=13|R-16=16|R-18=18|X=-; ",
    "FPB; ZA; ; A=0|PG=0|7-9PG=7|10-12PG=10|13=13|16=16|18=18|X18=18|XX=-; ",
    "LSF; ID; ; SU=0|13+=13|17+=17|21+=21; ",
)


def _parse(row: str) -> tuple[tuple[str, ...], CertificationSystem]:
    name, countries, label, codes, aliases = (part.strip() for part in row.split(";"))
    pairs = [item.rpartition("=") for item in codes.split("|")]
    numeric = [code for code, _, _ in pairs if code.isdigit()]
    table: dict[str, str] = {}
    for item in filter(None, aliases.split("|")):
        alias, _, code = item.rpartition("=")
        table.update({alias: code} if alias else {item.format(n): n for n in numeric})
    listed = tuple(countries.split())
    system = CertificationSystem(
        name,
        listed[0],
        label or f"{name} Rating",
        tuple(code for code, _, _ in pairs),
        tuple(None if age == "-" else int(age) for _, _, age in pairs),
        table,
    )
    return listed, system


@functools.cache
def _tables() -> tuple[
    Mapping[str, CertificationSystem], Mapping[str, tuple[CertificationSystem, ...]]
]:
    # Built on first use, not at import: parsing the table is a noticeable part of
    # `import filmmeta`, and many programs never look at a content rating.
    systems = tuple(map(_parse, _TABLE))
    index: dict[str, tuple[CertificationSystem, ...]] = {}
    for countries, system in systems:
        for country in countries:
            index[country] = (*index.get(country, ()), system)
    by_name = {system.name: system for _, system in systems}
    return MappingProxyType(by_name), MappingProxyType(index)


class _LazyTable(Mapping[str, _V]):
    """A read-only mapping that builds the systems table when first read."""

    def __init__(self, which: int) -> None:
        self._which = which

    def _table(self) -> Mapping[str, _V]:
        return _tables()[self._which]  # type: ignore[return-value]

    def __getitem__(self, key: str) -> _V:
        return self._table()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())

    def __repr__(self) -> str:
        return repr(dict(self._table()))


#: The known systems by name.
SYSTEMS: Mapping[str, CertificationSystem] = _LazyTable(0)
#: The known systems of each country, the film system first ("US": MPA, then US TV).
SYSTEMS_BY_COUNTRY: Mapping[str, tuple[CertificationSystem, ...]] = _LazyTable(1)


def _check_country(country: object) -> str:
    if type(country) is not str:
        raise ValidationError.at("country", f"expected a string, got {type(country).__name__}")
    check_region("country", country)
    return country


def _infer(country: str, code: str | None) -> CertificationSystem | None:
    systems = _tables()[1].get(country, ())
    if code is None:
        return systems[0] if systems else None
    for system in systems:
        if system.rank(code) is not None:
            return system
    for system in systems:
        if system.canonical(code) is not None:
            return system
    return systems[0] if systems else None


def system_for(country: str, code: str | None = None) -> CertificationSystem | None:
    """Return the system that *code* belongs to in *country*.

    Args:
        country: An ISO 3166-1 alpha-2 code.
        code: A code, matched like :func:`normalize_certification` matches it. A code
            that no system of the country knows gets the country's film system.

    Returns:
        The system, or None for a country without a known system.

    Raises:
        ValidationError: *country* is not an ISO 3166-1 alpha-2 code.

    Examples:
        >>> system_for("US", "TV-14").name, system_for("US", "R").name
        ('US TV', 'MPA')
        >>> system_for("US", "Not Rated").name, system_for("DE").label
        ('MPA', 'FSK Rating')
        >>> system_for("IS") is None
        True
    """
    return _infer(_check_country(country), code)


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
        raise ValidationError.at(path, f"{value!r} has surrounding whitespace{hint}")
    if not value.isprintable():
        raise ValidationError.at(path, f"{value!r} has unprintable characters")


@attrs.frozen
class ContentRating:
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

    code: str = attrs.field(validator=_check_field)
    country: str = attrs.field(kw_only=True, validator=_check_field)
    system: str | None = attrs.field(kw_only=True, default=None, validator=_check_field)
    reason: str | None = attrs.field(kw_only=True, default=None, validator=_check_field)

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
            ContentRating(code='MA 15+', country='AU', system='ACB', reason=None)
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
            what = f"{self.system!r} is not a known system" if self.system else "is unknown"
            raise ValidationError.at("system", f"{what}, so its codes have no order")
        wanted = system.rank(system.canonical(code) or code) if type(code) is str else None
        if wanted is None:
            raise ValidationError.at("code", f"{code!r} is not one of the {system.name} codes")
        rank = self.rank
        return rank is not None and rank >= wanted
