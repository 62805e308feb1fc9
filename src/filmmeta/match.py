"""Matching records of one film across sources that share no ids.

A Letterboxd diary has a title and a year, MovieLens "American President, The (1995)", a
Kodi library what its scraper wrote, OMDb "The American President". :func:`same_film`
decides whether two records describe one film, with a score and the reasons;
:func:`match_catalogs` pairs two whole catalogs without comparing every pair;
:func:`title_key` is the folded title the two compare.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from filmmeta._match import THRESHOLD, Match, match_catalogs, same_film, title_forms, title_key

__all__ = ["THRESHOLD", "Match", "match_catalogs", "same_film", "title_forms", "title_key"]
