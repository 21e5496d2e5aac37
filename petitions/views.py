"""The petition page's routes: signing, confirming, withdrawing, count.json and the
organizer tools. Each validates, calls a service or selector, and renders or redirects."""

import datetime

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import embeds, formguard
from core.accounts import mfa_setup_redirect
from core.cache import no_store
from core.exports import csv_lines
from core.ratelimit import allow_counting
from core.routing import page_route
from core.tokens import TokenExpired, TokenInvalid, read_token
from unions.permissions import may_see_personal_data

from . import paper as paper_print
from . import selectors, services
from .forms import (
    CardsForm,
    DeliveryForm,
    PaperForm,
    SheetForm,
    SheetPrintForm,
    SignerFilterForm,
    SignForm,
)
from .models import DeliveryPdf, PaperSheet, PetitionPage, Signature
from .services import PaperRow
from .share import share_for
from .sign_facts import SigningFacts
from .tokens import CONFIRM, MAX_AGE, WITHDRAW

SIGN_SCOPE = "petitions:sign"
SIGN_WINDOW_SECONDS = 600


def _render(request, page, template, context=None, status=200):
    full = page.get_context(request)
    full.update(context or {})
    return TemplateResponse(request, template, full, status=status)


def _page_context(request, page: PetitionPage, form=None) -> dict:
    tally = services.tally_refresh_if_stale(petition=page)
    return {
        "tally": tally,
        "seal": tally.seal,
        "form": form or SignForm(petition=page),
        "is_open": page.is_open(),
        # A fresh time-to-fill token each rendering (shared by a cached page's visitors).
        "started": formguard.token_issue(),
        "may_organize": may_see_personal_data(request.user, page.local_id),
        "min_cell": selectors.MIN_CELL,
        "embeds": counter_snippets(page),
    }


# Public ------------------------------------------------------------------------------


@page_route(PetitionPage, "", name="petition")
def petition_page(request, page: PetitionPage):
    return _render(request, page, "petitions/petition_page.html", _page_context(request, page))


def _form_again(request, page, form, *, refusal: str = "", status: int = 400):
    context = _page_context(request, page, form)
    context["refusal"] = refusal
    return _render(request, page, "petitions/petition_page.html", context, status=status)


@page_route(PetitionPage, "sign/", name="sign")
def sign(request, page: PetitionPage):
    """Wagtail's route for `<petition>/sign/`. petitions.urls answers the same path first
    without walking the page tree; this stays for anything that reaches Wagtail."""
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    return sign_with_facts(request, SigningFacts.from_page(page), page=page)


def sign_with_facts(request, facts: SigningFacts, *, page: PetitionPage | None = None):
    """The signing path stays lean: no page, no count, no session, nothing rendered on
    success; one INSERT and one broker publish. Anything refused re-renders the page (the
    slower path), with the message beside the fields."""
    if request.method != "POST":
        return HttpResponseRedirect(facts.url)
    form = SignForm(request.POST, petition=facts)

    def again(refusal: str = "", status: int = 400):
        return _form_again(request, page or facts.page(), form, refusal=refusal, status=status)

    if not facts.is_open():
        return again(_("This petition is closed and no longer takes signatures."), 409)
    if form.is_bot():
        # Tell a bot nothing: it sees what a person sees, and nothing is stored.
        return HttpResponseRedirect(facts.signed_url)
    verdict, use = formguard.token_read(
        request, request.POST.get(formguard.FIELD), scope="petitions:sign"
    )
    # The address's signing limit and the token's uses: one Redis round trip for both.
    allowed, uses = allow_counting(
        request,
        scope=SIGN_SCOPE,
        limit=settings.PETITIONS_SIGN_LIMIT,
        window_seconds=SIGN_WINDOW_SECONDS,
        also=use,
    )
    if not allowed:
        refusal = _(
            "Too many signatures have come from your network in the last few minutes. "
            "Please wait ten minutes and try again."
        )
        return again(refusal, 429)
    if uses is not None and formguard.token_reused(uses):
        verdict = formguard.Verdict.REUSED
    if verdict is not formguard.Verdict.OK:
        return again(formguard.refusal(verdict))
    if not form.is_valid():
        return again()
    data = form.cleaned_data
    services.signature_create(
        petition=facts,
        name=data["name"],
        email=data["email"],
        department=data.get("department", ""),
        name_display=data["name_display"],
        language=data["language"],
        waits_for=data.get("waits_for"),
        contact_consent=data.get("contact_consent", False),
    )
    # Whether new or already signed, the same screen: nobody can probe who signed.
    return HttpResponseRedirect(facts.signed_url)


