"""The amendment routes of an adaptation: list, add, change and withdraw amendments that cite
the printed line numbers, and print the amendment sheet for the chair.

Only the local's stewards and organizers, signed in with two-factor, reach them (the gate and
ownership checks are the ones resolutions.views uses for every adaptation route)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.cache import no_store
from core.forms import add_service_error
from core.routing import page_route
from documents.lines import lines_by_block, number_lines

from . import amend, services
from .forms import AmendmentForm
from .models import Adaptation, Amendment, ResolutionPage
from .printing import amendment_sheet_pdf
from .views import PDF, _file, _filename, _gate, _own_adaptation, _paper


def _numbered(adaptation: Adaptation) -> list[dict]:
    """The text as printed, paragraph by paragraph, with each line's number, for picking."""
    grouped = lines_by_block(number_lines(adaptation.blocks))
    return [{"block": block, "lines": grouped.get(block.key, [])} for block in adaptation.blocks]


def _stale(adaptation: Adaptation, amendments: list[Amendment]) -> set[int]:
    """Proposed amendments whose lines no longer read as the words they cite: the text was
    changed (new answers, the model's new text) after they were recorded."""
    lines = number_lines(adaptation.blocks)
    stale = set()
    for amendment in amendments:
        if not amendment.is_open:
            continue
        try:
            now = amend.cite(lines, amendment.first_line, amendment.last_line, amendment.kind)
        except amend.AmendmentError:
            stale.add(amendment.pk)
            continue
        if " ".join(now.text.split()) != " ".join(amendment.cited_text.split()):
            stale.add(amendment.pk)
    return stale


def _fields(form: AmendmentForm) -> dict:
    data = form.cleaned_data
    return {
        "kind": data["kind"],
        "first_line": data["first_line"],
        "last_line": data.get("last_line"),
        "new_text": data.get("new_text") or "",
        "moved_by": data.get("moved_by") or "",
        "seconded_by": data.get("seconded_by") or "",
        "committee_recommendation": data["committee_recommendation"],
    }


def _own_amendment(adaptation: Adaptation, amendment_pk: int) -> Amendment:
    return get_object_or_404(adaptation.amendments.all(), pk=amendment_pk)


def _render(request, page, adaptation, form, editing=None) -> HttpResponse:
    amendments = list(adaptation.amendments.select_related("report"))
    context = page.get_context(request)
    context.update(
        {
            "adaptation": adaptation,
            "amendments": amendments,
            "stale": _stale(adaptation, amendments),
            "numbered": _numbered(adaptation),
            "form": form,
            "editing": editing,
        }
    )
    return no_store(TemplateResponse(request, "resolutions/amendments.html", context))


@page_route(ResolutionPage, "adaptations/<int:pk>/amendments/", name="amendments")
def amendment_list(request: HttpRequest, page: ResolutionPage, pk: int) -> HttpResponse:
    """The amendments so far, the numbered text, and the form to add one."""
    if gate := _gate(request):
        return gate
    adaptation = _own_adaptation(page, request, pk)
    form = AmendmentForm(request.POST or None)
    if request.method == "POST":
        if not adaptation.is_open:
            form.add_error(None, _("The result was reported; the adopted text can't change."))
        elif form.is_valid():
            try:
                services.amendment_create(user=request.user, adaptation=adaptation, **_fields(form))
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Amendment recorded."))
                return HttpResponseRedirect(adaptation.url("amendments"))
    return _render(request, page, adaptation, form)


@page_route(
    ResolutionPage,
    "adaptations/<int:pk>/amendments/<int:amendment_pk>/",
    name="amendment_edit",
)
def amendment_edit(
    request: HttpRequest, page: ResolutionPage, pk: int, amendment_pk: int
) -> HttpResponse:
    if gate := _gate(request):
        return gate
    adaptation = _own_adaptation(page, request, pk)
    amendment = _own_amendment(adaptation, amendment_pk)
    if request.method == "POST" and request.POST.get("action") == "withdraw":
        try:
            services.amendment_withdraw(user=request.user, amendment=amendment)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Amendment withdrawn."))
        return HttpResponseRedirect(adaptation.url("amendments"))
    form = AmendmentForm(request.POST or None, initial=AmendmentForm.initial_from(amendment))
    if request.method == "POST" and form.is_valid():
        try:
            services.amendment_update(user=request.user, amendment=amendment, **_fields(form))
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Amendment changed."))
            return HttpResponseRedirect(adaptation.url("amendments"))
    return _render(request, page, adaptation, form, editing=amendment)


@page_route(ResolutionPage, "adaptations/<int:pk>/amendments/pdf/", name="amendment_sheet")
def amendment_sheet(request: HttpRequest, page: ResolutionPage, pk: int) -> HttpResponse:
    """The amendment sheet: every amendment not withdrawn, in the order of the text."""
    if gate := _gate(request):
        return gate
    adaptation = _own_adaptation(page, request, pk)
    amendments = adaptation.sheet_amendments()
    if request.method != "GET":
        raise Http404
    pdf = amendment_sheet_pdf(adaptation, amendments, paper=_paper(request.GET.get("paper")))
    suffix = f"{adaptation.local.display_name} amendments"
    return no_store(_file(pdf, PDF, _filename(adaptation.resolution, suffix, "pdf"), download=True))
