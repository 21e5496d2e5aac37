"""The organizer's desk: one page, linked from the account page and the admin home, that
lists the petitions and days of action a signed-in steward or organizer runs, with the
endorsements waiting for review and the links to moderate and export."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from wagtail.models import Locale

from campaigns.selectors import organized_days
from core.accounts import mfa_setup_redirect
from core.cache import no_store
from petitions.models import PetitionPage
from unions.models import Role
from unions.permissions import locals_for
from unions.selectors import locals_acting_for


def petitions_run_by(user):
    """Petitions of the locals where the user is steward or organizer: the people who see
    their signers (unions.permissions.may_see_personal_data)."""
    locals_ = locals_acting_for(user)
    return (
        PetitionPage.objects.filter(local__in=locals_, locale=Locale.get_default())
        .select_related("local__affiliation")
        .order_by("-first_published_at", "title")
    )


def desk(user) -> dict:
    petitions = list(petitions_run_by(user))
    return {
        "petitions": [
            {
                "page": petition,
                "signers_url": petition.url + petition.reverse_subpage("signers"),
                "export_url": petition.url + petition.reverse_subpage("signers_csv"),
                "delivery_url": petition.url + petition.reverse_subpage("delivery"),
            }
            for petition in petitions
            if petition.url
        ],
        "days": organized_days(user),
        # API tokens hand a local's data to another tool: only its organizers make them.
        "makes_api_tokens": locals_for(user, Role.Kind.ORGANIZER).exists(),
    }


@login_required
def organize(request: HttpRequest) -> HttpResponse:
    # The page leads straight to signers and endorsers' contacts: MFA first, as there.
    if redirect := mfa_setup_redirect(request):
        return redirect
    response = render(request, "home/organize.html", desk(request.user))
    no_store(response)
    return response
