"""The organizer's API tokens page: make a token for a local they organize (it is shown
once, on the page that made it), see who made each and when it was last used, revoke one.

Only organizers of the local, with two-factor authentication on: a token reads the
local's signers (as each allowed), so it is as sensitive as the signer list.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.accounts import mfa_setup_redirect
from core.cache import no_store
from unions.models import Role
from unions.permissions import locals_for

from . import selectors, services
from .forms import ApiTokenForm
from .models import ApiToken


def _organized(request: HttpRequest):
    """The locals this account organizes, or a response (MFA set-up, or 403)."""
    if redirect := mfa_setup_redirect(request):
        return None, redirect
    organized = locals_for(request.user, Role.Kind.ORGANIZER)
    if not organized.exists():
        raise PermissionDenied
    return organized, None


def _page(request, organized, form, *, created=None, status=200) -> HttpResponse:
    context = {
        "form": form,
        "tokens": selectors.tokens_of(organized.values("pk")),
        "created": created,
        "api_url": request.build_absolute_uri(reverse("exchange:aep")),
    }
    return no_store(render(request, "exchange/api_tokens.html", context, status=status))


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    organized, response = _organized(request)
    if response:
        return response
    if request.method != "POST":
        return _page(request, organized, ApiTokenForm(locals_=organized))
    form = ApiTokenForm(request.POST, locals_=organized)
    if not form.is_valid():
        return _page(request, organized, form, status=400)
    created = services.api_token_create(
        local=form.cleaned_data["local"], name=form.cleaned_data["name"], created_by=request.user
    )
    # Rendered here, never redirected to: the token is in this one response and nowhere
    # else (not in a session, a message or a URL).
    return _page(request, organized, ApiTokenForm(locals_=organized), created=created)


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    organized, response = _organized(request)
    if response:
        return response
    token = get_object_or_404(ApiToken, pk=pk, local__in=organized)
    if services.api_token_revoke(token=token):
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return HttpResponseRedirect(reverse("exchange_tokens:tokens"))
