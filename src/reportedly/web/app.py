"""The web app: server-rendered pages for articles, people, stories and diffs, and a JSON API that mirrors them.
Article text is untrusted: templates escape everything, pages run only our own script, and a CSP forbids any other."""

import datetime as dt
import threading
from contextlib import asynccontextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, Optional
from urllib.parse import quote

from fastapi import Depends, FastAPI, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import AfterValidator, BaseModel, Field
from pydantic_core import PydanticCustomError
from starlette.exceptions import HTTPException

from .. import __version__
from ..errors import ReportedlyError, StoreError
from ..ingest.metadata import file_name
from ..store import browse
from ..store import stories as stored
from ..store.pool import StorePool
from . import schemas, views
from .access import LIMITED, AccessSettings, RateLimit, RequireToken, check_token, is_api

MAX_BODY = 2_000_000  # bytes of a request body: a pasted article, with room for its HTML
MAX_TEXT = 1_000_000  # characters of text to analyse
MAX_PAGE = 100
MAX_OFFSET = 1_000_000
MAX_ID = 2**62  # fits SQLite INTEGER and PostgreSQL BIGINT
NO_NUL = r"^[^\x00]*$"  # PostgreSQL text cannot hold NUL; refuse it at the edge with a 4xx

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_analyse_lock = threading.Lock()  # one spaCy pipeline per process, used by one request at a time

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Id = Annotated[int, PathParam(ge=1, le=MAX_ID)]
Name = Annotated[str, PathParam(min_length=1, max_length=200, pattern=NO_NUL)]
Terms = Annotated[str, Query(min_length=1, max_length=200, pattern=NO_NUL, description="words to find")]
Text = Annotated[Optional[str], Query(max_length=200, pattern=NO_NUL)]
ArticleRef = Annotated[int, Query(ge=1, le=MAX_ID, description="a stored article id")]
After = Annotated[Optional[int], Query(ge=1, le=MAX_ID, description="cursor: the `next` of the previous page")]


def _calendar_day(value: Optional[str]) -> Optional[str]:
    """A YYYY-MM-DD that names a real day: 2022-02-30 would otherwise filter silently to nothing."""
    if value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date", "{day} is not a calendar day (YYYY-MM-DD)", {"day": value}) from None
    return value


Day = Annotated[
    Optional[str], Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD"), AfterValidator(_calendar_day)
]


class AnalyseRequest(BaseModel):
    text: str = Field(..., min_length=1, max_length=MAX_TEXT, description="article text or HTML")
    published: Optional[str] = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")
    title: Optional[str] = Field(None, max_length=500)


WHOLE_SENTENCES = ("sentence-added", "sentence-dropped")  # listed apart from the changes of meaning
ERRORS = {404: {"description": "not found", "model": schemas.Problem}}
EVERY_ERROR = {  # answered by the app's own handlers, not FastAPI's default shape
    413: {"description": "request body too large", "model": schemas.Problem},
    422: {"description": "bad parameters: one line each", "model": schemas.Problem},
    503: {"description": "the database cannot be reached", "model": schemas.Problem},
}


