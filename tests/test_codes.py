from __future__ import annotations

import doctest
import json
import os
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmmeta
from filmmeta._model import codes as _codes
from filmmeta._model.codes import (
    country_from_name,
    country_name,
    is_currency,
    is_language_tag,
    is_region,
    language_from_name,
    language_name,
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("US", True),
        ("GB", True),
        ("DE", True),
        ("FR", True),
        ("JP", True),
        ("KR", True),
        ("KP", True),
        ("HK", True),
        ("TW", True),
        ("XK", True),  # Kosovo: user-assigned, used by TMDb
        ("AQ", True),
        ("SS", True),
        ("UK", False),  # the United Kingdom is GB
        ("us", False),
        ("Us", False),
        ("USA", False),
        ("SU", False),  # Soviet Union: withdrawn
        ("YU", False),
        ("DD", False),
        ("EU", False),
        ("ZZ", False),
        ("", False),
        (" US", False),
        ("U", False),
    ],
)
def test_is_region(code: str, expected: bool) -> None:
    assert is_region(code) is expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USD", True),
        ("EUR", True),
        ("JPY", True),
        ("GBP", True),
        ("CHF", True),
        ("INR", True),
        ("BRL", True),
        ("KRW", True),
        ("CNY", True),
        ("SLE", True),  # Sierra Leone's redenominated leone
        ("VES", True),
        ("ZWG", True),
        ("XCG", True),  # Caribbean guilder, which replaced ANG
        ("usd", False),
        ("Usd", False),
        ("US", False),
        ("USDT", False),
        ("DEM", False),  # Deutsche Mark: withdrawn
        ("FRF", False),
        ("HRK", False),  # Croatia moved to the euro in 2023
        ("RUR", False),
        ("$", False),
        ("€", False),
        ("", False),
    ],
)
def test_is_currency(code: str, expected: bool) -> None:
    assert is_currency(code) is expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", True),
        ("fr", True),
        ("pt-BR", True),
        ("zh-Hant", True),
        ("zh-Hans-CN", True),
        ("zh-Hant-TW", True),
        ("yue", True),
        ("gsw", True),
        ("cmn", True),
        ("es-419", True),
        ("en-001", True),
        ("sr-Latn-RS", True),
        ("de-CH-1901", True),
        ("de-1996", True),
        ("ca-ES-valencia", True),
        ("sgn", True),  # ISO 639-5 collection: sign languages
        ("ase", True),
        ("tlh", True),
        ("und", True),
        ("zxx", True),
        ("sq-XK", True),
        ("english", False),
        ("EN", False),
        ("En", False),
        ("en_US", False),
        ("en-us", False),  # region must be upper case
        ("zh-hant", False),  # script must be title case
        ("zh-HANT", False),
        ("de-CH-1901-1901", False),  # repeated variant
        ("eng", False),  # BCP 47 uses the ISO 639-1 code
        ("fre", False),
        ("xx", False),
        ("cn", False),  # TMDb's private code for Cantonese
        ("iw", False),  # withdrawn; Hebrew is "he"
        ("zh-yue", False),  # extended language subtag: "yue" is the canonical form
        ("en-UK", False),
        ("en-999", False),
        ("en-US-u-ca-gregory", False),  # extensions are not accepted
        ("en-x-private", False),
        ("i-klingon", False),
        ("en-", False),
        ("-en", False),
        ("en--US", False),
        ("en-US-US", False),
        ("qaa", False),
        ("", False),
    ],
)
def test_is_language_tag(tag: str, expected: bool) -> None:
    assert is_language_tag(tag) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("United States", "US"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("United States of America", "US"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("Great Britain", "GB"),
        ("England", "GB"),
        ("South Korea", "KR"),
        ("Korea, Republic of", "KR"),
        ("North Korea", "KP"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Iran", "IR"),
        ("Czech Republic", "CZ"),
        ("Czechia", "CZ"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Turkiye", "TR"),
        ("Hong Kong", "HK"),
        ("Taiwan", "TW"),
        ("Vietnam", "VN"),
        ("Viet Nam", "VN"),
        ("West Germany", "DE"),
        ("Burma", "MM"),
        ("Ivory Coast", "CI"),
        ("Cote d'Ivoire", "CI"),
        ("The Netherlands", "NL"),
        ("Bosnia & Herzegovina", "BA"),
        ("St. Lucia", "LC"),
        ("Democratic Republic of the Congo", "CD"),
        ("Kosovo", "XK"),
        ("  france\t", "FR"),
        ("NEW  ZEALAND", "NZ"),
        ("US", "US"),
        ("XK", "XK"),
        ("fr", "FR"),
        ("Soviet Union", None),
        ("USSR", None),
        ("East Germany", None),
        ("Yugoslavia", None),
        ("Federal Republic of Yugoslavia", None),
        ("Serbia and Montenegro", None),
        ("Czechoslovakia", None),
        ("Korea", None),  # North or South?
        ("SU", None),
        ("Atlantis", None),
        ("N/A", None),
        ("", None),
    ],
)
def test_country_from_name(name: str, expected: str | None) -> None:
    assert country_from_name(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("English", "en"),
        ("French", "fr"),
        ("Mandarin", "cmn"),
        ("Chinese", "zh"),
        ("Cantonese", "yue"),
        ("Min Nan", "nan"),
        ("Hokkien", "nan"),
        ("Swiss German", "gsw"),
        ("Hindi", "hi"),
        ("Turkish", "tr"),
        ("Persian", "fa"),
        ("Farsi", "fa"),
        ("Greek", "el"),
        ("Greek, Modern (1453-)", "el"),
        ("Greek, Ancient (to 1453)", "grc"),
        ("American Sign Language", "ase"),
        ("British Sign Language", "bfi"),
        ("Sign Languages", "sgn"),
        ("Klingon", "tlh"),
        ("Latin", "la"),
        ("Hebrew", "he"),
        ("Filipino", "fil"),
        ("Tagalog", "tl"),
        ("Norwegian", "no"),
        ("Ukrainian", "uk"),
        ("Old English", "ang"),
        ("Aramaic", "arc"),
        ("Serbo-Croatian", "sh"),
        ("Flemish", "nl-BE"),
        ("Brazilian Portuguese", "pt-BR"),
        ("Māori", "mi"),
        ("Volapük", "vo"),
        ("Volapuk", "vo"),
        (" ENGLISH ", "en"),
        ("english", "en"),
        ("Mon", "mnw"),  # the language of Myanmar, not the ISO 639-2 code of Mongolian
        ("Ga", "gaa"),
        ("en", "en"),
        ("pt-BR", "pt-BR"),
        ("EN", "en"),
        ("GA", "ga"),
        ("en_US", "en-US"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("eng", "en"),
        ("ger", "de"),
        ("mon", "mn"),
        ("Aboriginal", None),
        ("None", None),
        ("Elvish", None),
        ("Ancient (to 1453)", None),
        ("xx", None),
        ("", None),
    ],
)
def test_language_from_name(name: str, expected: str | None) -> None:
    assert language_from_name(name) == expected


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "English"),
        ("fr", "French"),
        ("yue", "Cantonese"),
        ("cmn", "Mandarin"),
        ("zh", "Chinese"),
        ("el", "Greek"),
        ("fa", "Persian"),
        ("gsw", "Swiss German"),
        ("ase", "American Sign Language"),
        ("sgn", "Sign languages"),
        ("tlh", "Klingon"),
        ("ms", "Malay"),
        ("sw", "Swahili"),
        ("ang", "Old English"),
        ("pa", "Punjabi"),
        ("pt-BR", "Portuguese (Brazil)"),
        ("en-GB", "English (United Kingdom)"),
        ("es-419", "Spanish (Latin America)"),
        ("zh-Hant", "Chinese (Traditional)"),
        ("zh-Hans-CN", "Chinese (Simplified, China)"),
        ("sr-Latn-RS", "Serbian (Latin, Serbia)"),
        ("ko-KR", "Korean (South Korea)"),
        ("de-CH-1901", "German (Switzerland, 1901)"),
        ("xx", "xx"),
        ("EN", "EN"),
        ("english", "english"),
        ("", ""),
    ],
)
def test_language_name(tag: str, expected: str) -> None:
    assert language_name(tag) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("US", "United States"),
        ("GB", "United Kingdom"),
        ("DE", "Germany"),
        ("FR", "France"),
        ("KR", "South Korea"),
        ("KP", "North Korea"),
        ("RU", "Russia"),
        ("IR", "Iran"),
        ("TW", "Taiwan"),
        ("VN", "Vietnam"),
        ("CZ", "Czechia"),
        ("TR", "Türkiye"),
        ("HK", "Hong Kong"),
        ("CD", "Democratic Republic of the Congo"),
        ("BO", "Bolivia"),
        ("VA", "Vatican City"),
        ("CI", "Côte d'Ivoire"),
        ("XK", "Kosovo"),
        ("UK", "UK"),
        ("SU", "SU"),
        ("us", "us"),
        ("", ""),
    ],
)
def test_country_name(code: str, expected: str) -> None:
    assert country_name(code) == expected


