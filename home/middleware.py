"""Policies for the Wagtail admin: MFA before anything is shown, and its CSP needs."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .accounts import mfa_setup_redirect

ADMIN_PREFIX = "/admin/"


class AdminPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        is_admin = request.path.startswith(ADMIN_PREFIX)
        # Editors and organizers see personal data in the admin: MFA first.
        if is_admin and (redirect := mfa_setup_redirect(request)):
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
