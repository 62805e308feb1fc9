"""The page in eight locales: CLDR's formats through Babel, the catalogs' grammar.

Each expected value below was reviewed for grammar; the comment beside it says which CLDR
pattern or which rule of the language it follows, so that a reviewer can check the rule
rather than trust the string.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import filmmeta
from filmmeta import (
    ContentRating,
    Film,
    FilmmetaWarning,
    Offer,
    Rating,
    Release,
    Title,
    _l10n,
    describe,
    fact_sheet,
    format_runtime,
    from_json,
    metacritic_label,
    page,
    reception,
    summarize_ratings,
    tomatometer_label,
    where_to_watch,
)
from filmmeta._words.parts import page_parts

PACKAGE = Path(filmmeta.__file__).parent
LOCALE = PACKAGE / "locale"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/filmmeta.po"))
NBSP, NNBSP = "\u00a0", "\u202f"
# French typography's apostrophe, and the full-width colon of Japanese text.
APOS, COLON = "\u2019", "\uff1a"


def _read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


@pytest.fixture
def backstage(backstage_text: str) -> Film:
    return from_json(backstage_text)


# The Backstage page in each locale, for the locale's own country (the document has only
# a US content rating, so only en-US shows one: a page never shows another country's).
BACKSTAGE = {
    "en-US": (
        # The seed page itself.
        "R • 2000 • 1 hr 26 min • 5.7 (347) • 29",
        "Backstage is a 2000 tv movie with a runtime of 1 hour and 26 minutes. It has "
        "received mostly poor reviews from critics and viewers, who have given it an IMDb "
        "score of 5.7 and a MetaScore of 29.",
        "Backstage is available to watch, stream, download and buy on demand at Apple TV, "
        "Amazon, Google Play and Vudu. Some platforms allow you to rent Backstage for a "
        "limited time or purchase the movie and download it to your device.",
        {
            "Release Date": "2000",
            "MPAA Rating": "R",
            "Runtime": "1 hr 26 min",
            "Language": "English",
            "IMDB Rating": "5.7 (347)",
            "Metascore": "29",
        },
    ),
    "en-GB": (
        # British usage: "film" where American says "movie", "TV" in capitals (Oxford
        # style); the catalog en_GB holds only these differences and "favourable".
        "2000 • 1 hr 26 min • 5.7 (347) • 29",
        "Backstage is a 2000 TV film with a runtime of 1 hour and 26 minutes. It has "
        "received mostly poor reviews from critics and viewers, who have given it an IMDb "
        "score of 5.7 and a MetaScore of 29.",
        "Backstage is available to watch, stream, download and buy on demand at Apple TV, "
        "Amazon, Google Play and Vudu. Some platforms allow you to rent Backstage for a "
        "limited time or purchase the film and download it to your device.",
        {
            "Release Date": "2000",
            "Runtime": "1 hr 26 min",
            "Language": "English",
            "IMDB Rating": "5.7 (347)",
            "Metascore": "29",
        },
    ),
    "de-DE": (
        # CLDR de: decimal comma "5,7"; units short "Std."/"Min." joined by a space as a
        # runtime is printed (CLDR's unit list would put a comma between them).
        "2000 • 1 Std. 26 Min. • 5,7 (347) • 29",
        # "ein Fernsehfilm" (masculine, nominative after "ist"); "aus dem Jahr 2000", the
        # usual way to date a work; "mit einer Laufzeit von" + CLDR's long units, singular
        # "Stunde" by CLDR's plural rule "one"; "mit einer ... Wertung / einem Metascore"
        # are datives after "mit" (feminine -er, masculine -em); the list "und" is CLDR's.
        # The title stands for "it": German would need the film's gender for a pronoun.
        "Backstage ist ein Fernsehfilm aus dem Jahr 2000 mit einer Laufzeit von 1 Stunde "
        "und 26 Minuten. Backstage hat überwiegend negative Kritiken von Kritikern und "
        "Zuschauern erhalten, mit einer IMDb-Wertung von 5,7 und einem Metascore von 29.",
        # Passive with "kann ... werden" (the verbs' participles at the end, V2 word order);
        # "den Film" is accusative, the object of "kaufen"; formal "Sie" as German shops
        # address their customers.
        "Backstage kann bei Apple TV, Amazon, Google Play und Vudu auf Abruf angesehen, "
        "gestreamt, heruntergeladen und gekauft werden. Auf einigen Plattformen können Sie "
        "Backstage für begrenzte Zeit leihen oder den Film kaufen und auf Ihr Gerät "
        "herunterladen.",
        {
            "Veröffentlichung": "2000",
            "Laufzeit": "1 Std. 26 Min.",
            "Sprache": "Englisch",  # CLDR de display name, capitalised as German nouns are
            "IMDb-Wertung": "5,7 (347)",  # compound noun with a hyphen after a brand name
            "Metascore": "29",
        },
    ),
    "fr-FR": (
        # CLDR fr: "1 h 26 min" with CLDR's narrow no-break space after the number; comma
        # decimal "5,7".
        f"2000 • 1{NNBSP}h 26{NBSP}min • 5,7 (347) • 29",
        # "un téléfilm de 2000" (masculine "un"; "de" + year); "d'une durée de"; "1 heure"
        # singular by CLDR's plural rule, "et 26 minutes"; "la critique et le public" with
        # "de la part de" contracting to "du public"; "une note" (feminine), "un Metascore".
        f"Backstage est un téléfilm de 2000 d{APOS}une durée de 1{NBSP}heure et 26 minutes. "
        "Backstage a reçu des avis plutôt négatifs de la part de la critique et du public, "
        "avec une note IMDb de 5,7 et un Metascore de 29.",
        # "disponible" is the same in both genders, so no agreement with the title is
        # needed; the sentences avoid a pronoun ("le"/"la") for the same reason.
        "Backstage est disponible à la demande sur Apple TV, Amazon, Google Play et Vudu, "
        f"en streaming, en téléchargement et à l{APOS}achat. Certaines plateformes permettent de "
        f"louer Backstage pour une durée limitée, ou d{APOS}acheter le film pour un téléchargement "
        "sur votre appareil.",
        {
            "Date de sortie": "2000",
            "Durée": f"1{NNBSP}h 26{NBSP}min",
            "Langue": "anglais",  # French writes language names in lower case (CLDR fr)
            "Note IMDb": "5,7 (347)",
            "Metascore": "29",
        },
    ),
    "es-ES": (
        "2000 • 1 h 26 min • 5,7 (347) • 29",  # CLDR es short units, comma decimal
        # "una película para televisión" (feminine "una"); "de 2000", the RAE's preferred
        # form for years from 2000 on; "1 hora y 26 minutos"; "de la crítica y del
        # público" ("de" + "el" contracts to "del").
        "Backstage es una película para televisión de 2000 con una duración de 1 hora y "
        "26 minutos. Backstage ha recibido valoraciones mayormente negativas de la crítica "
        "y del público, con una puntuación de IMDb de 5,7 y un Metascore de 29.",
        # "tu dispositivo": Spanish shops in Spain address customers with "tú".
        "Backstage está disponible bajo demanda para ver en streaming, descargar y comprar "
        "en Apple TV, Amazon, Google Play y Vudu. Algunas plataformas permiten alquilar "
        "Backstage durante un tiempo limitado o comprar la película y guardar una copia en "
        "tu dispositivo.",
        {
            "Fecha de estreno": "2000",
            "Duración": "1 h 26 min",
            "Idioma": "inglés",  # lower case, as Spanish writes language names (CLDR es)
            "Puntuación de IMDb": "5,7 (347)",
            "Metascore": "29",
        },
    ),
    "it-IT": (
        "2000 • 1 h 26 min • 5,7 (347) • 29",  # CLDR it short units, comma decimal
        # "un film per la televisione del 2000": Italian dates with "del" + year;
        # "della durata di"; "1 ora e 26 minuti"; "dalla critica e dal pubblico"
        # (preposition "da" + article); "un voto", "un Metascore" (masculine).
        "Backstage è un film per la televisione del 2000 della durata di 1 ora e 26 minuti. "
        "Backstage ha ricevuto giudizi prevalentemente negativi dalla critica e dal "
        "pubblico, con un voto IMDb di 5,7 e un Metascore di 29.",
        # "conservarne una copia" ("ne" refers to the film without choosing a gender).
        "Backstage è disponibile su richiesta su Apple TV, Amazon, Google Play e Vudu: si "
        "può guardare in streaming, scaricare e acquistare. Alcune piattaforme permettono "
        "di noleggiare Backstage per un periodo limitato o di acquistare il film e "
        "conservarne una copia sul tuo dispositivo.",
        {
            "Data di uscita": "2000",
            "Durata": "1 h 26 min",
            "Lingua": "inglese",  # lower case in Italian (CLDR it)
            "Voto IMDb": "5,7 (347)",
            "Metascore": "29",
        },
    ),
    "pt-BR": (
        "2000 • 1 h 26 min • 5,7 (347) • 29",  # CLDR pt short units, comma decimal
        # "um telefilme de 2000" (masculine "um"); "da crítica e do público" ("de" + "a" /
        # "o" contract); "uma nota" (feminine), "um Metascore".
        "Backstage é um telefilme de 2000 com duração de 1 hora e 26 minutos. Backstage "
        "recebeu avaliações predominantemente negativas da crítica e do público, com uma "
        "nota IMDb de 5,7 e um Metascore de 29.",
        # "nas plataformas" avoids the article each provider's name would take ("na Apple
        # TV", "no Google Play"); "baixar" is Brazilian for download.
        "Backstage está disponível sob demanda para assistir, baixar e comprar nas "
        "plataformas Apple TV, Amazon, Google Play e Vudu. Algumas plataformas permitem "
        "alugar Backstage por tempo limitado ou comprar o filme e guardar uma cópia no seu "
        "dispositivo.",
        {
            "Data de lançamento": "2000",
            "Duração": "1 h 26 min",
            "Idioma": "inglês",  # lower case in Portuguese (CLDR pt)
            "Nota IMDb": "5,7 (347)",
            "Metascore": "29",
        },
    ),
    "ja-JP": (
        # CLDR ja: the year skeleton "y" is "2000年"; the units without the space CLDR's
        # short pattern has, as Japanese sets numerals and counters (JIS X 4051).
        "2000年 • 1時間26分 • 5.7 (347) • 29",
        # Topic "は", the modifier before the noun it modifies ("上映時間1時間26分の2000年
        # のテレビ映画"); no space between sentences; CLDR ja's list "、".
        "Backstageは上映時間1時間26分の2000年のテレビ映画です。Backstageは批評家と視聴者から"
        "おおむね否定的な評価を受けており、IMDbスコアは5.7、メタスコアは29です。",
        # "本作" (this work) stands for the film whatever its kind.
        "BackstageはApple TV、Amazon、Google Play、Vuduでオンデマンドの視聴、ストリーミング、"
        "ダウンロード、購入ができます。一部のプラットフォームでは、Backstageを期間限定でレンタル"
        "するか、本作を購入してお使いのデバイスにダウンロードできます。",
        {
            "公開日": "2000年",
            "上映時間": "1時間26分",
            "言語": "英語",
            "IMDb評価": "5.7 (347)",
            "メタスコア": "29",  # Metacritic's name as Japanese sites write it
        },
    ),
}


@pytest.mark.parametrize("locale", list(BACKSTAGE))
def test_backstage_page_per_locale(backstage: Film, locale: str) -> None:
    header, sentences, watch, facts = BACKSTAGE[locale]
    parts = page_parts(backstage, locale=locale)
    assert " • ".join(parts.header) == header
    assert parts.sentences == sentences
    assert parts.watch == watch
    assert dict(parts.facts) == facts
    text = page(backstage, locale=locale)
    for part in (sentences, watch, *facts):
        assert part in text


def test_the_us_page_header_has_the_rating(backstage: Film) -> None:
    assert page_parts(backstage).header[0] == "R"
    assert page_parts(backstage, locale="de-DE", country="US").header[0] == "R"


AMELIE = Film(
    "Amélie",
    release_date="2001-04-25",
    titles=[
        Title("Le Fabuleux Destin d'Amélie Poulain", language="fr", kind="original"),
        Title("Die fabelhafte Welt der Amélie", region="DE", language="de"),
        Title("アメリ", region="JP", language="ja"),
    ],
    releases=[Release("2001-08-16", country="DE"), Release("2001-12-01", country="JP")],
)


@pytest.mark.parametrize(
    ("locale", "heading", "released"),
    [
        # No English title: the film's main title; no US release: its own date.
        ("en-US", "Watch Amélie", "April 25, 2001"),
        # The title for Germany in German, and the German release (CLDR de long "d. MMMM y").
        ("de-DE", "Die fabelhafte Welt der Amélie ansehen", "16. August 2001"),
        # Austria: no title for the region, the German one by language; no Austrian release.
        ("de-AT", "Die fabelhafte Welt der Amélie ansehen", "25. April 2001"),
        # French: the original title, in the film's own language.
        ("fr-FR", "Regarder Le Fabuleux Destin d'Amélie Poulain", "25 avril 2001"),
        # Japanese: "ja" alone reads as Japan (CLDR ja long "y年M月d日").
        ("ja", "アメリを観る", "2001年12月1日"),
    ],
)
def test_the_page_is_titled_and_dated_for_its_locale(
    locale: str, heading: str, released: str
) -> None:
    parts = page_parts(AMELIE, locale=locale)
    assert parts.heading == heading
    assert parts.facts[0][1] == released
    title = heading.removeprefix("Watch ").removeprefix("Regarder ")
    title = title.removesuffix(" ansehen").removesuffix("を観る")
    assert parts.sentences.startswith(title)


# English words of the templates that are words of these languages too, or names.
NAMES = {"apple", "tv", "amazon", "google", "play", "vudu", "imdb", "metascore", "backstage"}
SHARED_WORDS = {
    "de-DE": {"film", "video", "special"},  # German nouns: der Film, das Video, das Special
    "fr-FR": {"film", "a", "date"},  # le film; "a reçu" (avoir); la date
    "es-ES": set(),
    "it-IT": {"film", "video", "in", "a"},  # il film, il video, the prepositions "in", "a"
    # the article and preposition "a"; "universal" and "cinemas" are Portuguese spellings
    "pt-BR": {"a", "universal", "cinemas"},
    "ja-JP": set(),
}


def _english_words() -> set[str]:
    template = _read(LOCALE / "filmmeta.pot")
    words: set[str] = set()
    for message in template:
        for text in message.id if isinstance(message.id, tuple) else (message.id,):
            words |= {w.lower() for w in re.findall(r"[A-Za-z]+", re.sub(r"\{\w+\}", "", text))}
    return words


def _generated_text(film: Film, locale: str) -> str:
    parts = page_parts(film, locale=locale, on=THIS_YEAR)
    pieces = [parts.heading, *parts.header, parts.sentences, parts.watch_heading, parts.watch]
    pieces += [f"{label} {value}" for label, value in (*parts.facts, *parts.offers)]
    return " ".join(pieces)


EVERYTHING = Film(
    "Backstage",
    kind="tv_special",
    release_date="2000-11-07",
    runtime=61,
    languages=["en", "pt-BR"],
    content_ratings=[ContentRating("12", country=c) for c in ("DE", "FR", "ES", "IT", "BR")],
    ratings=[Rating("rotten_tomatoes", 93), Rating("letterboxd", 3.6)],
    offers=[
        Offer("Netflix", "subscription", region="US"),
        Offer("Vudu", "free", region="US"),
        Offer("Tubi", "ads", region="US"),
        Offer("Cinema", "cinema", region="GB"),
    ],
)


@pytest.mark.parametrize("locale", sorted(SHARED_WORDS))
@pytest.mark.parametrize("film", ["backstage", "everything", "leaving"])
def test_no_english_word_is_left(backstage: Film, locale: str, film: str) -> None:
    chosen = {"backstage": backstage, "everything": EVERYTHING, "leaving": LEAVING}[film]
    english = _english_words() - NAMES - SHARED_WORDS[locale]
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", _generated_text(chosen, locale))}
    assert not words & english


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        # Gender follows the kind: "une émission spéciale" (feminine), "ein TV-Special".
        (
            "fr-FR",
            f"Backstage est une émission spéciale de 2000 d{APOS}une durée de 1 heure et 1 minute.",
        ),
        (
            "de-DE",
            "Backstage ist ein TV-Special aus dem Jahr 2000 mit einer Laufzeit von 1 Stunde "
            "und 1 Minute.",
        ),
        # "uno" before s + consonant ("uno speciale"), the Italian article rule.
        (
            "it-IT",
            "Backstage è uno speciale televisivo del 2000 della durata di 1 ora e 1 minuto.",
        ),
        (
            "es-ES",
            "Backstage es un especial de televisión de 2000 con una duración de 1 hora y 1 minuto.",
        ),
        ("pt-BR", "Backstage é um especial de TV de 2000 com duração de 1 hora e 1 minuto."),
        ("ja-JP", "Backstageは上映時間1時間1分の2000年のテレビスペシャルです。"),
    ],
)
def test_describe_other_kinds(locale: str, sentence: str) -> None:
    assert describe(EVERYTHING, locale=locale).replace(NBSP, " ") == sentence


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("short", "Heat est un court métrage."),  # masculine
        ("video", "Heat est une vidéo."),  # feminine: "une"
        ("movie", "Heat est un film."),
    ],
)
def test_french_gender_without_a_year(kind: str, sentence: str) -> None:
    assert describe(Film("Heat", kind=kind), locale="fr-FR") == sentence


@pytest.mark.parametrize(
    ("locale", "sheet"),
    [
        # The content rating as the country's pages show it: "FSK 12" (Germany), the
        # CNC's "12" (France), ClassInd's Portuguese name (Brazil); release date in CLDR's
        # long date format; languages in CLDR's names and list pattern.
        (
            "de-DE",
            {
                "Veröffentlichung": "7. November 2000",
                "Altersfreigabe": "FSK 12",
                "Laufzeit": "1 Std. 1 Min.",
                "Sprachen": "Englisch und Portugiesisch (Brasilien)",
                "Tomatometer": f"93{NBSP}%",  # CLDR de percent pattern "#,##0 %"
                "Letterboxd": "3,6/5",
            },
        ),
        (
            "pt-BR",
            {
                "Data de lançamento": "7 de novembro de 2000",
                "Classificação": "Classificação indicativa 12",
                "Duração": "1 h 1 min",
                "Idiomas": "inglês e português (Brasil)",
                "Tomatometer": "93%",
                "Letterboxd": "3,6/5",
            },
        ),
        (
            "ja-JP",
            {
                "公開日": "2000年11月7日",
                "上映時間": "1時間1分",
                "言語": "英語、ポルトガル語 (ブラジル)",
                "Tomatometer": "93%",
                "Letterboxd": "3.6/5",
            },
        ),
    ],
)
def test_fact_sheet_per_country(locale: str, sheet: dict[str, str]) -> None:
    assert fact_sheet(EVERYTHING, locale=locale) == sheet


def test_content_rating_forms() -> None:
    film = Film("Heat", content_ratings=[ContentRating("15", country="GB")])
    assert page_parts(film, locale="fr-FR", country="GB").header == ("BBFC 15",)
    assert fact_sheet(film, locale="en-GB") == {"BBFC Rating": "15"}  # label + code


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # Multiple regions: "{region}: {sentence}" avoids each country's preposition and
        # article ("aux États-Unis", "in den Vereinigten Staaten").
        (
            "de-DE",
            "Vereinigte Staaten: Backstage ist zum Streamen im Abo bei Netflix, zum "
            "kostenlosen Ansehen bei Vudu und zum kostenlosen Ansehen mit Werbung bei Tubi "
            "verfügbar. Vereinigtes Königreich: Backstage ist zum Ansehen im Kino bei Cinema "
            "verfügbar.",
        ),
        (
            "fr-FR",
            f"États-Unis{NBSP}: Backstage est disponible en streaming par abonnement sur "
            "Netflix, gratuitement sur Vudu et gratuitement avec publicités sur Tubi. "
            f"Royaume-Uni{NBSP}: Backstage est disponible au cinéma sur Cinema.",
        ),
        (
            "ja-JP",
            f"アメリカ合衆国{COLON}BackstageはNetflixで定額制で視聴、Vuduで無料で視聴、Tubiで広告付きで"
            f"無料視聴できます。イギリス{COLON}BackstageはCinemaで劇場で鑑賞できます。",
        ),
    ],
)
def test_where_to_watch_by_region(locale: str, text: str) -> None:
    assert where_to_watch(EVERYTHING, locale=locale) == text


# Backstage leaving: Netflix and Hulu on their last day, January 31, Vudu on February 1,
# read on January 15 (this year: no year shown) and on December 20 of the year before (the
# year shown, in CLDR's long date format).
LEAVING = Film(
    "Backstage",
    offers=[
        Offer("Netflix", "subscription", region="US", available_until="2027-01-31"),
        Offer("Hulu", "subscription", region="US", available_until="2027-01-31"),
        Offer("Vudu", "buy", region="US", available_until="2027-02-01"),
        Offer("Apple TV", "rent", region="US"),
    ],
)
THIS_YEAR, YEAR_BEFORE = dt.date(2027, 1, 15), dt.date(2026, 12, 20)


@pytest.mark.parametrize(
    ("locale", "this_year", "year_before"),
    [
        # CLDR en skeleton MMMMd "January 31"; a year that is not this year's as the long
        # format "January 31, 2027", set off by a comma when the sentence goes on (Chicago).
        (
            "en-US",
            "Backstage is leaving Netflix and Hulu on January 31 and Vudu on February 1.",
            "Backstage is leaving Netflix and Hulu on January 31, 2027, and Vudu on "
            "February 1, 2027.",
        ),
        # CLDR en-GB "d MMMM" / "d MMMM y": the day first, no comma to set off.
        (
            "en-GB",
            "Backstage is leaving Netflix and Hulu on 31 January and Vudu on 1 February.",
            "Backstage is leaving Netflix and Hulu on 31 January 2027 and Vudu on 1 February 2027.",
        ),
        # "verlassen" takes the service as its accusative object; "am" (an dem) + the
        # dative day, CLDR de "d. MMMM" (the day an ordinal, "31."); CLDR's list "und".
        (
            "de-DE",
            "Backstage verlässt Netflix und Hulu am 31. Januar und Vudu am 1. Februar.",
            "Backstage verlässt Netflix und Hulu am 31. Januar 2027 und Vudu am 1. Februar 2027.",
        ),
        # "quitter" + the service; "le" + the day, CLDR fr "d MMMM"; the first of the month
        # is the ordinal "1er" (Imprimerie nationale), which CLDR leaves out.
        (
            "fr-FR",
            "Backstage quitte Netflix et Hulu le 31 janvier et Vudu le 1er février.",
            "Backstage quitte Netflix et Hulu le 31 janvier 2027 et Vudu le 1er février 2027.",
        ),
        # "salir de" + the service, repeated in each clause ("y de Vudu"); "el" + the day,
        # CLDR es "d 'de' MMMM"; the RAE writes the first as the cardinal "1".
        (
            "es-ES",
            "Backstage sale de Netflix y Hulu el 31 de enero y de Vudu el 1 de febrero.",
            "Backstage sale de Netflix y Hulu el 31 de enero de 2027 y de Vudu el 1 de febrero "
            "de 2027.",
        ),
        # "lasciare" + the service; "il" + the day, CLDR it "d MMMM"; the first is "1º"
        # (primo), and "il" elides before otto and undici (below).
        (
            "it-IT",
            "Backstage lascia Netflix e Hulu il 31 gennaio e Vudu il 1º febbraio.",
            "Backstage lascia Netflix e Hulu il 31 gennaio 2027 e Vudu il 1º febbraio 2027.",
        ),
        # "sair de" contracts with the article of "plataforma" (feminine): "da plataforma",
        # plural "das plataformas" by the number of services, so that no service's own
        # gender is needed; "em" + the day, CLDR pt "d 'de' MMMM"; the first is "1º" (the
        # Manual de Redação da Presidência da República).
        (
            "pt-BR",
            "Backstage sai das plataformas Netflix e Hulu em 31 de janeiro e da plataforma "
            "Vudu em 1º de fevereiro.",
            "Backstage sai das plataformas Netflix e Hulu em 31 de janeiro de 2027 e da "
            "plataforma Vudu em 1º de fevereiro de 2027.",
        ),
        # "〜での配信が〜に終了します" (the streaming on ... ends on ...); CLDR ja "M月d日" and
        # "y年M月d日", the list "、"; the clauses chained with "に、" before the one verb.
        (
            "ja-JP",
            "BackstageはNetflix、Huluでの配信が1月31日に、Vuduでの配信が2月1日に終了します。",
            "BackstageはNetflix、Huluでの配信が2027年1月31日に、Vuduでの配信が2027年2月1日に"
            "終了します。",
        ),
    ],
)
def test_leaving_soon_per_locale(locale: str, this_year: str, year_before: str) -> None:
    gap = "" if locale == "ja-JP" else " "
    text = where_to_watch(LEAVING, locale=locale, on=THIS_YEAR)
    assert text.endswith(gap + this_year)
    window = dt.timedelta(days=60)
    assert where_to_watch(LEAVING, locale=locale, on=YEAR_BEFORE, within=window).endswith(
        gap + year_before
    )
    # The page's where-to-watch section says it too.
    assert page_parts(LEAVING, locale=locale, on=THIS_YEAR).watch.endswith(gap + this_year)


def test_italian_elides_the_article_before_otto_and_undici() -> None:
    film = Film(
        "Backstage",
        offers=[
            Offer("Netflix", "subscription", available_until="2027-03-08"),
            Offer("Hulu", "subscription", available_until="2027-03-11"),
            Offer("MUBI", "subscription", available_until="2027-03-18"),
        ],
    )
    assert where_to_watch(film, locale="it-IT", on="2027-03-01").endswith(
        f" Backstage lascia Netflix l{APOS}8 marzo, Hulu l{APOS}11 marzo e MUBI il 18 marzo."
    )


def test_portuguese_names_one_platform_or_several() -> None:
    # "plataforma" takes the number of the services it names: "na plataforma Vudu",
    # "nas plataformas Vudu e Apple TV" ("em" + "a"/"as" contract), the seed's sentence too.
    one = Film("Heat", offers=[Offer("Vudu", "buy"), Offer("Netflix", "subscription")])
    assert where_to_watch(one, locale="pt-BR") == (
        "Heat está disponível para comprar na plataforma Vudu e para assistir por assinatura "
        "na plataforma Netflix."
    )
    two = Film("Heat", offers=[Offer("Vudu", "buy"), Offer("Apple TV", "buy")])
    assert where_to_watch(two, locale="pt-BR") == (
        "Heat está disponível para comprar nas plataformas Vudu e Apple TV."
    )
    assert page_parts(Film("Heat", offers=[Offer("Vudu", "buy")]), locale="pt-BR").watch == (
        "Heat está disponível sob demanda para assistir, baixar e comprar na plataforma Vudu."
    )


def test_reception_other_sources() -> None:
    assert reception(EVERYTHING, locale="es-ES") == (
        "Backstage ha recibido elogios unánimes de la crítica y del público, con una "
        f"puntuación de Tomatometer de 93{NBSP}% y una puntuación de Letterboxd de 3,6/5."
    )


@pytest.mark.parametrize(
    ("locale", "short", "long"),
    [
        ("en-US", "1 hr 26 min", "1 hour and 26 minutes"),
        ("de-DE", "1 Std. 26 Min.", "1 Stunde und 26 Minuten"),
        ("fr-FR", f"1{NNBSP}h 26{NBSP}min", f"1{NBSP}heure et 26 minutes"),
        ("es-ES", "1 h 26 min", "1 hora y 26 minutos"),
        ("it-IT", "1 h 26 min", "1 ora e 26 minuti"),
        ("pt-BR", "1 h 26 min", "1 hora e 26 minutos"),
        ("ja-JP", "1時間26分", "1時間26分"),
    ],
)
def test_format_runtime_per_locale(locale: str, short: str, long: str) -> None:
    td = dt.timedelta(minutes=86)
    assert format_runtime(td, locale=locale) == short
    assert format_runtime(td, "long", locale=locale) == long


def test_format_runtime_other_styles() -> None:
    assert format_runtime(dt.timedelta(minutes=86), "minutes", locale="de-DE") == "86 Min."
    assert format_runtime(dt.timedelta(minutes=120), "long", locale="de-DE") == "2 Stunden"
    assert format_runtime(dt.timedelta(minutes=45), "long", locale="de-DE") == "45 Minuten"
    assert format_runtime(dt.timedelta(minutes=86), "compact", locale="ja-JP") == "1h26m"
    assert format_runtime(dt.timedelta(minutes=86), "clock", locale="de-DE") == "1:26"
    with pytest.raises(ValueError, match="unknown runtime style"):
        format_runtime(dt.timedelta(minutes=86), "days", locale="de-DE")  # type: ignore[arg-type]


def test_reception_labels_per_locale() -> None:
    ratings = [Rating("imdb", 5.7, votes=347), Rating("metacritic", 29)]
    summary = summarize_ratings(ratings, locale="de-DE")
    assert (summary.label, summary.critics_label, summary.audience_label) == (
        "überwiegend negativ",
        "überwiegend negativ",
        "überwiegend negativ",
    )
    assert summarize_ratings(ratings, locale="en-GB").label == "mostly poor"
    assert summarize_ratings([Rating("metacritic", 70)], locale="en-GB").label == (
        "generally favourable"  # British spelling
    )
    assert metacritic_label(10, locale="es-ES") == "rechazo abrumador"
    assert tomatometer_label(93, reviews=300, locale="pt-BR") == "fresco certificado"
    assert tomatometer_label(10, locale="it-IT") == "marcio"


def test_spanish_and_french_rules() -> None:
    es = _l10n.lang("es-ES")
    # The RAE: "y" becomes "e" before /i/, "o" becomes "u" before /o/; not before "hie".
    assert _l10n.join(es, ["Apple TV", "iTunes"]) == "Apple TV e iTunes"
    assert _l10n.join(es, ["agua", "hielo"]) == "agua y hielo"
    assert _l10n.join(es, ["Vudu", "Orange"], "or") == "Vudu u Orange"
    assert _l10n.join(es, ["Vudu", "Netflix"], "or") == "Vudu o Netflix"
    # French writes the first of the month as "1er"; other days as numbers.
    fr = _l10n.lang("fr-FR")
    assert _l10n.month_day(fr, dt.date(2027, 1, 1)) == "1er janvier"
    assert _l10n.month_day(fr, dt.date(2027, 1, 31)) == "31 janvier"
    assert _l10n.date_words(fr, 2027, 2, 1) == "1er février 2027"
    # Brazil writes the first as "1º"; Portugal, with CLDR, as "1".
    assert _l10n.month_day(_l10n.lang("pt-BR"), dt.date(2027, 2, 1)) == "1º de fevereiro"
    assert _l10n.month_day(_l10n.lang("pt-PT"), dt.date(2027, 2, 1)) == "1 de fevereiro"


def test_english_without_babel_formats() -> None:
    us, gb = _l10n.lang("en-US"), _l10n.lang("en-GB")
    assert _l10n.date_words(us, 2000, 11, 7) == "November 7, 2000"
    assert _l10n.date_words(gb, 2000, 11, 7) == "7 November 2000"  # CLDR en-GB "d MMMM y"
    assert _l10n.date_words(gb, 2000, 11) == "November 2000"
    assert _l10n.month_day(us, dt.date(2027, 1, 31)) == "January 31"
    assert _l10n.month_day(gb, dt.date(2027, 1, 31)) == "31 January"
    assert _l10n.number(us, 1266466) == "1,266,466"
    assert _l10n.number(us, 5.7, group=False) == "5.7"
    assert _l10n.percent(us, 93) == "93%"
    assert _l10n.language_name(us, "de", "German") == "German"
    assert _l10n.country_name(us, "DE", "Germany") == "Germany"
    assert _l10n.sentences(us, ["A.", "", "B."]) == "A. B."


def test_other_formats() -> None:
    de, ja = _l10n.lang("de-DE"), _l10n.lang("ja-JP")
    assert _l10n.date_words(de, 2000, 11) == "November 2000"  # CLDR de skeleton yMMMM
    assert _l10n.date_words(ja, 2000, 11) == "2000年11月"
    assert _l10n.items(ja, ["レンタル", "購入"]) == "レンタル、購入"  # the ideographic comma
    # A country without a known rating system: the code alone.
    film = Film("Heat", content_ratings=[ContentRating("X", country="AQ")])
    assert page_parts(film, locale="de-DE", country="AQ").header == ("X",)


def test_names_cldr_does_not_know() -> None:
    de = _l10n.lang("de-DE")
    assert _l10n.language_name(de, "qaa", "Reserved") == "Reserved"
    assert _l10n.language_name(de, "en-x-y-z", "English") == "Englisch"  # its language
    assert _l10n.country_name(de, "XK", "Kosovo") == "Kosovo"


@pytest.mark.parametrize(
    ("locale", "tag", "country"),
    [
        ("fr-CA", "fr-CA", "CA"),  # CLDR's chain: French words, Canadian formats
        ("de_AT", "de-AT", "AT"),
        ("ja", "ja", "JP"),  # a language alone: its default country
        ("de-XX", "de", "DE"),  # a region CLDR does not know for German: German's formats
        ("EN-gb", "en-GB", "GB"),
        ("en", "en-US", "US"),
    ],
)
def test_locale_resolution(locale: str, tag: str, country: str) -> None:
    resolved = _l10n.lang(locale)
    assert (resolved.tag, resolved.country) == (tag, country)
    assert repr(resolved) == f"Lang({tag!r})"


def test_fr_ca_falls_back_to_french(backstage: Film) -> None:
    assert describe(backstage, locale="fr-CA").startswith("Backstage est un téléfilm de 2000")


@pytest.mark.parametrize("locale", ["sv-SE", "xx", "not a locale", ""])
def test_unsupported_locale_is_english_with_a_warning(backstage: Film, locale: str) -> None:
    with pytest.warns(FilmmetaWarning, match="is not supported; the text is written in English"):
        text = page(backstage, locale=locale)
    assert text == page(backstage)


def test_a_locale_must_be_a_string() -> None:
    with pytest.raises(TypeError, match="locale must be a string"):
        describe(Film("Heat"), locale=None)  # type: ignore[arg-type]


@pytest.fixture
def no_babel(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Babel hidden: importing it fails as it would where the extra is not installed."""
    for name in [m for m in sys.modules if m == "babel" or m.startswith("babel.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "babel", None)
    _l10n._resolve.cache_clear()
    yield
    _l10n._resolve.cache_clear()


@pytest.mark.usefixtures("no_babel")
def test_without_babel_english_works(backstage: Film) -> None:
    assert page(backstage).startswith("Watch Backstage\n\nR • 2000 • 1 hr 26 min")
    assert "TV film" in page(backstage, locale="en-GB", format="markdown")
    assert fact_sheet(backstage, locale="en-GB")["Runtime"] == "1 hr 26 min"
    assert summarize_ratings(backstage.ratings, locale="en-GB").label == "mostly poor"


@pytest.mark.usefixtures("no_babel")
@pytest.mark.parametrize("locale", ["de-DE", "ja-JP", "fr-CA"])
def test_without_babel_another_language_names_the_extra(backstage: Film, locale: str) -> None:
    with pytest.raises(ImportError, match=r"pip install 'filmmeta\[i18n\]'"):
        page(backstage, locale=locale)
    with pytest.raises(ImportError, match="i18n"):
        format_runtime(dt.timedelta(minutes=86), locale=locale)


# The catalogs: complete, compiled, and extracted from the code as it is.


def test_every_catalog_is_compiled() -> None:
    assert {p.parent.parent.name for p in CATALOGS} == {"de", "en_GB", "es", "fr", "it", "ja", "pt"}
    for po in CATALOGS:
        catalog = _read(po)
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        assert po.with_suffix(".mo").read_bytes() == compiled.getvalue(), (
            f"{po} changed: run python scripts/update_catalogs.py --compile"
        )


def _keys(messages: object) -> set[tuple[str | None, object]]:
    return {(m.context, m.id) for m in messages if m.id}  # type: ignore[attr-defined]


def test_the_template_is_extracted_from_the_code() -> None:
    keywords = {"_": (2,), "n_": (2, 3), "p_": ((2, "c"), 3), "N_": None, "NP_": ((1, "c"), 2)}
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(
        str(PACKAGE),
        keywords=keywords,
        comment_tags=("TRANSLATORS:",),
        # Babel skips folders starting with "_" by default: the layers' folders do.
        directory_filter=lambda path: not Path(path).name.startswith((".", "__pycache__")),
    ):
        found.add((context, message))
    template = _read(LOCALE / "filmmeta.pot")
    assert found == _keys(template), "run python scripts/update_catalogs.py"


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_catalogs_translate_every_message(po: Path) -> None:
    template = _read(LOCALE / "filmmeta.pot")
    catalog = _read(po)
    assert _keys(catalog) == _keys(template)
    english = po.parent.parent.name == "en_GB"  # holds only the British differences
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        assert english or all(strings), message.id
        # A translation uses the message's placeholders (and may use the title).
        allowed = set(re.findall(r"\{\w+\}", " ".join(ids))) | {"{title}"}
        for string in strings:
            assert set(re.findall(r"\{\w+\}", string)) <= allowed, string
