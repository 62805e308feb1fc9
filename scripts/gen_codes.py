"""Generate filmmeta's ISO tables in ``src/filmmeta/data/`` from pycountry's data.

Usage::

    python -m pip download pycountry --no-deps -d /tmp/pycountry
    python scripts/gen_codes.py /tmp/pycountry/pycountry-*.whl

The argument is a pycountry wheel or its unpacked ``databases`` folder; without one the
script uses an installed ``pycountry``. pycountry repackages Debian's ``iso-codes``
(ISO 3166-1, ISO 3166-3, ISO 4217, ISO 639-3, ISO 639-5 and ISO 15924 as published by
their maintenance agencies). pycountry is a tool of this script only, never a dependency
of filmmeta: the package reads the generated JSON with the standard library.

Everything filmmeta adds to the ISO lists is written out below, so that a reviewer can
see each decision: display names in everyday English ("South Korea", "Mandarin"),
aliases met in film data ("USA", "Farsi", "Hokkien"), names that deliberately map to
nothing (states that no longer exist, "Aboriginal"), and the UN M.49 areas BCP 47 uses
as regions ("419").
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "src" / "filmmeta" / "data"

# Kosovo has no ISO 3166-1 code; "XK" is the user-assigned code the EU, IMF and TMDb use.
EXTRA_COUNTRIES = {"XK": "Kosovo"}

# Everyday English short names where the ISO short name is an inverted or formal form.
COUNTRY_NAMES = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "PS": "Palestine",
    "RU": "Russia",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}

# Aliases met in OMDb, IMDb, TMDb and elsewhere. None marks a name that is known but
# has no active code: the USSR, Yugoslavia, Czechoslovakia and East Germany were split
# or absorbed, so no one successor can stand for them and the importer warns instead.
# Renamed states that continued (West Germany, Burma, Zaire, ...) map to today's code.
COUNTRY_ALIASES: dict[str, str | None] = {
    "America": "US",
    "U.S.": "US",
    "U.S.A.": "US",
    "US": "US",
    "USA": "US",
    "UK": "GB",
    "U.K.": "GB",
    "Britain": "GB",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "West Germany": "DE",
    "Federal Republic of Germany": "DE",
    "Czech Republic": "CZ",
    "Turkey": "TR",
    "Republic of Korea": "KR",
    "Korea, South": "KR",
    "Korea, North": "KP",
    "Russia": "RU",
    "Persia": "IR",
    "Burma": "MM",
    "Zaire": "CD",
    "DR Congo": "CD",
    "DRC": "CD",
    "Congo-Kinshasa": "CD",
    "Republic of the Congo": "CG",
    "Congo-Brazzaville": "CG",
    "Ceylon": "LK",
    "Siam": "TH",
    "Upper Volta": "BF",
    "Dahomey": "BJ",
    "Holland": "NL",
    "Kingdom of the Netherlands": "NL",
    "Vatican": "VA",
    "Holy See": "VA",
    "Ivory Coast": "CI",
    "Cape Verde": "CV",
    "Swaziland": "SZ",
    "Macedonia": "MK",
    "Republic of Macedonia": "MK",
    "Republic of North Macedonia": "MK",
    "East Timor": "TL",
    "Macau": "MO",
    "Hong Kong SAR China": "HK",
    "Hong Kong SAR": "HK",
    "Macao SAR China": "MO",
    "Mainland China": "CN",
    "Occupied Palestinian Territory": "PS",
    "Palestinian Territories": "PS",
    "Bosnia": "BA",
    "UAE": "AE",
    "Kosovo": "XK",
    "Soviet Union": None,
    "USSR": None,
    "U.S.S.R.": None,
    "Union of Soviet Socialist Republics": None,
    "East Germany": None,
    "German Democratic Republic": None,
    "Yugoslavia": None,
    "Federal Republic of Yugoslavia": None,
    "Socialist Federal Republic of Yugoslavia": None,
    "Serbia and Montenegro": None,
    "Czechoslovakia": None,
    "Netherlands Antilles": None,
    "Korea": None,  # North or South: ambiguous, so left to the importer's warning
}

# UN M.49 areas registered as BCP 47 region subtags, with CLDR's English names.
AREAS = {
    "001": "World",
    "002": "Africa",
    "003": "North America",
    "005": "South America",
    "009": "Oceania",
    "011": "Western Africa",
    "013": "Central America",
    "014": "Eastern Africa",
    "015": "Northern Africa",
    "017": "Middle Africa",
    "018": "Southern Africa",
    "019": "Americas",
    "021": "Northern America",
    "029": "Caribbean",
    "030": "Eastern Asia",
    "034": "Southern Asia",
    "035": "Southeast Asia",
    "039": "Southern Europe",
    "053": "Australasia",
    "054": "Melanesia",
    "057": "Micronesian Region",
    "061": "Polynesia",
    "142": "Asia",
    "143": "Central Asia",
    "145": "Western Asia",
    "150": "Europe",
    "151": "Eastern Europe",
    "154": "Northern Europe",
    "155": "Western Europe",
    "202": "Sub-Saharan Africa",
    "419": "Latin America",
}

# Everyday English names (CLDR's where ISO's differ). Mandarin and Cantonese get their
# own codes because OMDb and IMDb list them apart from "Chinese" (zh).
LANGUAGE_NAMES = {
    "cmn": "Mandarin",
    "el": "Greek",
    "hak": "Hakka",
    "ht": "Haitian Creole",
    "ia": "Interlingua",
    "ky": "Kyrgyz",
    "li": "Limburgish",
    "nan": "Min Nan",
    "pa": "Punjabi",
    "ps": "Pashto",
    "to": "Tongan",
    "ug": "Uyghur",
    "yue": "Cantonese",
}

# Aliases from ISO 639-2's alternative names and from film data; None marks a name that
# is known but is no language tag, so the importer warns rather than guessing.
LANGUAGE_ALIASES: dict[str, str | None] = {
    "Aboriginal": None,
    "Ancient Greek": "grc",
    "Aramaic": "arc",
    "Azeri": "az",
    "Bangla": "bn",
    "Brazilian Portuguese": "pt-BR",
    "Canadian French": "fr-CA",
    "Castilian": "es",
    "Central Khmer": "km",
    "Chewa": "ny",
    "Chuang": "za",
    "Dhivehi": "dv",
    "Farsi": "fa",
    "Flemish": "nl-BE",
    "Nama": "naq",  # Khoekhoe of Namibia; ISO 639-3 also has a Nama of Papua New Guinea (nmx)
    "Gaelic": "gd",
    "Gallegan": "gl",
    "Gikuyu": "ki",
    "Greek": "el",
    "Greenlandic": "kl",
    "Haitian": "ht",
    "Hokkien": "nan",
    "Irish Gaelic": "ga",
    "Kirghiz": "ky",
    "Kwanyama": "kj",
    "Latin American Spanish": "es-419",
    "Letzeburgesch": "lb",
    "Limburgan": "li",
    "Limburger": "li",
    "Maldivian": "dv",
    "Mandarin Chinese": "cmn",
    "Moldavian": "ro",
    "Moldovan": "ro",
    "Nahuatl": "nah",
    "Navaho": "nv",
    "None": None,
    "North American Indian": "nai",
    "Nyanja": "ny",
    "Occidental": "ie",
    "Old Church Slavonic": "cu",
    "Ossetic": "os",
    "Panjabi": "pa",
    "Pushto": "ps",
    "Québécois": "fr-CA",
    "Shanghainese": "wuu",
    "Sign Language": "sgn",
    "Simplified Chinese": "zh-Hans",
    "Sinhalese": "si",
    "Slovene": "sl",
    "Traditional Chinese": "zh-Hant",
    "Uighur": "ug",
    "Valencian": "ca",
}

SCRIPT_NAMES = {"Hans": "Simplified", "Hant": "Traditional", "Seal": "Small Seal"}

_PAREN = re.compile(r"\s*\(([^()]*)\)")


def key(name: str) -> str:
    """Return the lookup key of a name: whitespace collapsed, casefolded."""
    return " ".join(name.split()).casefold()


def ascii_fold(name: str) -> str:
    """Return *name* without accents ("Türkiye" -> "Turkiye")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_parens(name: str) -> str:
    """Return *name* without parenthesised parts ("Cocos (Keeling) Islands")."""
    return " ".join(_PAREN.sub("", name).split())