def test_every_country_name_finds_its_code() -> None:
    for code, name in _codes._countries().names.items():
        assert is_region(code)
        assert country_from_name(name) == code, name


def test_every_language_name_finds_its_tag() -> None:
    for tag, name in _codes._languages().names.items():
        assert is_language_tag(tag)
        assert language_from_name(name) == tag, name


def test_aliases_point_at_valid_codes() -> None:
    for alias, code in _codes._countries().lookup.items():
        assert code is None or is_region(code), alias
    for alias, tag in _codes._languages().lookup.items():
        assert tag is None or is_language_tag(tag), alias
    for code, tag in _codes._languages().codes.items():
        assert len(code) == 3, code
        assert len(tag) == 2, code
        assert is_language_tag(tag), code


@pytest.mark.parametrize("name", ["countries.json", "currencies.json", "languages.json"])
def test_data_files_are_as_the_generator_writes_them(name: str) -> None:
    text = (files("filmmeta") / "data" / name).read_text(encoding="utf-8")
    data = json.loads(text)
    assert "scripts/gen_codes.py" in data["_source"]
    assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=0) + "\n"


@given(st.text(max_size=20))
def test_lookups_never_raise(text: str) -> None:
    assert isinstance(is_region(text), bool)
    assert isinstance(is_currency(text), bool)
    assert isinstance(is_language_tag(text), bool)
    code = country_from_name(text)
    assert code is None or is_region(code)
    tag = language_from_name(text)
    assert tag is None or is_language_tag(tag)
    assert isinstance(language_name(text), str)
    assert isinstance(country_name(text), str)


@given(
    st.sampled_from(["en", "pt", "zh", "yue", "sr"]),
    st.sampled_from(["", "-Latn", "-Hant"]),
    st.sampled_from(["", "-BR", "-419", "-TW"]),
)
def test_language_from_name_repairs_case(language: str, script: str, region: str) -> None:
    tag = language + script + region
    assert is_language_tag(tag)
    assert language_from_name(tag.upper()) == tag
    assert language_from_name(tag.lower().replace("-", "_")) == tag


def test_doctests() -> None:
    results = doctest.testmod(_codes)
    assert results.attempted > 10
    assert results.failed == 0


def test_tables_are_not_loaded_at_import() -> None:
    # A fresh interpreter: this one has loaded the tables already.
    code = (
        "import filmmeta, filmmeta._model.codes as c\n"
        "loaders = (c._countries, c._currencies, c._languages, c._subtags)\n"
        "print([f.cache_info().currsize for f in loaders])\n"
        "c.is_region('US')\n"
        "print([f.cache_info().currsize for f in loaders])\n"
    )
    root = str(Path(filmmeta.__file__).parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.split("\n")[:2] == ["[0, 0, 0, 0]", "[1, 0, 0, 0]"]
