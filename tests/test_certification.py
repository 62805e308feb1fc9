from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmmeta._model.certification import ContentRating, normalize_certification
from filmmeta._model.certification_systems import (
    SYSTEMS,
    SYSTEMS_BY_COUNTRY,
    CertificationSystem,
    system_for,
)
from filmmeta._model.codes import is_region
from filmmeta.exceptions import ValidationError

# Free-text codes as they arrive (TMDb release_dates, OMDb, IMDb JSON-LD, vega; see
# corpus/NOTES.md "Certifications") and what normalize_certification makes of them.
NORMALIZED = [
    # surrounding whitespace
    ("PG12 ", "JP", "PG12"),
    ("C ", "MX", "C"),
    ("M18 ", "SG", "M18"),
    ("R-18 ", None, "R-18"),
    ("  R\t", "US", "R"),
    ("\u00a0PG-13\u00a0", "US", "PG-13"),
    # case, spaces and punctuation: the system's own spelling wins
    ("pg-13", "US", "PG-13"),
    ("NC17", "US", "NC-17"),
    ("pg 13", "US", "PG-13"),
    ("c", "BG", "C"),
    ("tv-ma", "US", "TV-MA"),
    ("TV-Y7-FV", "US", "TV-Y7"),
    ("MA15+", "AU", "MA 15+"),
    ("R 18+", "AU", "R 18+"),
    ("R18+", "AU", "R 18+"),
    ("MA", "AU", "MA 15+"),
    ("UA", "IN", "UA"),
    ("U/A", "IN", "UA"),
    ("U/A 13+", "IN", "U/A 13+"),
    ("UA13+", "IN", "U/A 13+"),
    ("R-18", "JP", "R18+"),
    ("All", "KR", "ALL"),
    ("ai", "ES", "Ai"),
    ("BTL", "SE", "Btl"),
    ("publicos", "PT", "Públicos"),
    ("PG-13", "SG", "PG13"),
    ("B15", "MX", "B-15"),
    ("+18", "AR", "+18"),
    ("18", "AR", "+18"),
    ("18A", "CA", "18A"),
    ("18+", "CA", "18+"),
    # prefixes and words around the code
    ("Rated R", None, "R"),
    ("Rated R", "US", "R"),
    ("rated: PG", "US", "PG"),
    ("FSK 16", "DE", "16"),
    ("FSK16", "DE", "16"),
    ("FSK-18", "DE", "18"),
    ("ab 16", "DE", "16"),
    ("FSK ab 12", "DE", "12"),
    ("Freigegeben ab 6 Jahren", "DE", "6"),
    ("o.Al.", "DE", "0"),
    ("16 anos", "BR", "16"),
    ("Livre", "BR", "L"),
    ("A14", "BR", "14"),
    ("Tous publics", "FR", "TP"),
    ("U", "FR", "TP"),
    ("-12", "FR", "12"),
    # other scripts and older codes
    ("15세 이상 관람가", "KR", "15"),
    ("15세 관람가", "KR", "15"),
    ("청소년 관람불가", "KR", "18"),
    ("제한상영가", "KR", "Restricted Screening"),
    ("19", "KR", "19"),
    ("輔12", "TW", "12+"),
    ("限制級", "TW", "18+"),
    ("R-18 ", "TW", "18+"),
    ("VM14", "IT", "14+"),
    ("K-18", "FI", "K-18"),
    ("16", "FI", "K-16"),
    ("18", "NZ", "R18"),
    ("18", "PT", "M/18"),
    ("M/12", "PT", "M/12"),
    # unknown codes are kept, stripped but otherwise unchanged
    ("Not Rated", "US", "Not Rated"),
    ("N/A", "US", "N/A"),
    ("Open", "US", "Open"),
    ("Approved ", "US", "Approved"),
    ("KNT/ENA", "BE", "KNT/ENA"),
    ("\u039a-15", "GR", "\u039a-15"),  # a Greek capital kappa, as TMDb has it
    ("น13+", "TH", "น13+"),
    ("18PL", "MY", "18PL"),
    ("E", "AU", "E"),
    ("pg-13", None, "pg-13"),
    ("FSK 16", None, "FSK 16"),
    ("Rated", "US", "Rated"),
]


@pytest.mark.parametrize(("text", "country", "expected"), NORMALIZED)
def test_normalize(text: str, country: str | None, expected: str) -> None:
    assert normalize_certification(text, country=country) == expected


@pytest.mark.parametrize(("text", "country", "expected"), NORMALIZED)
def test_normalize_is_idempotent_on_the_table(
    text: str, country: str | None, expected: str
) -> None:
    assert normalize_certification(expected, country=country) == expected


