"""The resolution pages' routes: library, model PDF, adapting, adaptations and reports.

Each view validates a form, calls a service, then redirects or renders (see DESIGN.md).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import formguard
from core.accounts import mfa_setup_redirect, needs_mfa
from core.cache import no_store
from core.forms import add_service_error
from core.ratelimit import allow
from core.routing import page_route
from core.search import clean_query
from documents.diff import diff_blocks
from documents.engine import DocumentError, model_text, render_text
from documents.printing import (
    line_numbers_from,
    print_kwargs_for,
    render_document_docx,
    render_document_pdf,
)
from documents.selectors import actable_locals, counts_for
from documents.variables import profile_values, variables_from
from unions.models import Local
from unions.permissions import may_act_for_local

from . import selectors, services
from .forms import AdaptForm, ReportForm
from .models import Adaptation, ResolutionIndexPage, ResolutionPage
from .printing import adaptation_kwargs, anonymous_kwargs, model_kwargs

LANGUAGES = dict(settings.LANGUAGES)
MODEL_PDF_CACHE_SECONDS = 24 * 3600
PDF = "application/pdf"
# Rendering a PDF costs a fraction of a second of CPU; without a ceiling on documents rendered
# without an account, anyone could keep the workers busy. A steward trying paper sizes and
# options stays far below it.
DOCUMENTS_PER_WINDOW = 40
DOCUMENTS_WINDOW_SECONDS = 600
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _paper(value: str | None) -> str:
    return "a4" if value == "a4" else "letter"


def _file(content: bytes, content_type: str, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _filename(resolution: ResolutionPage, suffix: str, extension: str) -> str:
    stem = slugify(f"{resolution.number} {suffix}")[:80] or "resolution"
    return f"{stem}.{extension}"


# -- the library and the page --------------------------------------------------------------


@page_route(ResolutionIndexPage, "", name="index_route")
def library(request: HttpRequest, index: ResolutionIndexPage) -> HttpResponse:
    language = request.GET.get("lang", "")
    if language not in LANGUAGES:
        language = index.locale.language_code
    try:
        number = max(1, min(int(request.GET.get("page", "1")), 500))
    except ValueError:
        number = 1
    context = selectors.library_page(
        language=language,
        query=clean_query(request.GET.get("q", ""), selectors.SEARCH_MAX),
        topic=slugify(request.GET.get("topic", ""))[:100],
        number=number,
    )
    return index.render(request, context_overrides=context)


@page_route(ResolutionPage, "", name="index_route")
def resolution_page(request: HttpRequest, page: ResolutionPage) -> HttpResponse:
    counts = counts_for([page.translation_key], counts=selectors.Counts)[page.translation_key]
    context = page.get_context(request)
    context.update(
        {
            "counts": counts,
            "adopters": selectors.public_adopters(page),
            # Saved drafts may name the local's contacts: listed once two-factor is on.
            "my_adaptations": []
            if needs_mfa(request.user)
            else selectors.adaptations_for(request.user, page),
            "variable_list": variables_from(page.variables),
            "slot_labels": {v.name: v.label for v in variables_from(page.variables)},
        }
    )
    response = TemplateResponse(request, "resolutions/resolution_page.html", context)
    if request.user.is_authenticated:
        no_store(response)
    return response


@page_route(ResolutionPage, "pdf/", name="pdf")
def model_pdf(request: HttpRequest, page: ResolutionPage) -> HttpResponse:
    """The model text as published. The same revision always prints the same PDF, so it is
    rendered once per revision and paper size and then served from the cache."""
    paper = _paper(request.GET.get("paper"))
    lines = line_numbers_from(request)
    key = f"resolutions:model-pdf:{page.pk}:{page.live_revision_id}:{paper}:{int(lines)}"
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_document_pdf(**print_kwargs_for(request, model_kwargs(page, paper=paper)))
        cache.set(key, pdf, timeout=MODEL_PDF_CACHE_SECONDS)
    return _file(pdf, PDF, _filename(page, "model", "pdf"), download=False)


def _too_many(request: HttpRequest) -> HttpResponse:
    return HttpResponse(
        _("Too many documents from this connection. Please wait a few minutes and try again."),
        status=429,
        content_type="text/plain; charset=utf-8",
    )


# -- adapting ----------------------------------------------------------------------------


def _chosen_local(request: HttpRequest, user_locals: list[Local], raw) -> Local | None:
    """The local named in the request; someone else's local is a 403, not a silent fallback."""
    if raw in (None, ""):
        return None
    try:
        local_id = int(raw)
    except (TypeError, ValueError):
        raise PermissionDenied(_("That is not one of your locals.")) from None
    for local in user_locals:
        if local.pk == local_id:
            return local
    raise PermissionDenied(_("That is not one of your locals."))


