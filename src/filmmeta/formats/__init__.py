"""Importers for the formats film data arrives in.

One public module per foreign format, imported by name (``from filmmeta.formats import
omdb``); nothing is imported here, so that using one format never loads the others.

- :mod:`filmmeta.formats.omdb`: OMDb API responses (``from_omdb``).
- :mod:`filmmeta.formats.tmdb`: TMDb v3 movie details, release dates and watch
  providers (``from_tmdb``).
- :mod:`filmmeta.formats.schemaorg`: schema.org ``Movie`` JSON-LD, both directions
  (``from_jsonld``, ``to_jsonld``).
- :mod:`filmmeta.formats.justwatch`: JustWatch-style offers (``offers_from_justwatch``).
- :mod:`filmmeta.formats.movielens`: the MovieLens data sets' ``movies.csv`` and
  ``links.csv`` (``read_movies``).

Every importer raises :class:`~filmmeta.ValidationError` with the path of the offending
field in the *source* document, :class:`~filmmeta.UnsupportedDocumentError` for a
well-formed document that is not a film, and leaves out values it cannot map with a
:class:`~filmmeta.FilmmetaWarning` naming them.
"""
