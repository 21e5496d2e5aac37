"""A steward's meetings, on the library's routes: plan one, put the local's adaptations on its
agenda in order, and print the packet (a cover with the agenda, then each resolution).

Meetings are the local's business: only its stewards and organizers, signed in with
two-factor (resolutions.views._gate), see them, and another local's meeting is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.cache import no_store
from core.forms import add_service_error
from core.routing import page_route
from documents.selectors import actable_locals
from unions.permissions import may_act_for_local

from . import meeting_services
from .meeting_forms import MeetingForm
from .meeting_printing import packet_pdf
from .models import Adaptation, Meeting, ResolutionIndexPage
from .views import PDF, _file, _gate, _paper

ACTIONS = ("add", "remove", "up", "down")


def _url(index: ResolutionIndexPage, name: str, **kwargs) -> str:
    return index.url + index.reverse_subpage(name, kwargs=kwargs or None)


def _pk(raw) -> int | None:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if 0 < value < 2**31 else None


def _own_meeting(request: HttpRequest, pk) -> Meeting:
    """The meeting, if it is one of the person's locals'; any other is a 404 that says
    nothing, not even that it exists."""
    pk = _pk(pk)
    if pk is None:
        raise Http404
    meeting = get_object_or_404(Meeting.objects.select_related("local__affiliation"), pk=pk)
    if not may_act_for_local(request.user, meeting.local):
        raise Http404
    return meeting


def _require_locals(request: HttpRequest) -> list:
    user_locals = actable_locals(request.user)
    if not user_locals:
        raise PermissionDenied(_("Only stewards and organizers of a local can plan meetings."))
    return user_locals


@page_route(ResolutionIndexPage, "meetings/", name="meetings")
def meeting_list(request: HttpRequest, index: ResolutionIndexPage) -> HttpResponse:
    if gate := _gate(request):
        return gate
    user_locals = _require_locals(request)
    meetings = (
        Meeting.objects.filter(local__in=[local.pk for local in user_locals])
        .select_related("local__affiliation")
        .prefetch_related("items")
    )
    context = index.get_context(request)
    context.update({"meetings": meetings})
    return no_store(TemplateResponse(request, "resolutions/meetings.html", context))


@page_route(ResolutionIndexPage, "meetings/new/", name="meeting_new")
def meeting_new(request: HttpRequest, index: ResolutionIndexPage) -> HttpResponse:
    if gate := _gate(request):
        return gate
    user_locals = _require_locals(request)
    form = MeetingForm(request.POST or None, locals_=user_locals)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = meeting_services.meeting_create(
                user=request.user,
                local=form.chosen_local(),
                title=data["title"],
                body=data["body"],
                date=data["date"],
                place=data.get("place") or "",
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Meeting saved. Now put resolutions on its agenda."))
            return HttpResponseRedirect(_url(index, "meeting", pk=meeting.pk))
    context = index.get_context(request)
    context.update({"form": form})
    response = TemplateResponse(
        request, "resolutions/meeting_form.html", context, status=400 if form.errors else 200
    )
    return no_store(response)


def _agenda(meeting: Meeting) -> list[Adaptation]:
    return [
        item.adaptation
        for item in meeting.items.select_related("adaptation__resolution__locale").order_by(
            "position"
        )
    ]


def _changed_agenda(agenda: list[Adaptation], action: str, adaptation: Adaptation) -> list:
    """The agenda after one step: `adaptation` added at the end, removed, or moved one up or
    down. The service checks whose adaptation it is."""
    ids = [a.pk for a in agenda]
    if action == "add":
        return agenda if adaptation.pk in ids else [*agenda, adaptation]
    if adaptation.pk not in ids:
        return agenda
    at = ids.index(adaptation.pk)
    changed = list(agenda)
    if action == "remove":
        del changed[at]
    elif action == "up" and at > 0:
        changed[at - 1], changed[at] = changed[at], changed[at - 1]
    elif action == "down" and at < len(changed) - 1:
        changed[at + 1], changed[at] = changed[at], changed[at + 1]
    return changed


def _update_agenda(request: HttpRequest, meeting: Meeting) -> None:
    action = request.POST.get("action")
    pk = _pk(request.POST.get("adaptation"))
    adaptation = Adaptation.objects.filter(pk=pk).first() if pk else None
    if action not in ACTIONS or adaptation is None:
        messages.error(request, _("Choose a resolution from the list."))
        return
    agenda = _agenda(meeting)
    try:
        meeting_services.meeting_update_items(
            user=request.user,
            meeting=meeting,
            adaptations=_changed_agenda(agenda, action, adaptation),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))


@page_route(ResolutionIndexPage, "meetings/<int:pk>/", name="meeting")
def meeting_detail(request: HttpRequest, index: ResolutionIndexPage, pk: int) -> HttpResponse:
    if gate := _gate(request):
        return gate
    meeting = _own_meeting(request, pk)
    form = MeetingForm(
        initial={
            "title": meeting.title,
            "body": meeting.body,
            "date": meeting.date,
            "place": meeting.place,
        }
    )
    if request.method == "POST":
        if request.POST.get("action") != "details":
            _update_agenda(request, meeting)
            return HttpResponseRedirect(_url(index, "meeting", pk=meeting.pk))
        form = MeetingForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                meeting_services.meeting_update(
                    user=request.user,
                    meeting=meeting,
                    title=data["title"],
                    body=data["body"],
                    date=data["date"],
                    place=data.get("place") or "",
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The meeting is updated."))
                return HttpResponseRedirect(_url(index, "meeting", pk=meeting.pk))
    agenda = _agenda(meeting)
    on_agenda = {a.pk for a in agenda}
    available = [
        adaptation
        for adaptation in Adaptation.objects.filter(local=meeting.local)
        .select_related("resolution__locale")
        # A list never shows the adopted PDF: its bytes stay in the database.
        .defer("adopted_pdf")
        .order_by("resolution__title", "label")
        if adaptation.pk not in on_agenda
    ]
    context = index.get_context(request)
    context.update({"meeting": meeting, "agenda": agenda, "available": available, "form": form})
    response = TemplateResponse(
        request, "resolutions/meeting.html", context, status=400 if form.errors else 200
    )
    return no_store(response)


@page_route(ResolutionIndexPage, "meetings/<int:pk>/packet/", name="meeting_packet")
def meeting_packet(request: HttpRequest, index: ResolutionIndexPage, pk: int) -> HttpResponse:
    """The packet PDF, in Letter or A4 (`?paper=a4`). Each resolution prints in its own
    language; the cover in the library's."""
    if gate := _gate(request):
        return gate
    meeting = _own_meeting(request, pk)
    if not meeting.items.exists():
        messages.error(request, _("Put at least one resolution on the agenda first."))
        return HttpResponseRedirect(_url(index, "meeting", pk=meeting.pk))
    pdf = packet_pdf(
        meeting, paper=_paper(request.GET.get("paper")), language=index.locale.language_code
    )
    stem = slugify(f"{meeting.date:%Y-%m-%d} {meeting.title}")[:80] or "packet"
    return no_store(_file(pdf, PDF, f"{stem}-packet.pdf", download=True))