def _gate(request: HttpRequest, login_next: str | None = None) -> HttpResponse | None:
    """Signed in, and with two-factor on: a saved draft may name the local's contacts."""
    if not request.user.is_authenticated:
        return redirect_to_login(login_next or request.get_full_path())
    return mfa_setup_redirect(request)


def _own_adaptation(page: ResolutionPage, request: HttpRequest, pk) -> Adaptation:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    adaptation = get_object_or_404(
        Adaptation.objects.select_related("local__affiliation", "resolution"),
        pk=pk,
        resolution_key=page.translation_key,
    )
    if not (request.user.is_superuser or may_act_for_local(request.user, adaptation.local)):
        raise PermissionDenied(_("Only the local's stewards and organizers can see this."))
    return adaptation


def _employer(local: Local | None) -> str:
    """The employer blank's answer from the local's profile: its first workplace (in the
    workplaces' own order), read from what `actable_locals` prefetched when it can."""
    if local is None:
        return ""
    return next((workplace.employer for workplace in local.workplaces.all()), "")


def _adapt_form(page, request, *, user_locals, local, adaptation, data=None) -> AdaptForm:
    from documents.engine import Answers

    answers = Answers.from_dict(adaptation.answers) if adaptation else None
    initial = {"local": str(local.pk)} if local else {}
    if adaptation is not None:
        initial["label"] = adaptation.label
    return AdaptForm(
        data,
        variables=page.variables,
        body=page.body,
        values=profile_values(
            variables_from(page.variables), local=local, employer=_employer(local)
        ),
        answers=answers,
        locals_=user_locals,
        initial=initial,
    )


def _initial_data(form: AdaptForm) -> dict:
    """The unbound form's initial values as if they had been submitted."""
    from django import forms as django_forms

    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field, django_forms.BooleanField):
            if value:
                data[name] = "on"
        elif value not in (None, ""):
            data[name] = str(value)
    return data


def _preview(page: ResolutionPage, form: AdaptForm):
    """(document, diffs) for a valid form, or (None, []) with the error on the form."""
    try:
        document = render_text(
            page.body, form.answers(), variables=page.variables, language=page.language
        )
    except (ValidationError, DocumentError) as error:
        form.add_error(None, error)
        return None, []
    model = model_text(page.body, variables=page.variables)
    return document, diff_blocks(model, document)


def _existing_drafts(request: HttpRequest, page: ResolutionPage, local) -> list[Adaptation]:
    """The local's adaptations of this resolution, in both languages, shown before saving so
    nothing is replaced unseen. Listed once two-factor is on: a draft may name contacts."""
    if local is None or not request.user.is_authenticated or needs_mfa(request.user):
        return []
    return [a for a in selectors.adaptations_for(request.user, page) if a.local_id == local.pk]


