"""Summaries of many ratings, and the page's sentence on how a film was received.

Normalised scores, weighted averages and honest labels; :func:`reception` puts them in
one sentence.

The five reception levels, from best to worst, and the bands that lead to them:

=====  =====================  ==================  ====================
level  label                  critics' percent    audience's percent
=====  =====================  ==================  ====================
4      universal acclaim      81 and above        80 and above
3      generally favorable    61 to 80            70 to 79
2      mixed                  40 to 60            60 to 69
1      mostly poor            20 to 39            40 to 59
0      overwhelming dislike   below 20            below 40
=====  =====================  ==================  ====================

The critics' bands are Metacritic's published bands for films. Audiences rate higher
than critics (IMDb's mean rating is near 6.9/10), so the audience bands sit higher:
IMDb 8.0, 7.0, 6.0 and 4.0. With both parts present the label is the mean of the two
levels, a tie going to the critics' level, and the score is the mean of the two percents.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import attrs

from filmmeta._l10n import N_, NP_, Lang, _, join, lang, p_
from filmmeta._model import Film, Rating, RatingKind, fields_repr
from filmmeta._words.common import english_article, rating_value, title_in
from filmmeta.exceptions import ValidationError

__all__ = [
    "LEVEL_LABELS",
    "RatingSummary",
    "metacritic_label",
    "reception",
    "summarize_ratings",
    "tomatometer_label",
    "weighted_rating",
]

#: The reception labels by level, 0 (worst) to 4 (best).
LEVEL_LABELS: tuple[str, ...] = (
    N_("overwhelming dislike"),
    N_("mostly poor"),
    N_("mixed"),
    N_("generally favorable"),
    N_("universal acclaim"),
)
# Metacritic's band names, best first, and Rotten Tomatoes' words.
_METACRITIC_LABELS = (
    N_("universal acclaim"),
    N_("generally favorable"),
    N_("mixed or average"),
    N_("generally unfavorable"),
)
_TOMATOMETER_LABELS = (N_("certified fresh"), N_("fresh"), N_("rotten"))
# Lower edges of levels 4, 3, 2 and 1 on a 0..100 percent scale.
_CRITICS_BANDS = (81, 61, 40, 20)
_AUDIENCE_BANDS = (80, 70, 60, 40)


def _level(percent: float, bands: Sequence[float]) -> int:
    for i, edge in enumerate(bands):
        if percent >= edge:
            return 4 - i
    return 0


def metacritic_label(score: float, *, locale: str = "en-US") -> str:
    """Metacritic's own words for a film's Metascore.

    Metacritic's film bands: 81-100 universal acclaim, 61-80 generally favorable, 40-60
    mixed or average, 20-39 generally unfavorable, 0-19 overwhelming dislike. Scores
    between two whole numbers fall in the band of the lower one.

    Args:
        score: The Metascore, 0 to 100.
        locale: The language of the label ("en-US", "de-DE", ...).

    Returns:
        The band's label.

    Raises:
        ValidationError: For a score outside 0..100.

    Examples:
        >>> metacritic_label(29), metacritic_label(81), metacritic_label(80)
        ('generally unfavorable', 'universal acclaim', 'generally favorable')
        >>> metacritic_label(29, locale="fr-FR")
        'plutôt défavorable'

    .. versionchanged:: 0.2.0 The *locale* argument.
    """
    if not 0 <= score <= 100:
        raise ValidationError.at("$", f"{score} is not a Metascore (0 to 100)")
    language = lang(locale)
    for edge, label in zip(_CRITICS_BANDS, _METACRITIC_LABELS, strict=True):
        if math.floor(score) >= edge:
            return _(language, label)
    return _(language, LEVEL_LABELS[0])


def tomatometer_label(
    percent: float, *, reviews: int | None = None, min_reviews: int = 80, locale: str = "en-US"
) -> str:
    """Rotten Tomatoes' word for a Tomatometer: rotten, fresh or certified fresh.

    A film is fresh at 60% and above. Certified fresh needs 75% and enough reviews:
    Rotten Tomatoes asks 80 for a wide release (40 for a limited one; pass
    ``min_reviews=40``). Without a review count a film is never called certified.

    Args:
        percent: The Tomatometer, 0 to 100.
        reviews: How many reviews it counts, when known.
        min_reviews: Reviews needed for certified fresh.
        locale: The language of the label ("en-US", "de-DE", ...).

    Returns:
        ``"certified fresh"``, ``"fresh"`` or ``"rotten"``.

    Examples:
        >>> tomatometer_label(59), tomatometer_label(60), tomatometer_label(93)
        ('rotten', 'fresh', 'fresh')
        >>> tomatometer_label(75, reviews=80), tomatometer_label(74, reviews=300)
        ('certified fresh', 'fresh')

    .. versionchanged:: 0.2.0 The *locale* argument.
    """
    if not 0 <= percent <= 100:
        raise ValidationError.at("$", f"{percent} is not a Tomatometer (0 to 100)")
    certified, fresh, rotten = _TOMATOMETER_LABELS
    if percent >= 75 and reviews is not None and reviews >= min_reviews:
        label = certified
    else:
        label = fresh if percent >= 60 else rotten
    return _(lang(locale), label)


def weighted_rating(value: float, votes: int, *, mean: float, min_votes: float) -> float:
    """The Bayesian (IMDb Top 250 style) weighted rating.

    ``v / (v + m) * R + m / (v + m) * C``: a rating from few votes is pulled towards the
    mean *C* of all films; with many more votes than *m* it stays near its own value *R*.
    IMDb does not disclose its own weighting, so *mean* and *min_votes* are yours.

    Args:
        value: The film's rating R.
        votes: How many votes v it is based on.
        mean: The mean rating C over the catalog.
        min_votes: The weight m of the prior, in votes.

    Returns:
        The weighted rating, on the same scale as *value*.

    Raises:
        ValidationError: For negative votes or min_votes.

    Examples:
        >>> round(weighted_rating(5.7, 347, mean=7.0, min_votes=25000), 3)
        6.982
    """
    if votes < 0 or min_votes < 0:
        raise ValidationError.at("$", "votes and min_votes must not be negative")
    if votes + min_votes == 0:
        return value
    return votes / (votes + min_votes) * value + min_votes / (votes + min_votes) * mean


def _mean_percent(ratings: Sequence[Rating]) -> float | None:
    """Mean percent, weighted by votes when every rating has a vote count."""
    if not ratings:
        return None
    if all(r.votes for r in ratings):
        total = sum(r.votes or 0 for r in ratings)
        return sum(r.percent * (r.votes or 0) for r in ratings) / total
    return sum(r.percent for r in ratings) / len(ratings)


@attrs.frozen
class RatingSummary:
    """What many ratings say together.

    Attributes:
        score: 0 to 100: the mean of the critics' and audience's percents (or the one
            present); None without ratings.
        level: 0 (overwhelming dislike) to 4 (universal acclaim); None without ratings.
        critics: The critics' percent (vote-weighted when every critics' source gives
            a count), or None.
        audience: The audience's percent, likewise, or None.
        votes: The votes and reviews counted, over all sources that give a count.
        count: How many ratings were summarised.
        locale: The language of the labels ("en-US").
    """

    __repr__ = fields_repr

    score: float | None
    level: int | None
    critics: float | None
    audience: float | None
    votes: int
    count: int
    locale: str = attrs.field(default="en-US", kw_only=True)

    def _label(self, level: int) -> str:
        return _(lang(self.locale), LEVEL_LABELS[level])

    @property
    def label(self) -> str | None:
        """The reception in plain words ("mostly poor"), or None without ratings."""
        return self._label(self.level) if self.level is not None else None

    @property
    def critics_label(self) -> str | None:
        """The critics' part alone in plain words, or None."""
        if self.critics is None:
            return None
        return self._label(_level(self.critics, _CRITICS_BANDS))

    @property
    def audience_label(self) -> str | None:
        """The audience's part alone in plain words, or None."""
        if self.audience is None:
            return None
        return self._label(_level(self.audience, _AUDIENCE_BANDS))