def uninvert(name: str) -> str:
    """Turn an inverted ISO name around ("Korea, Republic of" -> "Republic of Korea")."""
    head, sep, tail = name.partition(", ")
    # "Bonaire, Sint Eustatius and Saba" is a list and "Taiwan, Province of China" a
    # qualification: only "Korea, Republic of" and "Chinese, Mandarin" are inversions.
    if not sep or "," in tail or (" " in tail and not tail.endswith((" of", " of the"))):
        return name
    return f"{tail.removeprefix('The ')} {head}"


def variants(name: str) -> set[str]:
    """Return the spellings of a name worth accepting as aliases."""
    out = {name, strip_parens(name), uninvert(name), uninvert(strip_parens(name))}
    out |= {n.removeprefix("The ") for n in out}
    out |= {n.replace(" and ", " & ") for n in out}
    out |= {re.sub(r"^Saint ", p, n) for n in out for p in ("St. ", "St ")}
    out |= {ascii_fold(n) for n in out}
    return {n for n in out if n}


def build_index(
    names: dict[str, str],
    generated: dict[str, set[str]],
    manual: dict[str, str | None],
) -> dict[str, str | None]:
    """Return the alias table: generated spellings, then the manual list on top.

    A generated spelling that two codes share is ambiguous and left out; one that is a
    display name already (its key) is implied and not stored.
    """
    display = {key(n): code for code, n in names.items()}
    assert len(display) == len(names), "display names must be unique"
    candidates: dict[str, set[str]] = defaultdict(set)
    for code, spellings in generated.items():
        for spelling in spellings:
            candidates[key(spelling)].add(code)
    aliases: dict[str, str | None] = {}
    for k, codes in candidates.items():
        if k in display or len(codes) != 1:
            continue
        aliases[k] = codes.pop()
    for name, tag in manual.items():
        if key(name) not in display or display[key(name)] != tag:
            aliases[key(name)] = tag
    return aliases