def create_app(db: str, token: Optional[str] = None, access: AccessSettings = AccessSettings()) -> FastAPI:
    """The app over the corpus at `db` (a SQLite path or postgresql:// URL), which must exist. With a `token`, every
    request must carry it and the analyse endpoints are rate-limited per client; without one (this machine only),
    neither: the one client is the person at the keyboard."""
    token = check_token(token, access)
    stores = StorePool(db)  # a wrong --db fails now, in one line, not on the first request; migrated once

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        stores.close()

    app = FastAPI(
        lifespan=lifespan,
        responses=EVERY_ERROR,
        title="reportedly",
        version=__version__,
        description="Who said what, when, according to whom — and where the story came from.",
        docs_url=None,  # the interactive docs load their script from a CDN; /openapi.json is the document
        redoc_url=None,
    )
    env = Environment(loader=PackageLoader("reportedly.web", "templates"), autoescape=select_autoescape(default=True))
    env.filters["pathpart"] = lambda v: quote(str(v), safe="")
    templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    if token is not None:
        if access.analyse_per_minute > 0:
            app.add_middleware(RateLimit, settings=access)
        app.add_middleware(RequireToken, token=token, settings=access)
        plain_openapi = app.openapi

        def openapi() -> dict:
            if app.openapi_schema is None:
                app.openapi_schema = _with_access(plain_openapi(), limited=access.analyse_per_minute > 0)
            return app.openapi_schema

        app.openapi = openapi
    app.add_middleware(SecurityHeaders)  # outside the token check: a 401 page gets the CSP too
    app.add_middleware(BodyLimit, limit=MAX_BODY)

    app.state.stores = stores

    def store():
        with stores.borrow() as s:
            yield s

    Store = Annotated[Any, Depends(store)]

    # no `from __future__ import annotations` here: FastAPI reads the local Annotated aliases (Store) at definition
    def page(request: Request, name: str, code: int = 200, **ctx) -> HTMLResponse:
        return templates.TemplateResponse(request, name, ctx, status_code=code)

    def error(request: Request, code: int, detail):
        """JSON `{"detail": ...}` for the API, the error page for a person."""
        if is_api(request.url.path):
            return JSONResponse({"detail": detail}, status_code=code)
        message = "; ".join(detail) if isinstance(detail, list) else str(detail)
        return page(request, "error.html", code, message=message, status=code)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return error(request, exc.status_code, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        return error(request, 422, [f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors()])

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return error(request, 503, str(exc))

    # ------------------------------------------------------------------------------------------------- API

    @app.get("/api/articles", response_model=schemas.ArticlePage, tags=["articles"])
    def api_articles(
        s: Store,
        limit: Limit = 20,
        offset: Offset = 0,
        outlet: Text = None,
        after: After = None,
    ):
        """Stored articles, newest first (undated last), with their numbers of quotes and attributions. Page with
        `after` (the `next` of the previous page): as fast on any page, and stable while articles are added."""
        return browse.list_articles(s, limit, offset, outlet, after)

    @app.get("/api/quotes", response_model=schemas.QuotePage, tags=["people"])
    def api_quotes(
        s: Store,
        speaker: Text = None,
        outlet: Text = None,
        since: Day = None,
        limit: Limit = 20,
        offset: Offset = 0,
        after: After = None,
    ):
        """Quotes, newest first, each with its article; `speaker` matches any part of the name. Page with `after`."""
        return browse.list_quotes(s, speaker, outlet, since, limit, offset, after)

    @app.get("/api/articles/{article_id}", response_model=schemas.Article, tags=["articles"], responses=ERRORS)
    def api_article(s: Store, article_id: Id):
        """One stored article: its metadata and the whole analysis record (docs/output.md)."""
        meta, a = _article(s, article_id)
        return {**meta, "story": stored.place(s, article_id), "analysis": a.to_dict()}

    @app.get("/api/people", response_model=schemas.PeoplePage, tags=["people"])
    def api_people(
        s: Store,
        q: Text = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ):
        """People quoted in the corpus, most quoted first; `q` matches any part of the name."""
        return browse.people(s, q, limit, offset)

    @app.get("/api/people/{name}", response_model=schemas.Person, tags=["people"], responses=ERRORS)
    def api_person(s: Store, name: Name, limit: Limit = 50, offset: Offset = 0):
        """Everything one person said across the corpus, by date and outlet, with the spellings of their name."""
        return _person(s, name, limit, offset)

    @app.get("/api/stories", response_model=schemas.StoryPage, tags=["stories"])
    def api_stories(s: Store, limit: Limit = 20, offset: Offset = 0):
        """Stories built by `reportedly stories`, largest first."""
        return _stories(s, limit, offset)

    @app.get("/api/stories/{story_id}", response_model=schemas.Story, tags=["stories"], responses=ERRORS)
    def api_story(s: Store, story_id: Id):
        """One story: every article with its relation, parent, credits and citations; outlets cited but not stored.
        Story ids are stable: the id of a story that merged into another answers with the story it merged into (its
        `id`), and `redirected_from` says which id was asked for (null when the story still has its own id)."""
        return _story(s, story_id)

    @app.get("/api/diff", response_model=schemas.Diff, tags=["stories"], responses=ERRORS)
    def api_diff(
        s: Store,
        source: ArticleRef,
        copy: ArticleRef,
    ):
        """What article `copy` changed against article `source`: quotes reworded, attributions dropped, hedges…"""
        d = _diff(s, source, copy)[2]
        return asdict(d) | {"kinds": d.kinds()}

    @app.get(
        "/api/trace",
        response_model=schemas.Trace,
        tags=["stories"],
        responses={422: {"description": "fewer than three words", "model": schemas.Problem}},
    )
    def api_trace(
        s: Store,
        claim: Annotated[str, Query(min_length=1, max_length=300, pattern=NO_NUL, description="the claim")],
        limit: Limit = 50,
    ):
        """Every stored sentence stating `claim`, oldest first, each as a direct quote (by whom), an attribution (to
        whom) or the outlet's own assertion; `travelled` says how the claim changed form on the way."""
        return _trace(s, claim, limit)

    @app.get("/api/search", response_model=schemas.SearchPage, tags=["articles"])
    def api_search(s: Store, q: Terms, limit: Limit = 20, offset: Offset = 0):
        """Articles containing all the words of `q`, best first, with a snippet."""
        return _search(s, q, limit, offset)

    @app.post(
        "/api/analyse",
        response_model=schemas.AnalysisRecord,
        tags=["analyse"],
        responses={**ERRORS, 422: {"description": "not an article", "model": schemas.Problem}},
    )
    def api_analyse(body: AnalyseRequest):
        """Analyse a text or HTML page without storing it: the same record as `reportedly analyze --format json`."""
        return _analyse(body.text, body.published, body.title).to_dict()

    # ----------------------------------------------------------------------------------------------- pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, s: Store):
        return page(
            request,
            "home.html",
            counts=s.counts(),
            articles=browse.list_articles(s, 10, 0),
            people=browse.people(s, None, 10, 0),
            stories=_stories(s, 10, 0),
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, s: Store, limit: Limit = 20, offset: Offset = 0, after: After = None):
        return page(request, "articles.html", result=browse.list_articles(s, limit, offset, after=after))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, s: Store, article_id: Id):
        meta, a = _article(s, article_id)
        return page(request, "article.html", place=stored.place(s, article_id), **_article_context(a, meta))

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def people_page(
        request: Request,
        s: Store,
        q: Text = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ):
        return page(request, "people.html", q=q or "", result=browse.people(s, q, limit, offset))

    @app.get("/people/{name}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, s: Store, name: Name, limit: Limit = 50, offset: Offset = 0):
        return page(request, "person.html", person=_person(s, name, limit, offset))

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, s: Store, limit: Limit = 50, offset: Offset = 0):
        return page(request, "stories.html", result=_stories(s, limit, offset))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, s: Store, story_id: Id):
        current = stored.current_id(s, story_id)
        if current is not None and current != story_id:  # merged into another story: a bookmark moves for good
            return RedirectResponse(f"/stories/{current}", status_code=301)
        st = _story(s, story_id)
        return page(request, "story.html", story=st, graph=views.copy_graph(st), timeline=views.timeline(st))

    @app.get("/diff", response_class=HTMLResponse, include_in_schema=False)
    def diff_page(
        request: Request,
        s: Store,
        source: ArticleRef,
        copy: ArticleRef,
    ):
        (smeta, sa), (cmeta, ca), d = _diff(s, source, copy)
        return page(
            request,
            "diff.html",
            source=smeta,
            copy=cmeta,
            diff=d,
            changes=[c for c in d.changes if c.kind not in ("wording", *WHOLE_SENTENCES)],
            whole=[c for c in d.changes if c.kind in WHOLE_SENTENCES],
            source_text=views.pieces(sa.text, views.diff_marks(d.changes, "source")),
            copy_text=views.pieces(ca.text, views.diff_marks(d.changes, "copy")),
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        s: Store,
        q: Annotated[str, Query(max_length=200, pattern=NO_NUL)] = "",
        limit: Limit = 20,
        offset: Offset = 0,
    ):
        found = _search(s, q, limit, offset) if q.strip() else None
        who = browse.people(s, q, 10, 0) if q.strip() else None
        return page(request, "search.html", q=q, result=found, people=who)

    @app.get("/trace", response_class=HTMLResponse, include_in_schema=False)
    def trace_page(
        request: Request,
        s: Store,
        claim: Annotated[str, Query(max_length=300, pattern=NO_NUL)] = "",
    ):
        if not claim.strip():
            return page(request, "trace.html", claim="", result=None, error=None)
        try:
            result = _trace(s, claim, MAX_PAGE)
        except HTTPException as e:
            return page(request, "trace.html", e.status_code, claim=claim, result=None, error=e.detail)
        return page(request, "trace.html", claim=claim, result=result, error=None)

    @app.get("/analyse", response_class=HTMLResponse, include_in_schema=False)
    def analyse_form(request: Request):
        return page(request, "analyse.html", text="", published="", error=None)

    @app.post("/analyse", response_class=HTMLResponse, include_in_schema=False)
    def analyse_page(
        request: Request,
        text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
        published: Annotated[str, Form(max_length=10)] = "",
    ):
        try:
            a = _analyse(text, published or None, None)
        except HTTPException as e:
            return page(request, "analyse.html", e.status_code, text=text, published=published, error=e.detail)
        return page(
            request, "article.html", place=None, **_article_context(a, {"id": None, "outlet": None, "url": None})
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.get("/healthz", include_in_schema=False)
    def healthz(s: Store):
        return {"ok": True, "articles": s.counts()["articles"]}

    return app


# --------------------------------------------------------------------------------------------------- helpers


def _with_access(doc: dict, limited: bool) -> dict:
    """The OpenAPI document of an app that needs a token: the bearer scheme on every operation, its 401, and the 429
    of the rate-limited analyse endpoint."""
    components = doc.setdefault("components", {})
    components["securitySchemes"] = {
        "bearer": {"type": "http", "scheme": "bearer", "description": "the token `reportedly serve` was given"}
    }
    components.setdefault("schemas", {})["Detail"] = {
        "type": "object",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    }
    doc["security"] = [{"bearer": []}]
    detail = {"application/json": {"schema": {"$ref": "#/components/schemas/Detail"}}}
    for path, operations in doc["paths"].items():
        for method, op in operations.items():
            op["responses"]["401"] = {"description": "no token, or not the right one", "content": detail}
            if limited and (method.upper(), path) in LIMITED:
                op["responses"]["429"] = {
                    "description": "too many analyses from this client: wait `Retry-After` seconds",
                    "headers": {"Retry-After": {"description": "seconds to wait", "schema": {"type": "integer"}}},
                    "content": detail,
                }
    return doc


def _article(s, article_id: int):
    meta = s.article_meta(article_id)
    if meta is None:
        raise HTTPException(404, f"no article {article_id} in this corpus")
    a = s.analysis(article_id)
    # the evidence of a fetched page; the WARC by its file name only, never the server's folders
    evidence = {k: meta[k] for k in ("final_url", "fetched_at", "warc_record_id")}
    evidence["warc_file"] = file_name(meta["warc_file"])
    return {"id": meta["id"], "outlet": meta["outlet"], "url": meta["url"], **evidence}, a


def _person(s, name: str, limit: int, offset: int) -> dict:
    p = browse.person(s, name, limit, offset)
    if p is None:
        raise HTTPException(404, f"nobody called {name!r} is quoted in this corpus")
    return p


def _stories(s, limit: int, offset: int) -> dict:
    from ..provenance.corpus import list_stories

    return browse.paged(list_stories(s, *browse.page_args(limit, offset)), limit, offset)


def _story(s, story_id: int) -> dict:
    from ..errors import BadOptionError
    from ..provenance.corpus import story

    try:
        return story(s, story_id)
    except BadOptionError:
        raise HTTPException(404, f"no story {story_id}: build stories with `reportedly stories`") from None


def _diff(s, source: int, copy: int):
    from ..provenance.diff import diff

    left, right = _article(s, source), _article(s, copy)
    return left, right, diff(left[1], right[1])


def _trace(s, claim: str, limit: int) -> dict:
    from ..errors import BadOptionError
    from ..provenance.corpus import trace_stored, travel

    try:
        rows = trace_stored(s, claim, limit)
    except BadOptionError as e:
        raise HTTPException(422, str(e)) from None
    return {"claim": claim, "first": rows[0] if rows else None, "travelled": travel(rows), "items": rows}


def _search(s, q: str, limit: int, offset: int) -> dict:
    rows = s.search(q, limit + 1, offset)
    return browse.paged(rows, limit, offset)


def _analyse(text: str, published: Optional[str], title: Optional[str]):
    from ..analyze import analyze

    if not text.strip():
        raise HTTPException(422, "paste the text or HTML of an article to analyse")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise HTTPException(422, "the text holds characters that are not valid Unicode") from None
    try:
        with _analyse_lock:
            return analyze(text, published=published, title=title)
    except ReportedlyError as e:
        raise HTTPException(422, str(e)) from None


def _article_context(a, meta: dict) -> dict:
    classes = views.speaker_classes(a)
    return {
        "a": a,
        "meta": meta,
        "safe_url": meta.get("url") if _http(meta.get("url")) else None,
        "paragraphs": views.pieces(a.text, views.article_marks(a)),
        "classes": classes,
        "people": [e for e in a.entities if e.type == "PERSON"],
        "sources": views.sources(a),
    }


def _http(url: Optional[str]) -> bool:
    """Only http(s) addresses become links: a stored url of "javascript:…" stays text."""
    return bool(url) and url.lower().startswith(("http://", "https://"))


# ------------------------------------------------------------------------------------------------ middleware


class SecurityHeaders:
    """CSP and friends on every response: no inline script, no framing, no sniffing, no referrer."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413, whether announced by Content-Length or streamed."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await _too_large(send, self.limit)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge(self.limit)
            return message

        await self.app(scope, counted, send)


class TooLarge(HTTPException):
    """A streamed body ran over the limit: raised while the app reads it, answered by the app's 413 handler."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body over {limit} bytes: send a shorter article")


async def _too_large(send, limit: int) -> None:
    body = b'{"detail":"request body over %d bytes: send a shorter article"}' % limit
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
