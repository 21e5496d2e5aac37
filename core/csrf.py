"""Cross-site request forgery protection that lets anonymous forms live on cached pages.

Django's CSRF token is a per-visitor value: a page that carries it can't be held by a shared
cache, and the cookie it sets makes every page private. Union Hall's anonymous forms (sign,
endorse, adapt, search, the links in emails) sit on cached pages, so for anonymous requests the
protection is the browser's own statement of where a request comes from, as in Go 1.25's
`http.CrossOriginProtection` (Filippo Valsorda, "Cross-Site Request Forgery", 2025):

- `Sec-Fetch-Site: same-origin` or `none` (typed in the address bar, a bookmark): accepted.
  Any other value (`same-site`, `cross-site`) is refused, unless `Origin` is a trusted origin.
- No `Sec-Fetch-Site` (browsers before 2020-2023): `Origin` must name this host or one of
  CSRF_TRUSTED_ORIGINS. `Origin: null` (sandboxed frames, privacy redirects) is refused.
- Neither header: every browser since 2020 sends `Origin` on a cross-origin POST, so this
  request is not from a browser (curl, a script) and carries no visitor's cookies: accepted.
- `Referer` is not consulted: our pages send it only to ourselves (Referrer-Policy:
  same-origin), privacy tools strip it, and where it would matter `Origin` is there.

Anonymous forms also carry the signed time-to-fill token (against scripted floods, not
forgery). A signed-in visitor has ambient credentials worth stealing, so their unsafe requests
need Django's token as well, on top of the same origin check.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.middleware.csrf import CsrfViewMiddleware
from django.template import loader
from django.utils.http import is_same_domain
from django.utils.translation import gettext as _

from .cache import no_store

logger = logging.getLogger("django.security.csrf")

UNSAFE_REFUSED = "cross-origin request"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def _trusted(origin: str) -> bool:
    parts = urlsplit(origin)
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        if origin == trusted:
            return True
        scheme, _, host = trusted.partition("://")
        if (
            host.startswith("*")
            and parts.scheme == scheme
            and is_same_domain(parts.netloc, host[1:])
        ):
            return True
    return False


def cross_origin(request: HttpRequest) -> bool:
    """True when a browser says this request comes from another site."""
    origin = request.headers.get("Origin", "")
    fetch_site = request.headers.get("Sec-Fetch-Site", "")
    if fetch_site:
        if fetch_site in ("same-origin", "none"):
            return False
        return not (origin and _trusted(origin))
    if not origin:
        return False  # not a browser: no ambient credentials to abuse
    try:
        host = request.get_host()
    except DisallowedHost:
        return True
    if urlsplit(origin).netloc == host:
        return False
    return not _trusted(origin)


class OriginCsrfMiddleware(CsrfViewMiddleware):
    """Replaces django.middleware.csrf.CsrfViewMiddleware (see the module docstring)."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if getattr(request, "csrf_processing_done", False):
            return None
        if getattr(callback, "csrf_exempt", False) or request.method in SAFE_METHODS:
            return super().process_view(request, callback, callback_args, callback_kwargs)
        if cross_origin(request):
            return self._reject(request, UNSAFE_REFUSED)
        if request.user.is_authenticated:
            return super().process_view(request, callback, callback_args, callback_kwargs)
        return self._accept(request)

    def _reject(self, request, reason):
        response = csrf_failure(request, reason=reason)
        # Django logs the path here; paths carry tokens (confirm links), so only the kind of
        # failure is logged. Django's reasons may quote the Origin or Referer: cut at " - ".
        logger.warning("Forbidden (CSRF): %s", str(reason).split(" - ")[0])
        return response


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a plain page in the visitor's language, saying what to do."""
    body = loader.render_to_string(
        "core/csrf_failure.html",
        {
            "title": _("This form could not be sent"),
            "signed_in": request.user.is_authenticated if hasattr(request, "user") else False,
        },
        request=request,
    )
    return no_store(HttpResponseForbidden(body))