@page_route(PetitionPage, "signed/", name="signed")
def signed(request, page: PetitionPage):
    # The petition's own address in this page's language, for the links and the QR code.
    share = share_for(title=page.shown_title, url=settings.SITE_URL + page.url)
    return _render(request, page, "petitions/signed.html", {"share": share})


def _link_problem(request, page: PetitionPage, problem: str, status: int):
    """A link that does nothing says why, plainly, and names nobody."""
    response = _render(request, page, "petitions/link_problem.html", {"problem": problem}, status)
    return no_store(response)


def _signature_for(request, page: PetitionPage, token: str, purpose: str):
    """The signature a link is for, or the page saying why the link does nothing."""
    ends_at = None
    if purpose == WITHDRAW and (purge_after := page.governing.purge_after()) is not None:
        # Signer data is purged the day after purge_after; the link ends with it.
        ends_at = datetime.datetime.combine(
            purge_after + datetime.timedelta(days=1),
            datetime.time.min,
            tzinfo=timezone.get_current_timezone(),
        ).timestamp()
    try:
        signature_id = read_token(token, purpose, max_age=MAX_AGE[purpose], ends_at=ends_at)
    except TokenExpired:
        return None, _link_problem(request, page, "expired", 410)
    except TokenInvalid:
        signature_id = None
    signature = (
        Signature.objects.filter(pk=signature_id, petition_id=page.source_id).first()
        if signature_id
        else None
    )
    if signature is None:
        return None, _link_problem(request, page, "invalid", 404)
    return signature, None


@page_route(PetitionPage, r"^confirm/(?P<token>[\w-]{1,200})/$", name="confirm", regex=True)
def confirm(request, page: PetitionPage, token: str):
    signature, refusal = _signature_for(request, page, token, CONFIRM)
    if refusal:
        return refusal
    if signature.status == Signature.Status.WITHDRAWN:
        return _link_problem(request, page, "confirm_withdrawn", 410)
    if signature.status == Signature.Status.CONFIRMED:
        return _link_problem(request, page, "confirm_used", 410)
    if request.method != "POST":
        return no_store(_render(request, page, "petitions/confirm.html", {"done": False}))
    if not services.signature_confirm(signature=signature):  # confirmed or withdrawn meanwhile
        return _link_problem(request, page, "confirm_used", 410)
    context = {"done": True, "tally": services.tally_refresh_if_stale(petition=page)}
    return no_store(_render(request, page, "petitions/confirm.html", context))


@page_route(PetitionPage, r"^withdraw/(?P<token>[\w-]{1,200})/$", name="withdraw", regex=True)
def withdraw(request, page: PetitionPage, token: str):
    signature, refusal = _signature_for(request, page, token, WITHDRAW)
    if refusal:
        return refusal
    if signature.status == Signature.Status.WITHDRAWN or signature.anonymised_at:
        return _link_problem(request, page, "nothing_to_withdraw", 410)
    if request.method != "POST":
        return no_store(_render(request, page, "petitions/withdraw.html", {"done": False}))
    if not services.signature_withdraw(signature=signature):
        return _link_problem(request, page, "nothing_to_withdraw", 410)
    return no_store(_render(request, page, "petitions/withdraw.html", {"done": True}))


@page_route(PetitionPage, "count/", name="count_json")
def count_json(request, page: PetitionPage):
    tally = services.tally_refresh_if_stale(petition=page)
    response = JsonResponse(
        {
            "count": tally.count,
            "goal": tally.goal,
            "percent": tally.percent,
            # Embeds and other sites see the code name, never the employer's name.
            "title": page.shown_title,
            # Progress only: no name or department is ever in this answer.
            "conditional": tally.conditional,
            "names_sealed": tally.seal.sealed,
            "names_sealed_until": tally.seal.threshold if tally.seal.sealed else None,
            "url": settings.SITE_URL + page.url,
            "open": page.is_open(),
            "closes_on": page.closes_on.isoformat() if page.closes_on else None,
        }
    )
    # For embeds on other sites; how long caches keep it is core.cache's policy.
    response["Access-Control-Allow-Origin"] = "*"
    return response


# The counter is laid out for this iframe (static/css/counter.css).
COUNTER_SIZE = embeds.Size(width=320, height=180)