def summarize_ratings(ratings: Iterable[Rating], *, locale: str = "en-US") -> RatingSummary:
    """Summarise ratings from any sources into one score and an honest label.

    Each rating counts by its percent (:attr:`Rating.percent`). Critics' and audience's
    ratings are averaged apart (weighted by votes when every rating of that kind has a
    count), labelled with their own bands (see the module's table), and combined: the
    level is the mean of the two levels, a tie going to the critics'; the score is the
    mean of the two percents.

    Args:
        ratings: The ratings, e.g. ``film.ratings``.
        locale: The language of the summary's labels ("en-US", "de-DE", ...).

    Returns:
        The summary; with no ratings its score, level and label are None.

    Examples:
        >>> s = summarize_ratings([Rating("imdb", 5.7, votes=347), Rating("metacritic", 29)])
        >>> s.label, round(s.score), s.critics, s.audience, s.votes
        ('mostly poor', 43, 29.0, 57.0, 347)
        >>> summarize_ratings([]).label is None
        True
        >>> summarize_ratings([Rating("metacritic", 29)], locale="it-IT").label
        'prevalentemente negativa'

    .. versionchanged:: 0.2.0 The *locale* argument.
    """
    tag = lang(locale).tag  # resolved now: an unknown locale warns here, once
    items = list(ratings)
    critics = _mean_percent([r for r in items if r.kind is RatingKind.CRITICS])
    audience = _mean_percent([r for r in items if r.kind is RatingKind.AUDIENCE])
    votes = sum(r.votes for r in items if r.votes is not None)
    if critics is not None and audience is not None:
        critics_level = _level(critics, _CRITICS_BANDS)
        audience_level = _level(audience, _AUDIENCE_BANDS)
        level = (critics_level + audience_level) // 2
        if (critics_level + audience_level) % 2 and critics_level > audience_level:
            level += 1  # the tie goes to the critics' level
        score: float | None = (critics + audience) / 2
    elif critics is not None:
        level, score = _level(critics, _CRITICS_BANDS), critics
    elif audience is not None:
        level, score = _level(audience, _AUDIENCE_BANDS), audience
    else:
        level, score = None, None
    return RatingSummary(score, level, critics, audience, votes, len(items), locale=tag)