# TMDb's own certification list (GET /3/certification/movie/list, recorded as
# corpus/tmdb/jdrouet_certification-movie-list.json), in TMDb's order.
TMDB_CODES = {
    "US": ["NR", "G", "PG", "PG-13", "R", "NC-17"],
    "GB": ["U", "PG", "12A", "12", "15", "18", "R18"],
    "DE": ["0", "6", "12", "16", "18"],
    "CA": ["E", "G", "PG", "14A", "18A", "R", "A"],
    "AU": ["E", "G", "PG", "M", "MA 15+", "R 18+", "X 18+", "RC"],
    "FR": ["TP", "12", "16", "18"],
    "IE": ["G", "PG", "12A", "12", "15A", "15", "16", "18"],
    "NL": ["AL", "6", "9", "12", "14", "16", "18"],
    "BR": ["L", "10", "12", "14", "16", "18"],
    "IN": ["U", "U/A 7+", "UA", "U/A 13+", "U/A 16+", "A", "S"],
    "JP": ["G", "PG12", "R15+", "R18+"],
    "KR": ["All", "12", "15", "18", "Restricted Screening"],
    "ES": ["A", "Ai", "7", "7i", "12", "16", "18", "X"],
    "IT": ["NR", "T", "6+", "14+", "18+"],
    "MX": ["AA", "A", "B", "B-15", "C", "D"],
    "NZ": ["G", "PG", "M", "R13", "RP13", "R15", "R16", "RP16", "R18", "RP18", "R"],
    "SE": ["NR", "Btl", "7", "11", "15"],
    "DK": ["NR", "A", "7", "11", "15", "F"],
    "NO": ["NR", "A", "6", "9", "12", "15", "18"],
    "FI": ["S", "K-7", "K-12", "K-16", "K-18", "KK"],
    "PT": ["Públicos", "M/3", "M/6", "M/12", "M/14", "M/16", "M/18", "P"],
    "TW": ["0+", "6+", "12+", "15+", "18+"],
    "SG": ["G", "PG", "PG13", "NC16", "M18", "R21"],
    "HK": ["I", "IIA", "IIB", "III"],
    "RU": ["NR", "0+", "6+", "12+", "16+", "18+"],
    "AR": ["ATP", "+13", "+16", "+18", "C"],
    "BG": ["A", "B", "C", "D", "X"],
    "PH": ["NR", "G", "PG", "R-13", "R-16", "R-18", "X"],
    "ZA": ["A", "PG", "7-9PG", "10-12PG", "13", "16", "18", "X18", "XX"],
    "ID": ["SU", "13+", "17+", "21+"],
}
# Deliberately outside the order: "not rated" and "exempt from classification" say
# nothing about how strict a film is.
UNORDERED = {"NR", "E", "F"}


@pytest.mark.parametrize("country", sorted(TMDB_CODES))
def test_every_tmdb_code_has_a_place(country: str) -> None:
    system = SYSTEMS_BY_COUNTRY[country][0]
    ranks: list[int] = []
    for code in TMDB_CODES[country]:
        rank = system.rank(normalize_certification(code, country=country))
        if code in UNORDERED:
            assert rank is None
        else:
            assert rank is not None, code
            ranks.append(rank)
    # TMDb's order is kept, except New Zealand's RP ("restricted unless with a parent")
    # levels, which TMDb puts above the R levels they relax.
    assert ranks == sorted(ranks) or country == "NZ"


@pytest.mark.parametrize(
    ("country", "code", "expected"),
    [
        ("US", "R", "MPA"),
        ("US", "NC-17", "MPA"),
        ("US", "TV-14", "US TV"),
        ("US", "tv-ma", "US TV"),
        ("US", "Not Rated", "MPA"),
        ("US", None, "MPA"),
        ("PR", "PG-13", "MPA"),
        ("GB", "12A", "BBFC"),
        ("DE", "16", "FSK"),
        ("CA", "14A", "CHVRS"),
        ("CA", "G", "CHVRS"),
        ("CA", "14+", "CA TV"),
        ("AU", "MA 15+", "ACB"),
        ("FR", "TP", "CNC"),
        ("IE", "15A", "IFCO"),
        ("NL", "AL", "Kijkwijzer"),
        ("BR", "L", "ClassInd"),
        ("IN", "U/A 16+", "CBFC"),
        ("JP", "R15+", "Eirin"),
        ("KR", "15", "KMRB"),
        ("KR", "19", "KR TV"),
        ("KR", "15세 이상 관람가", "KMRB"),
        ("TW", "R-18", "MOC"),
        ("IS", "16", None),
        ("BE", "KNT/ENA", None),
        ("TH", None, None),
    ],
)
def test_system_for(country: str, code: str | None, expected: str | None) -> None:
    system = system_for(country, code)
    assert (system.name if system else None) == expected