def databases(arg: str | None) -> dict[str, Any]:
    """Load pycountry's JSON databases from a wheel, a folder or the installed package."""
    wanted = ("iso3166-1", "iso4217", "iso639-3", "iso639-5", "iso15924")
    if arg is None:
        import pycountry  # type: ignore[import-not-found]

        arg = str(Path(pycountry.__file__).parent / "databases")
    path = Path(arg)
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as whl:
            return {w: json.loads(whl.read(f"pycountry/databases/{w}.json")) for w in wanted}
    return {w: json.loads((path / f"{w}.json").read_text("utf-8")) for w in wanted}


def source(arg: str | None) -> str:
    """Describe where the data came from, for the ``_source`` key of each file."""
    match = re.search(r"pycountry-([\w.]+?)-py3", arg or "")
    version = f" {match.group(1)}" if match else ""
    return (
        f"Generated by scripts/gen_codes.py from pycountry{version} (Debian iso-codes)"
        " plus filmmeta's curated names and aliases; do not edit by hand."
    )


def countries(db: dict[str, Any]) -> dict[str, Any]:
    """Build countries.json: alpha-2 -> English name, and the alias table."""
    names: dict[str, str] = dict(EXTRA_COUNTRIES)
    generated: dict[str, set[str]] = {c: {n} for c, n in EXTRA_COUNTRIES.items()}
    for entry in db["iso3166-1"]["3166-1"]:
        code = entry["alpha_2"]
        names[code] = COUNTRY_NAMES.get(code) or entry.get("common_name") or entry["name"]
        spellings = {entry[f] for f in ("name", "official_name", "common_name") if f in entry}
        generated[code] = {v for s in spellings | {names[code]} for v in variants(s)}
    return {"aliases": build_index(names, generated, COUNTRY_ALIASES), "names": names}


