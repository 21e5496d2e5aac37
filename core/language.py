"""`/` in the visitor's language, and the language switch that makes the choice stick.

Every other page has its language in its path (`/es/...`), so it is the same for everyone and
a cache keeps one copy. Only `/` depends on the visitor: on the language cookie the switch sets,
else on the browser's Accept-Language. Its answer says so (`Vary: Accept-Language, Cookie`);
deploy/varnish/default.vcl reduces both to en/es so a cache keeps two copies, not thousands.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET
from wagtail.views import serve

from .cache import no_store

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
COOKIE_MAX_AGE = 365 * 24 * 3600


def visitor_language(request: HttpRequest) -> str:
    """The cookie the switch set, else the browser's preference, else the default."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in LANGUAGE_CODES:
        return chosen
    return translation.get_language_from_request(request, check_path=False)


@require_GET
def root(request: HttpRequest) -> HttpResponse:
    language = visitor_language(request)
    if language == settings.LANGUAGE_CODE:
        # The default language has no prefix: `/` is its home page.
        return serve(request, "")
    response = HttpResponseRedirect(f"/{language}/")
    # A redirect that depends on the visitor; a shared cache may keep it per language.
    response["Vary"] = "Accept-Language, Cookie"
    return response


@require_GET
def switch(request: HttpRequest, code: str) -> HttpResponse:
    """The language switch's links pass through here: the choice is kept in a cookie, so `/`
    answers in it next time. The cookie says only "en" or "es"."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    if code not in LANGUAGE_CODES:
        code = settings.LANGUAGE_CODE
    response = no_store(HttpResponseRedirect(target))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=COOKIE_MAX_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response