def test_system_for_rejects_a_bad_country() -> None:
    with pytest.raises(ValidationError) as info:
        system_for("USA", "R")
    assert info.value.errors[0][0] == "country"


@pytest.mark.parametrize(
    ("code", "country", "system", "label"),
    [
        ("R", "US", "MPA", "MPAA Rating"),
        ("TV-PG", "US", "US TV", "TV Rating"),
        ("15", "GB", "BBFC", "BBFC Rating"),
        ("16", "DE", "FSK", "FSK Rating"),
        ("MA 15+", "AU", "ACB", "ACB Rating"),
        ("Not Rated", "US", "MPA", "MPAA Rating"),
        ("KNT/ENA", "BE", None, "Content Rating"),
    ],
)
def test_inferred_system_and_label(code: str, country: str, system: str, label: str) -> None:
    rating = ContentRating(code, country=country)
    assert rating.system == system
    assert rating.label == label


def test_explicit_system_is_kept() -> None:
    rating = ContentRating("12", country="FR", system="CSA")
    assert (rating.system, rating.label, rating.rank) == ("CSA", "CSA Rating", None)
    assert ContentRating("R", country="US", system="MPA") == ContentRating("R", country="US")
    # None means "infer", so a rating read back without its system is the same rating.
    assert ContentRating("NR", country="US", system=None).system == "MPA"


@pytest.mark.parametrize(
    ("code", "country", "min_age"),
    [
        ("G", "US", 0),
        ("PG", "US", 0),
        ("PG-13", "US", 13),
        ("R", "US", 17),  # under 17 only with a parent or adult guardian
        ("NC-17", "US", 18),
        ("TV-MA", "US", 17),
        ("12A", "GB", 12),
        ("R18", "GB", 18),
        ("0", "DE", 0),
        ("6", "DE", 6),
        ("14A", "CA", 14),
        ("MA 15+", "AU", 15),
        ("RC", "AU", None),  # refused classification
        ("UA", "IN", 12),
        ("S", "IN", None),  # a special class of viewers
        ("R15+", "JP", 15),
        ("Restricted Screening", "KR", 18),
        ("R21", "SG", 21),
        ("RP16", "NZ", 16),
        ("Not Rated", "US", None),
        ("KNT/ENA", "BE", None),
    ],
)
def test_min_age(code: str, country: str, min_age: int | None) -> None:
    assert ContentRating(code, country=country).min_age == min_age


@pytest.mark.parametrize(
    ("code", "country", "threshold", "expected"),
    [
        ("R", "US", "R", True),
        ("NC-17", "US", "R", True),
        ("PG-13", "US", "R", False),
        ("G", "US", "G", True),
        ("R", "US", "pg13", True),
        ("TV-MA", "US", "TV-14", True),
        ("TV-G", "US", "TV-Y7", True),
        ("12", "GB", "12A", True),
        ("12A", "GB", "12", False),
        ("18", "DE", "16", True),
        ("12", "DE", "FSK 16", False),
        ("R 18+", "AU", "MA 15+", True),
        ("U/A 16+", "IN", "UA", True),
        ("U/A 7+", "IN", "UA", False),
        ("R13", "NZ", "RP13", True),
        ("15", "KR", "15", True),
        ("Not Rated", "US", "G", False),
    ],
)
def test_is_at_least(code: str, country: str, threshold: str, expected: bool) -> None:
    assert ContentRating(code, country=country).is_at_least(threshold) is expected


