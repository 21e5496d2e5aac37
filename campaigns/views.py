"""Public views behind a day of action's routes: the wall, endorsing, the contact's link,
the tally and the embeddable counter."""

import re

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from core import embeds, formguard
from core.cache import no_store
from core.ratelimit import allow
from core.routing import page_route, serve_at
from unions import selectors as unions

from . import calendar, links, selectors, services
from .forms import EndorsementForm, RaisePledgeForm
from .models import DayOfActionPage, Endorsement

SUBMISSIONS_PER_WINDOW = 20
# The counter is laid out for this iframe (static/css/counter.css).
COUNTER_SIZE = embeds.Size(width=320, height=180)
WINDOW_SECONDS = 600


def _subpage(day: DayOfActionPage, name: str, *args) -> str:
    return day.url.rstrip("/") + "/" + day.reverse_subpage(name, args=args).lstrip("/")


# `?page=` as the wall's links write it: ASCII digits, not too many of them. Anything else
# (`?page=abc`, `?page=-1`, `?page=٢`) is the first page; a page past the last is a 404.
PAGE_NUMBER = re.compile(r"[0-9]{1,6}", re.ASCII)


def _wall_page_number(request: HttpRequest) -> int:
    raw = request.GET.get("page", "")
    number = int(raw) if PAGE_NUMBER.fullmatch(raw) else 1
    return max(number, 1)


@page_route(DayOfActionPage, "", name="wall")
def day_wall(request: HttpRequest, day: DayOfActionPage) -> HttpResponse:
    query = request.GET.get("q", "")[:100]
    if not isinstance(query, str):
        query = ""
    number = _wall_page_number(request)
    tally = selectors.public_tally(day)
    if query:
        # A search is never cached: read its page now, and so know whether it exists.
        wall = selectors.wall_page(day, query, number)
        pages = wall["pages"]
    else:
        # Called by the template only when the cached fragment is missing.
        def wall() -> dict:
            return selectors.wall_page(day, "", number)

        pages = selectors.wall_page_count(tally["approved"])
    if number > pages:
        raise Http404
    context = {
        "tally": tally,
        "wall": wall,
        "wall_number": number,
        "wall_version": selectors.cache_version(day.source_day.pk),
        "query": query.strip(),
        "endorse_url": _subpage(day, "endorse"),
        "tally_url": links.absolute(tally_url(day)),
        "calendar_url": calendar.calendar_url(day),
        "feed_url": calendar.calendar_url(day.get_parent().specific),
        "embeds": embeds.snippets(day, "counter", COUNTER_SIZE),
    }
    return day.render(request, context_overrides=context)


@page_route(DayOfActionPage, "endorse/", name="endorse")
def endorse(request: HttpRequest, day: DayOfActionPage) -> HttpResponse:
    # The form's options are set on the page in the default language.
    options = day.source_day
    if not options.endorsements_open:
        return day.render(
            request,
            template="campaigns/endorse_closed.html",
            context_overrides={},
        )
    if request.method == "POST":
        form = EndorsementForm(request.POST, day=options)
        if form.is_valid():
            # The form may come from a cached page: see core.formguard.
            verdict = formguard.token_check(
                request, request.POST.get(formguard.FIELD), scope="campaigns:endorse"
            )
            if verdict is not formguard.Verdict.OK:
                form.add_error(None, formguard.refusal(verdict))
            elif not allow(
                request,
                scope="campaigns:endorse",
                limit=SUBMISSIONS_PER_WINDOW,
                window_seconds=WINDOW_SECONDS,
            ):
                form.add_error(
                    None, _("Too many submissions from here. Try again in a few minutes.")
                )
            else:
                try:
                    services.endorsement_submit(
                        day=day, data=form.to_data(), language=translation.get_language() or "en"
                    )
                except services.EndorsementError:
                    form.add_error(
                        None, _("Your endorsement could not be saved. Please try again.")
                    )
                else:
                    # Whatever happened (new, replacing an unconfirmed one, or changes sent
                    # to a confirmed contact), the answer is the same, so the form can't be
                    # used to learn whether an organisation has endorsed.
                    return HttpResponseRedirect(_subpage(day, "endorse_sent"))
    else:
        form = EndorsementForm(day=options)
    return day.render(
        request,
        template="campaigns/endorse.html",
        context_overrides={
            "form": form,
            "affiliations": unions.affiliation_names(),
            # A fresh time-to-fill token each rendering (shared by a cached page's visitors).
            "started": formguard.token_issue(),
        },
    )


@page_route(DayOfActionPage, "endorse/sent/", name="endorse_sent")
def endorse_sent(request: HttpRequest, day: DayOfActionPage) -> HttpResponse:
    return day.render(request, template="campaigns/endorse_sent.html", context_overrides={})


