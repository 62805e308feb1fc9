"""A small web app that stores films sent as filmmeta's canonical JSON.

Run it with ``uvicorn webapp:app`` from this folder (``pip install fastapi uvicorn``)::

    POST /films              a film as canonical JSON -> 201, the stored film, Location
    GET  /films/{id}         the film as canonical JSON
    GET  /films/{id}.jsonld  the film as schema.org JSON-LD, for search engines
    GET  /schema             the JSON Schema of the request body

Bad bodies get a 422 whose ``errors`` list the problems with their paths (the first
100), straight from :class:`filmmeta.ValidationError`. The body is read as raw bytes and
handed to :func:`filmmeta.from_json`: filmmeta is the one place that decides what a valid
film is, so the app declares no model of its own. The store is a dict in memory.
"""

from __future__ import annotations

import re
import unicodedata

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response

import filmmeta
from filmmeta import Film, ValidationError
from filmmeta.formats.schemaorg import to_jsonld

#: The largest body accepted, in bytes. A film is a few kB; a catalog goes elsewhere.
#: Rejecting a body costs time in proportion to the problems found in it (a body of
#: nothing but wrong values is the worst case), so the cap also bounds that time.
MAX_BODY = 256 * 1024
#: The most errors sent back: enough to fix a document, never a response larger than
#: the request.
MAX_ERRORS = 100


class _BodyTooLargeError(Exception):
    pass


async def _read_body(request: Request, limit: int) -> bytes:
    """Read the body, giving up as soon as it passes *limit* bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _BodyTooLargeError
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise _BodyTooLargeError
    return bytes(body)


def _slug(film: Film) -> str:
    # ASCII letters and digits only: a slug never needs escaping in a URL, and never has
    # the "." that would make "/films/x.jsonld" ambiguous.
    ascii_title = unicodedata.normalize("NFKD", film.title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())[:8]
    if film.year is not None:
        words.append(str(film.year))
    return "-".join(words) or "film"


def _json(text: str, status_code: int = 200, **headers: str) -> Response:
    return Response(text, status_code, headers, media_type="application/json")


def create_app() -> FastAPI:
    """Build the app, with a store of its own."""
    app = FastAPI(title="filmmeta example", version=filmmeta.__version__)
    films: dict[str, Film] = {}

    def find(film_id: str) -> Film:
        film = films.get(film_id)
        if film is None:
            raise HTTPException(404, f"no film {film_id!r}")
        return film

    @app.post("/films", status_code=201)
    async def add_film(request: Request) -> Response:
        try:
            film: Film = filmmeta.from_json(await _read_body(request, MAX_BODY))
        except _BodyTooLargeError:
            return JSONResponse({"errors": [{"path": "$", "message": "body too large"}]}, 413)
        except ValidationError as err:
            errors = [{"path": p, "message": m} for p, m in err.errors[:MAX_ERRORS]]
            return JSONResponse({"errors": errors}, 422)
        # No await between choosing the id and storing the film: on the one event loop
        # thread, two requests cannot both take the same id.
        base = film_id = _slug(film)
        number = 1
        while film_id in films:
            number += 1
            film_id = f"{base}-{number}"
        films[film_id] = film
        return _json(filmmeta.to_json(film), 201, location=f"/films/{film_id}")

    # Declared before /films/{film_id}, which would otherwise take "x.jsonld" as an id.
    @app.get("/films/{film_id}.jsonld")
    async def get_film_jsonld(film_id: str) -> JSONResponse:
        return JSONResponse(to_jsonld(find(film_id)), media_type="application/ld+json")

    @app.get("/films/{film_id}")
    async def get_film(film_id: str) -> Response:
        return _json(filmmeta.to_json(find(film_id)))

    @app.get("/schema")
    async def get_schema() -> JSONResponse:
        return JSONResponse(filmmeta.json_schema(), media_type="application/schema+json")

    return app


app = create_app()
