"""A small FastAPI app that stores films, with filmmeta's ``Film`` as its body and response.

Run it with ``uvicorn webapp:app`` from this folder
(``pip install 'filmmeta[pydantic]' fastapi uvicorn``)::

    POST /films              a film as canonical JSON -> 201, the stored film, Location
    GET  /films/{id}         the film as canonical JSON
    GET  /films/{id}.jsonld  the film as schema.org JSON-LD, for search engines
    GET  /schema             the JSON Schema of the request body

``Film`` is a pydantic type when pydantic is installed, so FastAPI reads the body with
filmmeta's own rules, writes responses in the canonical form and documents both with
filmmeta's JSON Schema in ``/openapi.json``. A bad film gets FastAPI's standard 422, whose
``detail`` lists every problem filmmeta found with its ``loc`` (``["body", "ratings", 1,
"value"]``). Every other error has that shape too: ``{"detail": [{"type", "loc", "msg"}]}``.
Bodies over ``MAX_BODY`` get 413.
The store is a dict in memory.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from fastapi import Body, FastAPI, HTTPException, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import filmmeta
from filmmeta import Film
from filmmeta.formats.schemaorg import to_jsonld

#: The largest body accepted, in bytes. A film is a few kB; a catalog goes elsewhere.
#: Rejecting a body costs time in proportion to the problems found in it, so the cap also
#: bounds that time (and filmmeta reports at most 100 problems per list).
MAX_BODY = 256 * 1024

_ERROR_TYPES = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}


def _error(status: int, message: str, loc: list[str | int]) -> JSONResponse:
    """The one error shape, FastAPI's 422 ``detail`` list, for every other status."""
    kind = _ERROR_TYPES.get(status, "http_error")
    return JSONResponse({"detail": [{"type": kind, "loc": loc, "msg": message}]}, status)


class LimitBody:
    """Refuse a body over MAX_BODY bytes with 413, in the one error shape.

    The whole body is read (up to the limit) before the app sees any of it, whether or not
    the client declared its length.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":  # lifespan messages
            await self.app(scope, receive, send)
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            body += message.get("body", b"")
            if len(body) > MAX_BODY:
                await _error(413, "body too large", ["body"])(scope, receive, send)
                return
            more = message.get("more_body", False)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:  # the app waits for the client to go away
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


def _slug(film: Film) -> str:
    # ASCII letters and digits only: a slug never needs escaping in a URL, and never has
    # the "." that would make "/films/x.jsonld" ambiguous.
    ascii_title = unicodedata.normalize("NFKD", film.title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_title.lower())[:8]
    if film.year is not None:
        words.append(str(film.year))
    return "-".join(words) or "film"


def create_app() -> FastAPI:
    """Build the app, with a store of its own."""
    app = FastAPI(title="filmmeta example", version=filmmeta.__version__)
    app.add_middleware(LimitBody)
    films: dict[str, Film] = {}

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), list(getattr(exc, "loc", [])))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's own 422 less each error's "input": that echoes the body back (all of
        # it, for an error at the body's root), and JSON cannot carry a NaN input.
        detail = [{"type": e["type"], "loc": e["loc"], "msg": e["msg"]} for e in exc.errors()]
        return JSONResponse({"detail": detail}, 422)

    def find(film_id: str) -> Film:
        film = films.get(film_id)
        if film is None:
            error = HTTPException(404, f"no film {film_id!r}")
            error.loc = ["path", "film_id"]  # type: ignore[attr-defined]
            raise error
        return film

    # Body(): FastAPI takes a parameter of a class it does not know for a query parameter.
    @app.post("/films", status_code=201)
    async def add_film(film: Annotated[Film, Body()], response: Response) -> Film:
        # No await between choosing the id and storing the film: on the one event loop
        # thread, two requests cannot both take the same id.
        base = film_id = _slug(film)
        number = 1
        while film_id in films:
            number += 1
            film_id = f"{base}-{number}"
        films[film_id] = film
        response.headers["location"] = f"/films/{film_id}"
        return film

    # Declared before /films/{film_id}, which would otherwise take "x.jsonld" as an id.
    @app.get("/films/{film_id}.jsonld", response_class=JSONResponse)
    async def get_film_jsonld(film_id: str) -> JSONResponse:
        return JSONResponse(to_jsonld(find(film_id)), media_type="application/ld+json")

    @app.get("/films/{film_id}")
    async def get_film(film_id: str) -> Film:
        return find(film_id)

    @app.get("/schema")
    async def get_schema() -> JSONResponse:
        return JSONResponse(filmmeta.json_schema(), media_type="application/schema+json")

    return app


app = create_app()
