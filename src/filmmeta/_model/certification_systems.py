"""The content-rating systems filmmeta knows, and how a code finds its system.

A :class:`CertificationSystem` is one country's system of content ratings: its codes from
least to most restrictive, the minimum age each sets, and the other spellings of each
code. :data:`SYSTEMS` and :data:`SYSTEMS_BY_COUNTRY` hold the known ones, built on first
use from one table of rows; :func:`system_for` finds the system a code belongs to. The
ratings themselves, and the cleaning of free-text codes, are in
:mod:`filmmeta._model.certification`.

The codes and their order follow TMDb's list of movie certifications
(``GET /3/certification/movie/list``, recorded in the shared corpus) and the boards' own
definitions; the deviations are noted in ``docs/content-ratings.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from filmmeta._model.reprs import fields_repr
from filmmeta._model.validate import check_region
from filmmeta.exceptions import ValidationError

__all__ = [
    "SYSTEMS",
    "SYSTEMS_BY_COUNTRY",
    "CertificationSystem",
    "system_for",
]

_V = TypeVar("_V")


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

    __repr__ = fields_repr

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