# ASCII letters, digits and dashes only (`<str:>` would pass any Unicode on to the view);
# links.find_by_token checks the exact shape.
@page_route(
    DayOfActionPage, r"^endorsement/(?P<token>[0-9A-Za-z-]{1,80})/$", name="endorsement", regex=True
)
def endorsement_manage(request: HttpRequest, day: DayOfActionPage, token: str) -> HttpResponse:
    """The contact's link. A GET only shows buttons (mail scanners follow links); every
    change is a POST."""
    endorsement = links.find_by_token(day.source_day, token)
    if endorsement is None:
        raise Http404
    raise_form = RaisePledgeForm(endorsement=endorsement)
    if request.method == "POST":
        action = request.POST.get("action", "")
        here = _subpage(day, "endorsement", token)
        if action == "confirm":
            services.endorsement_confirm(endorsement=endorsement)
            messages.success(
                request, _("Thank you: your endorsement is confirmed and waits for review.")
            )
            return HttpResponseRedirect(here)
        if action == "withdraw" and endorsement.is_live:
            services.endorsement_withdraw(endorsement=endorsement)
            messages.success(request, _("Your endorsement is withdrawn."))
            return HttpResponseRedirect(here)
        if (
            action == "apply_update"
            and endorsement.status != Endorsement.Status.PENDING_CONFIRMATION
        ):
            endorsement = services.endorsement_apply_update(endorsement=endorsement)
            if endorsement.link_token() != token:
                # Handed to a new contact: this link is dead now, so say so here.
                return _handed_over(request, day, endorsement)
            messages.success(request, _("The changes are saved."))
            return HttpResponseRedirect(here)
        if action == "discard_update":
            services.endorsement_discard_update(endorsement=endorsement)
            messages.success(request, _("The proposed changes were discarded."))
            return HttpResponseRedirect(here)
        if action == "raise" and endorsement.status != Endorsement.Status.PENDING_CONFIRMATION:
            raise_form = RaisePledgeForm(request.POST, endorsement=endorsement)
            if raise_form.is_valid():
                try:
                    services.endorsement_raise_pledge(
                        endorsement=endorsement,
                        pledge_level=raise_form.cleaned_data["pledge_level"],
                    )
                except services.EndorsementError:
                    raise_form.add_error(None, _("Choose a higher pledge than the current one."))
                else:
                    messages.success(request, _("Your pledge is raised. Thank you."))
                    return HttpResponseRedirect(here)
    pending_update = new_contact = None
    if endorsement.pending_update:
        proposal = services.EndorsementData.from_json(endorsement.pending_update)
        pending_update = services.changes_described(endorsement, proposal)
        new_contact = services.contact_change(endorsement, proposal)
    response = day.render(
        request,
        template="campaigns/endorsement_manage.html",
        context_overrides={
            "endorsement": endorsement,
            "raise_form": raise_form,
            "pending_update": pending_update,
            "new_contact": new_contact,
        },
    )
    if raise_form.is_bound:
        response.status_code = 400
    return no_store(response)


def _handed_over(request: HttpRequest, day: DayOfActionPage, endorsement) -> HttpResponse:
    response = day.render(
        request,
        template="campaigns/endorsement_handed_over.html",
        context_overrides={"endorsement": endorsement},
    )
    return no_store(response)


# Wagtail serves only paths of words and slashes, so `<day>/tally.json` needs the one URL
# pattern described in tally_json_for_path; `<day>/tally/` always works.
@page_route(DayOfActionPage, "tally/", name="tally")
def tally_json(request: HttpRequest, day: DayOfActionPage) -> JsonResponse:
    tally = selectors.public_tally(day)
    body = {
        "day": day.title,
        "date": day.date.isoformat(),
        "url": links.absolute(day.url),
        **tally,
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    # Public numbers only: other sites may read them.
    response["Access-Control-Allow-Origin"] = "*"  # caching: core.cache.PUBLIC_PAGES
    return response


def tally_json_for_path(request: HttpRequest, page_path: str) -> HttpResponse:
    """`<day url>tally.json`, routed here by campaigns/urls.py (Wagtail's page URLs can't
    contain a dot). It is the page's `tally/` route, with the page's privacy."""
    return serve_at(request, page_path, DayOfActionPage, landing="wall", route="tally")


def tally_url(day: DayOfActionPage) -> str:
    """`<day url>tally.json`, which the project URLconf always routes (campaigns/urls.py)."""
    return day.url + "tally.json"


@page_route(DayOfActionPage, "counter/", name="counter")
def counter(request: HttpRequest, day: DayOfActionPage) -> HttpResponse:
    """A small page for other sites' iframes: the count and a link to endorse."""
    response = TemplateResponse(
        request,
        "campaigns/counter.html",
        {
            "page": day,
            "tally": selectors.public_tally(day),
            "endorse_url": links.absolute(_subpage(day, "endorse")),
            "day_url": links.absolute(day.url),
        },
    )
    # This route, and only this one, may be framed: by the origins the organizers listed,
    # or by any https site when they listed none (a list that no longer parses: none).
    try:
        origins = day.source_day.counter_origins() or None
    except ValueError:
        origins = []
    return embeds.allow_framing(response, origins)
