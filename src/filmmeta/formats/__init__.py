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
- :mod:`filmmeta.formats.nfo`: Kodi movie NFO files, both directions (``from_nfo``,
  ``to_nfo``, ``NfoLink``).
- :mod:`filmmeta.formats.letterboxd`: a Letterboxd export, its files one at a time or
  the whole ZIP (``read_viewings``, ``read_films``, ``read_export``).
- :mod:`filmmeta.formats.imdb_csv`: IMDb's CSV exports of ratings, lists and the
  watchlist, in their three layouts (``read_ratings``, ``read_films``).
- :mod:`filmmeta.formats.wikidata`: a Wikidata film entity (``from_wikidata``).
- :mod:`filmmeta.formats.imdb`: IMDb's non-commercial datasets (``title.basics.tsv.gz``
  and the rest) into Arrow, Parquet or films, streaming (``write_parquet``, ``to_arrow``,
  ``record_batches``, ``read_films``).

Every importer raises :class:`~filmmeta.ValidationError` with the path of the offending
field in the *source* document, :class:`~filmmeta.UnsupportedDocumentError` for a
well-formed document that is not a film, and leaves out values it cannot map with a
:class:`~filmmeta.FilmmetaWarning` naming them.
"""