# How the film was received, as the object of "It has received ...": a context of its
# own, since a language may need an article here that the bare label has not.
_REVIEW_WORDS = (
    NP_("reviews", "overwhelming dislike"),
    NP_("reviews", "mostly poor reviews"),
    NP_("reviews", "mixed reviews"),
    NP_("reviews", "generally favorable reviews"),
    NP_("reviews", "universal acclaim"),
)
_PEOPLE = {
    (True, False): N_("from critics"),
    (False, True): N_("from viewers"),
    (True, True): N_("from critics and viewers"),
}


def _score_words(language: Lang, rating: Rating) -> str:
    value = rating_value(language, rating)
    if rating.source == "imdb":
        return _(language, "an IMDb score of {value}").format(value=value)
    if rating.source == "metacritic":
        # TRANSLATORS: the seed page's English spelling; Metacritic writes "Metascore".
        return _(language, "a MetaScore of {value}").format(value=value)
    phrase = _(language, "a {name} score of {value}")
    return english_article(language, phrase.format(name=rating.display_name, value=value))


def reception(film: Film, *, locale: str = "en-US") -> str:
    """One sentence on how the film was received, with the scores behind it.

    The label comes from :func:`summarize_ratings`; the people named are critics,
    viewers, or both, by the sources present.

    Args:
        film: The film.
        locale: The language to write it in ("en-US", "de-DE", ...).

    Returns:
        The sentence, or ``""`` when the film has no ratings.

    Raises:
        ImportError: A language other than English without the ``i18n`` extra.

    Examples:
        >>> film = Film(
        ...     "Backstage", ratings=[Rating("imdb", 5.7, votes=347), Rating("metacritic", 29)]
        ... )
        >>> print(reception(film))
        It has received mostly poor reviews from critics and viewers, who have given it an IMDb score of 5.7 and a MetaScore of 29.
        >>> print(reception(film, locale="de-DE"))
        Backstage hat überwiegend negative Kritiken von Kritikern und Zuschauern erhalten, mit einer IMDb-Wertung von 5,7 und einem Metascore von 29.

    .. versionchanged:: 0.2.0 The *locale* argument.
    """  # noqa: E501
    if not film.ratings:
        return ""
    language = lang(locale)
    summary = summarize_ratings(film.ratings)
    assert summary.level is not None  # there are ratings
    people = _PEOPLE[summary.critics is not None, summary.audience is not None]
    scores = join(language, [_score_words(language, r) for r in film.ratings])
    # TRANSLATORS: {reviews} "mostly poor reviews"; {people} "from critics and viewers";
    # {scores} "an IMDb score of 5.7 and a MetaScore of 29"; {title} may be used.
    template = _(language, "It has received {reviews} {people}, who have given it {scores}.")
    return template.format(
        title=title_in(language, film),
        reviews=p_(language, *_REVIEW_WORDS[summary.level]),
        people=_(language, people),
        scores=scores,
    )