@pytest.mark.parametrize(
    ("rating", "threshold", "path"),
    [
        (ContentRating("R", country="US"), "15", "code"),
        (ContentRating("R", country="US"), "TV-MA", "code"),
        (ContentRating("16", country="IS"), "16", "system"),
        (ContentRating("12", country="FR", system="CSA"), "12", "system"),
    ],
)
def test_is_at_least_rejects(rating: ContentRating, threshold: str, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        rating.is_at_least(threshold)
    assert info.value.errors[0][0] == path


@pytest.mark.parametrize(
    ("code", "kwargs", "path"),
    [
        ("", {"country": "US"}, "code"),
        ("   ", {"country": "US"}, "code"),
        (" R", {"country": "US"}, "code"),
        ("PG12 ", {"country": "JP"}, "code"),
        ("R\n", {"country": "US"}, "code"),
        ("A\x00B", {"country": "US"}, "code"),
        ("x" * 41, {"country": "US"}, "code"),
        (15, {"country": "GB"}, "code"),
        ("R", {"country": "USA"}, "country"),
        ("R", {"country": "us"}, "country"),
        ("R", {"country": ""}, "country"),
        ("R", {"country": None}, "country"),
        ("R", {"country": "US", "system": ""}, "system"),
        ("R", {"country": "US", "system": " MPA"}, "system"),
        ("R", {"country": "US", "system": 1}, "system"),
        ("R", {"country": "US", "reason": ""}, "reason"),
        ("R", {"country": "US", "reason": "  "}, "reason"),
        ("R", {"country": "US", "reason": "x" * 1001}, "reason"),
        ("R", {"country": "US", "reason": ["violence"]}, "reason"),
    ],
)
def test_content_rating_rejects(code: object, kwargs: dict[str, object], path: str) -> None:
    with pytest.raises(ValidationError) as info:
        ContentRating(code, **kwargs)  # type: ignore[arg-type]
    assert [p for p, _ in info.value.errors] == [path]


def test_whitespace_error_points_to_normalize() -> None:
    with pytest.raises(ValidationError, match="normalize_certification"):
        ContentRating("PG12 ", country="JP")


@pytest.mark.parametrize(
    ("text", "country", "path"),
    [
        ("", "US", "code"),
        (" \t\n", "US", "code"),
        ("R", "USA", "country"),
        ("R", "uk", "country"),
        (None, "US", "code"),
    ],
)
def test_normalize_rejects(text: object, country: str, path: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_certification(text, country=country)  # type: ignore[arg-type]
    assert info.value.errors[0][0] == path


def test_parse() -> None:
    rating = ContentRating.parse("Rated R", country="US", reason="for language")
    assert rating == ContentRating("R", country="US", system="MPA", reason="for language")
    assert ContentRating.parse("FSK 16", country="DE").min_age == 16
    assert ContentRating.parse("15세 이상 관람가", country="KR").code == "15"
    with pytest.raises(ValidationError):
        ContentRating.parse(" ", country="US")


def test_content_rating_is_frozen_slotted_and_hashable() -> None:
    rating = ContentRating("R", country="US", reason="for language")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rating.code = "PG"  # type: ignore[misc]
    assert not hasattr(rating, "__dict__")
    assert len({rating, ContentRating("R", country="US", reason="for language")}) == 1
    assert attrs.evolve(rating, code="NC-17").rank == 4


def test_systems_are_consistent() -> None:
    for name, system in SYSTEMS.items():
        assert system.name == name
        assert len(system.codes) == len(system.min_ages)
        assert system.label
        for code in system.codes:
            assert system.canonical(code) == code
            assert code == code.strip()
        for alias, code in system.aliases.items():
            assert system.canonical(alias) == code
    for country, systems in SYSTEMS_BY_COUNTRY.items():
        assert is_region(country)
        # A code of a later system must not be taken for another code by an earlier
        # one, or normalising would not be idempotent.
        for i, system in enumerate(systems):
            for code in system.codes:
                for earlier in systems[:i]:
                    assert earlier.canonical(code) in {None, code}


def test_system_table_is_checked() -> None:
    with pytest.raises(ValidationError):
        CertificationSystem("X", "US", "X Rating", ("A", "B"), (0,))
    with pytest.raises(ValidationError):
        CertificationSystem("X", "US", "X Rating", ("A",), (0,), {"AA": "B"})
    with pytest.raises(ValidationError):
        CertificationSystem("X", "US", "X Rating", ("PG-13", "PG13"), (13, 13))


def test_system_equality_and_hash() -> None:
    mpa = SYSTEMS["MPA"]
    same = CertificationSystem(mpa.name, mpa.country, mpa.label, mpa.codes, mpa.min_ages)
    assert same == mpa
    assert hash(same) == hash(mpa)


COUNTRIES = st.sampled_from([None, *sorted(SYSTEMS_BY_COUNTRY), "BE", "GR"])
CODE_PIECES = st.sampled_from(
    ["Rated", "rated:", " ", "-", "+", "/", "FSK", "ab", "PG", "13", "MA", "15", "R", "세"]
)
TEXTS = st.text(min_size=1, max_size=20) | st.lists(CODE_PIECES, min_size=1).map("".join)


@given(TEXTS, COUNTRIES)
def test_normalize_is_idempotent(text: str, country: str | None) -> None:
    if not text.strip():
        with pytest.raises(ValidationError, match=r"^code: "):
            normalize_certification(text, country=country)
        return
    once = normalize_certification(text, country=country)
    assert once
    assert once == once.strip()
    assert normalize_certification(once, country=country) == once


def test_the_tables_read_as_plain_mappings() -> None:
    assert repr(SYSTEMS_BY_COUNTRY) == repr(dict(SYSTEMS_BY_COUNTRY))
    assert len(SYSTEMS) == len(dict(SYSTEMS)) > 30
