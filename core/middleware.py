"""Policies for the Wagtail admin: who may enter, MFA before anything is shown, its CSP."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from .accounts import mfa_setup_redirect
from .cache import no_store

ADMIN_PREFIX = "/admin/"
ADMIN_LOGOUT = "/admin/logout/"


def may_enter_admin(user) -> bool:
    return user.has_perm("wagtailadmin.access_admin")


def admin_forbidden(request: HttpRequest) -> HttpResponse:
    """A signed-in person the admin is not for gets a page that says so. Sending them to
    log in (Wagtail's answer) loops: allauth sends a signed-in visitor of the login page
    back to `next`, which is the admin again."""
    # /admin/ has no language prefix, so LocaleMiddleware chose English: answer in the
    # language the browser (or the language cookie) asks for instead.
    with translation.override(translation.get_language_from_request(request)):
        response = render(request, "home/admin_forbidden.html", status=403)
    return no_store(response)


class AdminPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        is_admin = request.path.startswith(ADMIN_PREFIX)
        # Signing out is always possible, whoever is signed in.
        if is_admin and request.path != ADMIN_LOGOUT:
            if request.user.is_authenticated and not may_enter_admin(request.user):
                return admin_forbidden(request)
            # Editors and organizers see personal data in the admin: MFA first.
            if redirect := mfa_setup_redirect(request):
                return redirect
        response = self.get_response(request)
        if is_admin:
            # Wagtail's admin has inline scripts (date pickers, inline panels) and inline
            # styles. It is reached only after login with MFA; everything still comes from
            # this origin, and public pages keep the strict policy.
            response._csp_update = {
                "script-src": ["'unsafe-inline'"],
                "style-src": ["'unsafe-inline'"],
                "img-src": ["blob:"],
            }
        return response