@page_route(ResolutionPage, "adapt/", name="adapt")
def adapt(request: HttpRequest, page: ResolutionPage) -> HttpResponse:
    user_locals = actable_locals(request.user)
    adaptation = None
    adaptation_id = request.POST.get("adaptation") or request.GET.get("adaptation")
    if adaptation_id:
        if gate := _gate(request):
            return gate
        adaptation = _own_adaptation(page, request, adaptation_id)
        if not adaptation.is_open:
            messages.info(request, _("The result was reported; the adopted text can't change."))
            return HttpResponseRedirect(adaptation.url())
        if adaptation.resolution_id != page.pk:
            # A draft is edited on the page of its own language.
            resolution = adaptation.resolution
            return HttpResponseRedirect(
                resolution.url
                + resolution.reverse_subpage("adapt")
                + "?"
                + urlencode({"adaptation": adaptation.pk})
            )
    raw_local = request.POST.get("local") if request.method == "POST" else request.GET.get("local")
    local = _chosen_local(request, user_locals, raw_local)
    if adaptation is not None and local is None:
        local = adaptation.local

    document, diffs = None, []
    refusal = ""
    if request.method == "POST":
        form = _adapt_form(
            page,
            request,
            user_locals=user_locals,
            local=local,
            adaptation=adaptation,
            data=request.POST,
        )
        action = request.POST.get("action", "preview")
        if form.is_valid():
            document, diffs = _preview(page, form)
        if document is not None and action in ("pdf", "docx") and not request.user.is_authenticated:
            # The anonymous form may come from a cached page: its time-to-fill token is
            # checked (core.formguard), and the form comes back with a fresh one if refused.
            refusal = formguard.refusal(
                formguard.token_check(
                    request, request.POST.get(formguard.FIELD), scope="resolutions:adapt"
                )
            )
            if refusal:
                form.add_error(None, refusal)
        if document is not None and action in ("pdf", "docx") and not refusal:
            # Anyone may download; nothing about the answers is stored.
            if not request.user.is_authenticated and not allow(
                request,
                scope="resolutions:documents",
                limit=DOCUMENTS_PER_WINDOW,
                window_seconds=DOCUMENTS_WINDOW_SECONDS,
            ):
                return _too_many(request)
            kwargs = print_kwargs_for(
                request,
                anonymous_kwargs(page, document, form.answers(), form.cleaned_data["paper"]),
            )
            if local is not None:
                from .printing import local_line

                kwargs["header"] = local_line(local)
            if action == "pdf":
                return _file(
                    render_document_pdf(**kwargs),
                    PDF,
                    _filename(page, "adapted", "pdf"),
                    download=True,
                )
            return _file(
                render_document_docx(**kwargs),
                DOCX,
                _filename(page, "adapted", "docx"),
                download=True,
            )
        if document is not None and action in ("save", "update"):
            if gate := _gate(request, page.url + page.reverse_subpage("adapt")):
                return gate
            if local is None:
                form.add_error(
                    "local" if "local" in form.fields else None,
                    _("Choose the local this adaptation is for."),
                )
            else:
                try:
                    if action == "update" and adaptation is not None:
                        # Only the draft the steward opened, by its id, is ever changed.
                        saved = services.adaptation_update(
                            user=request.user,
                            adaptation=adaptation,
                            answers=form.answers(),
                            label=form.cleaned_data.get("label") or "",
                        )
                    else:
                        saved = services.adaptation_save(
                            user=request.user,
                            resolution=page,
                            local=local,
                            answers=form.answers(),
                            label=form.cleaned_data.get("label") or "",
                        )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(
                        request, _("Draft saved for %(local)s.") % {"local": local.display_name}
                    )
                    return HttpResponseRedirect(saved.url())
    else:
        form = _adapt_form(
            page, request, user_locals=user_locals, local=local, adaptation=adaptation
        )
        # When the profile or a saved draft already answers everything, show the text at once.
        prefilled = _adapt_form(
            page,
            request,
            user_locals=user_locals,
            local=local,
            adaptation=adaptation,
            data=_initial_data(form),
        )
        if prefilled.is_valid():
            document, diffs = _preview(page, prefilled)

    context = page.get_context(request)
    context.update(
        {
            "form": form,
            "document": document,
            "diffs": diffs,
            "local": local,
            "user_locals": user_locals,
            "adaptation": adaptation,
            "existing": _existing_drafts(request, page, local),
            "preview_url": page.url + page.reverse_subpage("adapt_preview"),
            "started": formguard.token_issue(),
        }
    )
    response = TemplateResponse(
        request, "resolutions/adapt.html", context, status=400 if refusal else 200
    )
    return no_store(response) if request.user.is_authenticated else response


