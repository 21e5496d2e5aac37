"""The organizer's desk: one page, linked from the account page and the admin home, that
lists the petitions and days of action a signed-in steward or organizer runs, with the
endorsements waiting for review and the links to moderate and export."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from wagtail.models import Locale

from campaigns.models import Endorsement
from campaigns.selectors import days_organized_by
from core.cache import no_store
from petitions.models import PetitionPage
from unions.models import Role
from unions.permissions import locals_for

from .accounts import mfa_setup_redirect


def petitions_run_by(user):
    """Petitions of the locals where the user is steward or organizer: the people who see
    their signers (unions.permissions.may_see_personal_data)."""
    locals_ = locals_for(user, Role.Kind.STEWARD, Role.Kind.ORGANIZER)
    return (
        PetitionPage.objects.filter(local__in=locals_, locale=Locale.get_default())
        .select_related("local__affiliation")
        .order_by("-first_published_at", "title")
    )


def desk(user) -> dict:
    petitions = list(petitions_run_by(user))
    days = list(days_organized_by(user).order_by("-date"))
    counts: dict[int, dict[str, int]] = {}
    for day_id, status, n in (
        Endorsement.objects.filter(day__in=[d.pk for d in days])
        .values_list("day_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts.setdefault(day_id, {})[status] = n
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
        "days": [
            {
                "page": day,
                "pending_review": counts.get(day.pk, {}).get(Endorsement.Status.PENDING_REVIEW, 0),
                "approved": counts.get(day.pk, {}).get(Endorsement.Status.APPROVED, 0),
                "review_url": reverse("campaigns:review", args=[day.pk]),
                "dashboard_url": reverse("campaigns:dashboard", args=[day.pk]),
                "export_url": reverse("campaigns:export", args=[day.pk]),
                "import_url": reverse("campaigns:import", args=[day.pk]),
            }
            for day in days
        ],
    }


@login_required
def organize(request: HttpRequest) -> HttpResponse:
    # The page leads straight to signers and endorsers' contacts: MFA first, as there.
    if redirect := mfa_setup_redirect(request):
        return redirect
    response = render(request, "home/organize.html", desk(request.user))
    no_store(response)
    return response