@page_route(PetitionPage, "counter/", name="counter")
def counter(request, page: PetitionPage):
    """A small page for other sites' iframes: the count, the goal and a link to sign, in the
    language of its URL. An unlisted petition is passed hand to hand, never put on a site:
    it has no counter (and its page offers no snippet)."""
    if page.is_unlisted:
        raise Http404
    tally = services.tally_refresh_if_stale(petition=page)
    response = TemplateResponse(
        request,
        "petitions/counter.html",
        {
            "page": page,
            "tally": tally,
            "is_open": page.is_open(),
            "petition_url": settings.SITE_URL + page.url,
        },
    )
    # This route, and only this one, may be framed, by any https site.
    return embeds.allow_framing(response)


def counter_snippets(page: PetitionPage) -> list:
    """The copy-paste `<iframe>` for each language the petition is published in."""
    if page.is_unlisted:
        return []
    return embeds.snippets(page, "counter", COUNTER_SIZE, title=lambda p: p.shown_title)


# Organizer tools ----------------------------------------------------------------------


def _gate(request, page: PetitionPage):
    """Signed in, MFA on, steward or organizer of this petition's local; else a response."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if redirect := mfa_setup_redirect(request):
        return redirect
    if not may_see_personal_data(request.user, page.local_id):
        raise PermissionDenied
    return None


def _sealed_context(page: PetitionPage) -> dict:
    """What organizers see of a sealed petition: the totals, never a name or a cell."""
    return {
        "seal": selectors.seal_state(page),
        "exact": selectors.exact_confirmed(page.source_id),
        "conditional": selectors.exact_conditional(page.source_id),
    }


def _sealed_refusal(request, page: PetitionPage):
    """An export asked for while names are sealed: a page saying so, and no data."""
    response = _render(request, page, "petitions/sealed.html", _sealed_context(page), status=403)
    return no_store(response)


@page_route(PetitionPage, "signers/", name="signers")
def signers(request, page: PetitionPage):
    if response := _gate(request, page):
        return response
    if not selectors.names_visible(page):
        context = {**_sealed_context(page), "min_cell": selectors.MIN_CELL}
        return no_store(_render(request, page, "petitions/signers.html", context))
    filters = SignerFilterForm(request.GET or None)
    params = filters.cleaned_data if filters.is_valid() else {}
    rows = selectors.signers(
        page,
        status=params.get("status", ""),
        department=params.get("department", ""),
        source=params.get("source", ""),
        query=params.get("q", ""),
    )
    paginator = Paginator(rows, 100)
    signers_page = paginator.get_page(request.GET.get("p"))
    for signature in signers_page:
        signature.department_shown = page.department_label(signature.department, get_language())
    context = {
        "filters": filters,
        "signers_page": signers_page,
        "departments": selectors.department_counts(page, suppress=False, language=get_language()),
        "coverage": selectors.department_coverage(page, language=get_language()),
        "exact": selectors.exact_confirmed(page.source_id),
        "conditional": selectors.exact_conditional(page.source_id),
        "seal": selectors.seal_state(page),
        "min_cell": selectors.MIN_CELL,
        "query_string": request.GET.urlencode(),
    }
    return no_store(_render(request, page, "petitions/signers.html", context))


def _csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    response = HttpResponse(
        "".join(csv_lines(header, rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return no_store(response)


@page_route(PetitionPage, "export/signers/", name="signers_csv")
def signers_csv(request, page: PetitionPage):
    if response := _gate(request, page):
        return response
    if not selectors.names_visible(page):
        return _sealed_refusal(request, page)
    header, rows = selectors.signers_export(page)
    return _csv_response(f"signers-{page.slug}.csv", header, rows)


@page_route(PetitionPage, "export/departments/", name="departments_csv")
def departments_csv(request, page: PetitionPage):
    """Counts leave the organizer view here, so small cells are suppressed."""
    if response := _gate(request, page):
        return response
    if not selectors.names_visible(page):
        return _sealed_refusal(request, page)
    header, rows = selectors.departments_export(page, language=get_language())
    return _csv_response(f"departments-{page.slug}.csv", header, rows)


@page_route(PetitionPage, "paper/", name="paper")
def paper(request, page: PetitionPage):
    """Two steps: "check" shows each line as it would be saved (new, duplicate, unknown
    department) and saves nothing; "save" saves only the ticked lines, and only if what the
    steward saw still holds (else they see the fresh findings)."""
    if response := _gate(request, page):
        return response
    form = PaperForm(request.POST or None)
    preview = result = None
    changed = False
    if request.method == "POST" and form.is_valid():
        name_display = form.cleaned_data["name_display"]
        preview = selectors.paper_preview(page, form.cleaned_data["rows"])
        fingerprint = selectors.paper_preview_fingerprint(preview, name_display)
        if form.wants_save() and form.cleaned_data["previewed"] == fingerprint:
            kept = form.kept_lines
            result = services.paper_signatures_add(
                petition=page,
                entered_by=request.user,
                rows=[
                    PaperRow(name=row.name, email=row.email, department=row.department)
                    for row in preview
                    if row.line in kept
                ],
                name_display=name_display,
            )
            form, preview = PaperForm(), None
        else:
            changed = form.wants_save()
            form = PaperForm(
                initial={
                    **form.cleaned_data,
                    "rows": request.POST["rows"],
                    "previewed": fingerprint,
                }
            )
    context = {
        "form": form,
        "preview": preview,
        "result": result,
        "changed": changed,
        "seal": selectors.seal_state(page),
    }
    if preview:
        context["summary"] = {
            "new": sum(row.status == row.NEW for row in preview),
            "duplicates": sum(row.status != row.NEW for row in preview),
            "unknown": sum(row.department_unknown for row in preview),
        }
    status = 400 if request.method == "POST" and form.is_bound and not form.is_valid() else 200
    return no_store(_render(request, page, "petitions/paper.html", context, status))


@page_route(PetitionPage, "delivery/", name="delivery")
def delivery(request, page: PetitionPage):
    if response := _gate(request, page):
        return response
    form = DeliveryForm(request.POST or None, initial={"language": get_language()}, petition=page)
    if request.method == "POST" and form.is_valid():
        pdf = services.delivery_pdf_request(
            petition=page,
            user=request.user,
            count_only=form.cleaned_data["count_only"],
            with_departments=form.cleaned_data.get("with_departments", False),
            language=form.cleaned_data["language"],
        )
        return HttpResponseRedirect(
            page.url + page.reverse_subpage("delivery_status", args=[pdf.pk]).lstrip("/")
        )
    pdfs = DeliveryPdf.objects.filter(petition_id=page.source_id).defer("pdf").order_by("-id")[:10]
    context = {"form": form, "pdfs": pdfs, **_sealed_context(page)}
    return no_store(_render(request, page, "petitions/delivery.html", context))


def _delivery_pdf(page: PetitionPage, pdf_id: int, *, with_data: bool = False) -> DeliveryPdf:
    rows = DeliveryPdf.objects.filter(pk=pdf_id, petition_id=page.source_id)
    pdf = (rows if with_data else rows.defer("pdf")).first()
    if pdf is None:
        raise Http404
    return pdf


@page_route(PetitionPage, "delivery/<int:pdf_id>/", name="delivery_status")
def delivery_status(request, page: PetitionPage, pdf_id: int):
    if response := _gate(request, page):
        return response
    pdf = _delivery_pdf(page, pdf_id)
    return no_store(_render(request, page, "petitions/delivery_status.html", {"pdf": pdf}))


@page_route(PetitionPage, "delivery/<int:pdf_id>/download/", name="delivery_download")
def delivery_download(request, page: PetitionPage, pdf_id: int):
    if response := _gate(request, page):
        return response
    pdf = _delivery_pdf(page, pdf_id, with_data=True)
    if pdf.state != DeliveryPdf.State.DONE or not pdf.pdf:
        raise Http404
    response = HttpResponse(bytes(pdf.pdf), content_type="application/pdf")
    suffix = "count" if pdf.count_only else "names"
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-{suffix}.pdf"'
    return no_store(response)


# Organizing on paper: handout cards and numbered sheets ----------------------------------


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return no_store(response)


@page_route(PetitionPage, "cards/", name="cards")
def cards(request, page: PetitionPage):
    """Handout cards: a form, and the PDF once a language and paper are chosen (a GET:
    printing cards writes nothing)."""
    if response := _gate(request, page):
        return response
    asked = "language" in request.GET or "paper" in request.GET
    form = CardsForm(request.GET if asked else None, initial={"language": get_language()})
    if asked and form.is_valid():
        language, paper = form.cleaned_data["language"], form.cleaned_data["paper"]
        data = paper_print.render_cards(page, language=language, paper=paper)
        return _pdf_response(data, f"{page.slug}-cards-{language}.pdf")
    status = 400 if asked else 200
    return no_store(_render(request, page, "petitions/cards.html", {"form": form}, status))


def _sheets_page(request, page: PetitionPage, form, status: int = 200):
    context = {"form": form, "reconciliation": selectors.sheet_reconciliation(page)}
    return no_store(_render(request, page, "petitions/paper_sheets.html", context, status))


@page_route(PetitionPage, "sheets/", name="sheets")
def sheets(request, page: PetitionPage):
    """Reconciliation: the sheets printed, back, entered and missing, and paper against
    online; and the form to print more."""
    if response := _gate(request, page):
        return response
    return _sheets_page(request, page, SheetPrintForm(initial={"language": get_language()}))


@page_route(PetitionPage, "sheets/print/", name="sheets_print")
def sheets_print(request, page: PetitionPage):
    if response := _gate(request, page):
        return response
    if request.method != "POST":
        return HttpResponseRedirect(page.url + page.reverse_subpage("sheets").lstrip("/"))
    form = SheetPrintForm(request.POST)
    if not form.is_valid():
        return _sheets_page(request, page, form, status=400)
    printed = services.paper_sheets_print(
        petition=page,
        count=form.cleaned_data["count"],
        language=form.cleaned_data["language"],
        printed_by=request.user,
    )
    data = paper_print.render_sheets(page, printed, paper=form.cleaned_data["paper"])
    first, last = printed[0].number, printed[-1].number
    numbers = f"{first}" if first == last else f"{first}-{last}"
    return _pdf_response(data, f"{page.slug}-sheets-{numbers}.pdf")


@page_route(PetitionPage, "sheets/<int:number>/", name="sheet")
def sheet(request, page: PetitionPage, number: int):
    """One sheet: enter it (check, then save the ticked rows) or, once entered, see what
    came from it row by row."""
    if response := _gate(request, page):
        return response
    found = PaperSheet.objects.filter(petition_id=page.source_id, number=number).first()
    if found is None:
        context = {"missing": number}
        return no_store(_render(request, page, "petitions/paper_sheet.html", context, 404))
    context = {"sheet": found, "seal": selectors.seal_state(page)}
    if found.entered_at is not None:
        context["signatures"] = selectors.sheet_signatures(page, found)
        if request.method == "POST":
            context["already_entered"] = True
        return no_store(_render(request, page, "petitions/paper_sheet.html", context))
    if request.method == "POST" and request.POST.get("action") == "returned":
        services.paper_sheet_returned(sheet=found)
        return HttpResponseRedirect(page.url + page.reverse_subpage("sheets").lstrip("/"))
    displays = paper_print.name_display_options(page)
    rows = paper_print.SHEET_ROWS
    form = SheetForm(request.POST or None, rows=rows, displays=displays)
    preview = None
    changed = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        preview = selectors.paper_preview(page, data["rows"])
        fingerprint = selectors.paper_preview_fingerprint(
            preview, f"{data['collected_by']}|{data['collected_on']}"
        )
        if form.wants_save() and data["previewed"] == fingerprint:
            kept = form.kept_rows
            try:
                result = services.paper_sheet_enter(
                    sheet=found,
                    petition=page,
                    entered_by=request.user,
                    collected_by=data["collected_by"],
                    collected_on=data["collected_on"],
                    rows=[
                        PaperRow(
                            name=row.name,
                            email=row.email,
                            department=row.department,
                            line=row.line,
                            name_display=row.name_display,
                        )
                        for row in preview
                        if row.line in kept
                    ],
                )
            except services.SheetAlreadyEntered:
                found.refresh_from_db()
                context.update(
                    sheet=found,
                    signatures=selectors.sheet_signatures(page, found),
                    already_entered=True,
                )
                return no_store(_render(request, page, "petitions/paper_sheet.html", context))
            found.refresh_from_db()
            context.update(
                sheet=found, result=result, signatures=selectors.sheet_signatures(page, found)
            )
            return no_store(_render(request, page, "petitions/paper_sheet.html", context))
        changed = form.wants_save()
        form = SheetForm(
            {**request.POST.dict(), "previewed": fingerprint}, rows=rows, displays=displays
        )
        form.is_valid()
    context.update(form=form, preview=preview, changed=changed)
    if preview:
        context["summary"] = {
            "new": sum(row.status == row.NEW for row in preview),
            "duplicates": sum(row.status != row.NEW for row in preview),
        }
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return no_store(_render(request, page, "petitions/paper_sheet.html", context, status))
