"""WeasyPrint with a URL fetcher that serves only the project's own static files.

Documents are rendered from HTML that may carry text a steward or signer typed; nothing
in it may make the server fetch another URL (a tracking pixel, an internal address).
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML, Document
from weasyprint.urls import URLFetcher, URLFetcherResponse


class StaticOnlyFetcher(URLFetcher):
    """Answers `<SITE_URL>/static/...` (and data: URLs) from disk; refuses everything else."""

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        site = urlsplit(settings.SITE_URL)
        if (parts.scheme, parts.netloc) != (site.scheme, site.netloc) or not parts.path.startswith(
            settings.STATIC_URL
        ):
            raise ValueError(f"refused to fetch a non-static URL: {url[:80]}")
        relative = unquote(parts.path[len(settings.STATIC_URL) :])
        if ".." in Path(relative).parts:
            raise ValueError("refused a path outside the static files")
        path = finders.find(relative) or (Path(settings.STATIC_ROOT) / relative)
        if not path or not Path(path).is_file():
            raise ValueError(f"no static file {relative}")
        mime_type = mimetypes.guess_type(str(path))[0] or "application/octet-stream"
        return URLFetcherResponse(url, Path(path).read_bytes(), {"Content-Type": mime_type})


def layout_pdf(html: str) -> Document:
    """Lay HTML out as pages, to be written later (the delivery PDF writes many chunks in
    one pass). Links such as `{% static 'css/print.css' %}` resolve to our static files; any
    other URL in the HTML is refused."""
    return HTML(
        string=html, base_url=settings.SITE_URL + "/", url_fetcher=StaticOnlyFetcher()
    ).render()


def render_pdf(html: str) -> bytes:
    """Render HTML to PDF (see layout_pdf)."""
    return layout_pdf(html).write_pdf()