@page_route(ResolutionPage, "adapt/preview/", name="adapt_preview")
def adapt_preview(request: HttpRequest, page: ResolutionPage) -> HttpResponse:
    """The preview and diff as an HTML fragment, for live updates while typing."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    user_locals = actable_locals(request.user)
    local = _chosen_local(request, user_locals, request.POST.get("local"))
    form = _adapt_form(
        page, request, user_locals=user_locals, local=local, adaptation=None, data=request.POST
    )
    document, diffs = (None, [])
    if form.is_valid():
        document, diffs = _preview(page, form)
    response = TemplateResponse(
        request,
        "resolutions/_adapt_preview.html",
        {"page": page, "form": form, "document": document, "diffs": diffs},
        status=200 if document is not None else 422,
    )
    return no_store(response)


# -- a local's adaptation ------------------------------------------------------------------


@page_route(ResolutionPage, "adaptations/<int:pk>/", name="adaptation")
def adaptation_detail(request: HttpRequest, page: ResolutionPage, pk: int) -> HttpResponse:
    if gate := _gate(request):
        return gate
    adaptation = _own_adaptation(page, request, pk)
    if request.method == "POST":
        if request.POST.get("action") == "presented":
            try:
                services.adaptation_mark_presented(user=request.user, adaptation=adaptation)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        elif request.POST.get("action") == "present_again":
            try:
                services.adaptation_present_again(user=request.user, adaptation=adaptation)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request, _("Presented again: report the vote once the meeting has taken it.")
                )
        elif request.POST.get("action") == "take_model":
            try:
                services.adaptation_take_model(user=request.user, adaptation=adaptation)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Your adaptation now uses the model's new text."))
        return HttpResponseRedirect(adaptation.url())
    context = page.get_context(request)
    context.update(
        {
            "adaptation": adaptation,
            "change": selectors.model_change(adaptation),
            "report": adaptation.report,
            "report_history": adaptation.report_history,
            "model_diffs": diff_blocks(
                model_text(adaptation.resolution.body, variables=adaptation.resolution.variables),
                adaptation.blocks,
            ),
        }
    )
    return no_store(TemplateResponse(request, "resolutions/adaptation.html", context))


@page_route(
    ResolutionPage,
    r"^adaptations/(?P<pk>\d+)/(?P<kind>pdf|docx|adopted-pdf)/$",
    name="adaptation_file",
    regex=True,
)
def adaptation_file(request: HttpRequest, page: ResolutionPage, pk: int, kind: str) -> HttpResponse:
    if gate := _gate(request):
        return gate
    adaptation = _own_adaptation(page, request, pk)
    resolution = adaptation.resolution
    paper = _paper(request.GET.get("paper"))
    suffix = adaptation.local.display_name
    if kind == "pdf":
        response = _file(
            render_document_pdf(
                **print_kwargs_for(request, adaptation_kwargs(adaptation, paper=paper))
            ),
            PDF,
            _filename(resolution, suffix, "pdf"),
            download=True,
        )
    elif kind == "docx":
        response = _file(
            render_document_docx(
                **print_kwargs_for(request, adaptation_kwargs(adaptation, paper=paper))
            ),
            DOCX,
            _filename(resolution, suffix, "docx"),
            download=True,
        )
    else:
        if not adaptation.adopted_pdf:
            raise Http404
        response = _file(
            bytes(adaptation.adopted_pdf),
            PDF,
            _filename(resolution, suffix + " adopted", "pdf"),
            download=True,
        )
        response["X-Content-SHA256"] = adaptation.adopted_pdf_sha256
    return no_store(response)


@page_route(ResolutionPage, "adaptations/<int:pk>/reports/<int:report_pk>/pdf/", name="report_pdf")
def report_pdf(request: HttpRequest, page: ResolutionPage, pk: int, report_pk: int):
    """The adopted PDF a given report printed: an earlier version stays downloadable."""
    if gate := _gate(request):
        return gate
    adaptation = _own_adaptation(page, request, pk)
    version = get_object_or_404(adaptation.reports, pk=report_pk)
    if not version.adopted_pdf:
        raise Http404
    content = bytes(version.adopted_pdf)
    suffix = f"{adaptation.local.display_name} adopted {version.created_at:%Y-%m-%d}"
    response = _file(content, PDF, _filename(adaptation.resolution, suffix, "pdf"), download=True)
    response["X-Content-SHA256"] = version.adopted_pdf_sha256
    return no_store(response)


@page_route(ResolutionPage, "adaptations/<int:pk>/report/", name="report")
def report(request: HttpRequest, page: ResolutionPage, pk: int) -> HttpResponse:
    if gate := _gate(request):
        return gate
    adaptation = _own_adaptation(page, request, pk)
    if not adaptation.is_open:
        messages.info(request, _("The result of this resolution was already reported."))
        return HttpResponseRedirect(adaptation.url())
    form = ReportForm(request.POST or None, amendments=services.reportable_amendments(adaptation))
    if request.method == "POST" and form.is_valid():
        try:
            services.adoption_report_create(
                user=request.user, adaptation=adaptation, **_report_kwargs(form)
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Thank you. The result is recorded."))
            return HttpResponseRedirect(adaptation.url())
    context = page.get_context(request)
    context.update({"adaptation": adaptation, "form": form})
    return no_store(TemplateResponse(request, "resolutions/report.html", context))


def _report_kwargs(form: ReportForm) -> dict:
    data = form.cleaned_data
    return {
        "outcome": data["outcome"],
        "meeting_date": data["meeting_date"],
        "body": data["body"],
        "visibility": data["visibility"],
        "votes_for": data.get("votes_for"),
        "votes_against": data.get("votes_against"),
        "abstentions": data.get("abstentions"),
        "moved_by": data.get("moved_by") or "",
        "seconded_by": data.get("seconded_by") or "",
        "decisions": form.decisions(),
        "paper": data.get("paper") or "letter",
    }


@page_route(ResolutionPage, "adaptations/<int:pk>/report/correct/", name="report_correct")
def report_correct(request: HttpRequest, page: ResolutionPage, pk: int) -> HttpResponse:
    """Correct the reported result (a wrong count, date or outcome); the old report is kept."""
    if gate := _gate(request):
        return gate
    adaptation = _own_adaptation(page, request, pk)
    current = adaptation.report
    if current is None:
        return HttpResponseRedirect(adaptation.url("report"))
    amendments = services.reportable_amendments(adaptation)
    form = ReportForm(
        request.POST or None,
        amendments=amendments,
        initial=ReportForm.initial_from(current, amendments),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.adoption_report_correct(
                user=request.user, adaptation=adaptation, **_report_kwargs(form)
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The report is corrected. The earlier one is kept below."))
            return HttpResponseRedirect(adaptation.url())
    context = page.get_context(request)
    context.update({"adaptation": adaptation, "form": form, "correcting": current})
    return no_store(TemplateResponse(request, "resolutions/report.html", context))
