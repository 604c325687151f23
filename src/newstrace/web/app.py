"""The web application: API and pages over one database, read-only, with one error shape."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newstrace.web import api, pages
from newstrace.web.deps import KnowledgeHolder

ERROR_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 422: "invalid_parameter",
               500: "internal_error"}

# No script runs on any page and nothing loads from elsewhere: article text stays inert
# even if some escaping were ever missed.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                               "form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    """The error in the API's shape, or as an HTML page for the browser routes."""
    code = ERROR_CODES.get(status, "error")
    if _wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)
    html = pages.ENV.get_template("error.html").render(status=status, code=code, message=message, title=code,
                                                       path=request.url.path)
    return HTMLResponse(html, status_code=status, headers=headers)


def _validation_message(exc: RequestValidationError) -> str:
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part not in ("query", "path"))
        problems.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


def create_app(db_path: Path | str, kb=None) -> FastAPI:
    """The FastAPI app over the database at `db_path` (a SQLite file or a postgresql:// URL);
    `kb` is loaded on first use when not given."""
    from newstrace.store import database_exists, is_url

    path = str(db_path) if is_url(db_path) else Path(db_path)
    if not database_exists(path):
        raise FileNotFoundError(f"{path}: no such database")
    app = FastAPI(
        title="newstrace",
        summary="Sourced events, actors and stories from multilingual news.",
        version="1",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.db_path = path
    app.state.knowledge = KnowledgeHolder(path, kb)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "internal error")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        return pages.render(request, "docs.html", spec=app.openapi(), title="API", with_kb=False)

    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("newstrace.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