def language_display(name: str) -> str:
    """Drop ISO's "(macrolanguage)" and date ranges ("Old English (ca. 450-1100)")."""
    return " ".join(
        _PAREN.sub(
            lambda m: "" if "macrolanguage" in m[1] or re.search(r"\d", m[1]) else m[0], name
        ).split()
    )


def languages(db: dict[str, Any]) -> dict[str, Any]:
    """Build languages.json: primary subtags, names, aliases, scripts and areas."""
    names: dict[str, str] = {}
    generated: dict[str, set[str]] = {}
    codes: dict[str, str] = {}
    for entry in db["iso639-3"]["639-3"]:
        tag = entry.get("alpha_2", entry["alpha_3"])
        raw = {entry[f] for f in ("name", "inverted_name", "common_name") if f in entry}
        names[tag] = language_display(entry["name"])
        generated[tag] = {v for s in raw for v in variants(s) | variants(language_display(s))}
        if tag != entry["alpha_3"]:
            codes[entry["alpha_3"]] = tag
            if "bibliographic" in entry:
                codes[entry["bibliographic"]] = tag
    for entry in db["iso639-5"]["639-5"]:
        tag = entry["alpha_3"]
        assert tag not in names, tag
        names[tag] = entry["name"][0].upper() + entry["name"][1:]
        generated[tag] = variants(entry["name"])
    # A display name shortened by language_display() must stay unique; where two
    # collide, both keep ISO's full name.
    clashes = defaultdict(list)
    for tag, name in names.items():
        clashes[key(name)].append(tag)
    for tags in clashes.values():
        if len(tags) > 1:
            for tag in tags:
                full = next(e["name"] for e in db["iso639-3"]["639-3"] if tag in e.values())
                names[tag] = full
    names.update(LANGUAGE_NAMES)
    for tag, name in LANGUAGE_NAMES.items():
        generated[tag].add(name)
    aliases = build_index(names, generated, LANGUAGE_ALIASES)
    for code, tag in codes.items():
        assert code not in names, code
        assert key(code) not in aliases or aliases[key(code)] == tag, code
    scripts = {}
    for entry in db["iso15924"]["15924"]:
        code = entry["alpha_4"]
        if code.startswith("Qa"):  # private-use range markers, not scripts
            continue
        name = entry["name"]
        if m := re.fullmatch(r"(.+) \((\w+) variant\)", name):
            name = f"{m[2]} {m[1]}"
        scripts[code] = SCRIPT_NAMES.get(code) or strip_parens(name)
    return {
        "aliases": aliases,
        "areas": AREAS,
        "codes": codes,
        "names": names,
        "scripts": scripts,
    }


def currencies(db: dict[str, Any]) -> dict[str, Any]:
    """Build currencies.json: the active ISO 4217 alphabetic codes."""
    return {"codes": sorted(e["alpha_3"] for e in db["iso4217"]["4217"])}


def main(argv: list[str]) -> None:
    """Write the three data files."""
    arg = argv[1] if len(argv) > 1 else None
    db = databases(arg)
    for name, build in (
        ("countries", countries),
        ("languages", languages),
        ("currencies", currencies),
    ):
        table = {"_source": source(arg), **build(db)}
        # One entry per line: compact, yet a change to the data reads as a small diff.
        text = json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0)
        path = DATA / f"{name}.json"
        path.write_text(text + "\n", encoding="utf-8")
        print(f"{path.relative_to(DATA.parent.parent.parent)}: {len(text.encode()):,} bytes")


if __name__ == "__main__":
    main(sys.argv)
