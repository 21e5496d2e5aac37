"""The contract library's routes: library, clause page, comparison, and proposals.

Each view validates a form, calls a service, then redirects or renders (see DESIGN.md).
Proposals belong to a local: only its stewards and organizers see or change them (403 for
anyone else), and every response about one is private and uncached.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
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
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.accounts import mfa_setup_redirect, needs_mfa
from core.cache import no_store
from core.forms import add_service_error
from core.routing import page_route
from core.search import clean_query
from documents.engine import Answers
from documents.forms import VALUE_PREFIX
from documents.printing import print_kwargs_for, render_document_docx, render_document_pdf
from documents.selectors import actable_locals, counts_for
from documents.variables import variables_from
from unions.permissions import may_act_for_local, may_read_notes

from . import selectors, services
from .assembly import print_sections, render_articles
from .forms import (
    PAPER_CHOICES,
    CounterForm,
    ProposalAnswersForm,
    ProposalCreateForm,
    ProposalStatusForm,
    TentativeAgreementForm,
)
from .models import (
    ArticleVersion,
    BargainingProposal,
    ClauseLibraryPage,
    ContractClausePage,
    Strength,
)
from .printing import proposal_kwargs, ta_sheet_pdf

LANGUAGES = dict(settings.LANGUAGES)
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _url(page: ClauseLibraryPage, name: str, **kwargs) -> str:
    return page.url + page.reverse_subpage(name, kwargs=kwargs or None)


def _gate(request: HttpRequest, login_next: str | None = None) -> HttpResponse | None:
    """Signed in, and with two-factor on: a proposal may name the local's contacts."""
    if not request.user.is_authenticated:
        return redirect_to_login(login_next or request.get_full_path())
    return mfa_setup_redirect(request)


def _int(raw) -> int | None:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if 0 < value < 2**31 else None


# -- the library ---------------------------------------------------------------------------


def _own_proposal(request: HttpRequest, pk) -> BargainingProposal:
    pk = _int(pk)
    if pk is None:
        raise Http404
    proposal = get_object_or_404(
        BargainingProposal.objects.select_related("local__affiliation", "workplace"), pk=pk
    )
    if not may_act_for_local(request.user, proposal.local):
        # Not found, rather than forbidden: another local's proposals (and their positions at
        # the table) are not this person's to know of.
        raise Http404
    return proposal


@page_route(ClauseLibraryPage, "", name="library_route")
def library(request: HttpRequest, page: ClauseLibraryPage) -> HttpResponse:
    language = request.GET.get("lang", "")
    if language not in LANGUAGES:
        language = page.locale.language_code
    query = clean_query(request.GET.get("q", ""), selectors.SEARCH_MAX)
    category = slugify(request.GET.get("category", ""))[:120]
    strength = request.GET.get("strength", "")
    if strength not in Strength.values:
        strength = ""
    results = selectors.library(
        language=language, query=query, category=category, strength=strength
    )
    counts = counts_for([clause.translation_key for clause in results], counts=selectors.Counts)
    # Adding from the library: only to a proposal of one of the person's locals.
    # Proposals may name the local's contacts: not listed until two-factor is on.
    shows_proposals = request.user.is_authenticated and not needs_mfa(request.user)
    proposal = None
    if request.GET.get("proposal") and shows_proposals:
        candidate = BargainingProposal.objects.filter(pk=_int(request.GET["proposal"])).first()
        if candidate is not None and may_act_for_local(request.user, candidate.local):
            proposal = candidate
    in_proposal = set()
    if proposal is not None:
        in_proposal = set(proposal.items.values_list("clause_key", flat=True))
    context = page.get_context(request)
    context.update(
        {
            "results": [
                (clause, counts[clause.translation_key], clause.translation_key in in_proposal)
                for clause in results
            ],
            "query": query,
            "category": category,
            "strength": strength,
            "language": language,
            "languages": settings.LANGUAGES,
            "categories": selectors.categories_in_use(),
            "strengths": Strength.choices,
            "proposal": proposal,
            "proposals": selectors.proposals_for(request.user)[:5] if shows_proposals else [],
            "here": request.get_full_path(),
        }
    )
    response = TemplateResponse(request, "contracts/clause_library_page.html", context)
    return no_store(response) if request.user.is_authenticated else response


@page_route(ContractClausePage, "", name="index_route")
def clause_page(request: HttpRequest, page: ContractClausePage) -> HttpResponse:
    # A new clause previewed in the admin may not sit in the tree yet.
    parent = page.get_parent() if page.pk else None
    library_page = parent.specific if parent else ClauseLibraryPage.objects.first()
    counts = counts_for([page.translation_key], counts=selectors.Counts)[page.translation_key]
    resolutions = []
    for link in page.related_resolutions.select_related("resolution"):
        resolution = link.resolution.localized
        if resolution.live:
            resolutions.append(resolution.specific)
    others = (
        ContractClausePage.objects.live()
        .public()
        .filter(locale=page.locale)
        .exclude(pk=page.pk)
        .order_by("number")
    )
    context = page.get_context(request)
    context.update(
        {
            "library": library_page,
            "counts": counts,
            "variable_list": variables_from(page.variables),
            "show_notes": may_read_notes(request.user),
            "resolutions": resolutions,
            "others": others.filter(category=page.category) or others,
            "open_proposals": selectors.open_proposals_for(request.user),
        }
    )
    response = TemplateResponse(request, "contracts/contract_clause_page.html", context)
    return no_store(response) if request.user.is_authenticated else response


@page_route(ClauseLibraryPage, "compare/", name="compare")
def compare(request: HttpRequest, page: ClauseLibraryPage) -> HttpResponse:
    """Two clauses side by side: their model texts with the differing words marked, their
    strength and where they were won."""
    ids = [_int(raw) for raw in request.GET.getlist("c")]
    error = ""
    clauses = []
    if len(ids) != 2 or None in ids or ids[0] == ids[1]:
        error = _("Pick exactly two different clauses to compare.")
    else:
        found = {
            clause.pk: clause
            for clause in ContractClausePage.objects.live().public().filter(pk__in=ids)
        }
        if len(found) != 2:
            error = _("One of those clauses is not in the library.")
        else:
            clauses = [found[pk] for pk in ids]
    marked = selectors.compare_clauses(*clauses) if clauses else []
    columns = [
        {"clause": clause, "marked": text} for clause, text in zip(clauses, marked, strict=True)
    ]
    context = page.get_context(request)
    context.update({"columns": columns, "error": error})
    return TemplateResponse(
        request, "contracts/compare.html", context, status=400 if error else 200
    )


# -- proposals -----------------------------------------------------------------------------


@page_route(ClauseLibraryPage, "proposals/", name="proposals")
def proposals(request: HttpRequest, page: ClauseLibraryPage) -> HttpResponse:
    """The person's locals' proposals, and the form to start one."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user_locals = actable_locals(request.user)
    if not user_locals:
        raise PermissionDenied(_("Only stewards and organizers of a local can make proposals."))
    if gate := mfa_setup_redirect(request):
        return gate
    if request.method == "POST":
        form = ProposalCreateForm(request.POST, locals_=user_locals)
        if form.is_valid():
            data = form.cleaned_data
            try:
                proposal = services.proposal_create(
                    user=request.user,
                    local=data["local"],
                    workplace=data["workplace"],
                    employer=data.get("employer", ""),
                    title=data.get("title", ""),
                    language=data["language"],
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Proposal started. Now add clauses from the library."))
                return HttpResponseRedirect(_url(page, "proposal", pk=proposal.pk))
    else:
        form = ProposalCreateForm(
            locals_=user_locals, initial={"language": page.locale.language_code}
        )
    context = page.get_context(request)
    context.update({"form": form, "proposals": selectors.proposals_for(request.user)})
    return no_store(TemplateResponse(request, "contracts/proposals.html", context))


def _preview(proposal: BargainingProposal, clauses) -> tuple[list, str]:
    """The filled articles for the saved answers, or the reason they can't be filled yet."""
    if not clauses:
        return [], ""
    try:
        articles = render_articles(
            clauses, Answers.from_dict(proposal.answers), language=proposal.language
        )
    except ValidationError as error:
        return [], " ".join(error.messages)
    return print_sections(articles, language=proposal.language), ""


@page_route(ClauseLibraryPage, "proposals/<int:pk>/", name="proposal")
def proposal_detail(request: HttpRequest, page: ClauseLibraryPage, pk) -> HttpResponse:
    if gate := _gate(request):
        return gate
    proposal = _own_proposal(request, pk)
    items = selectors.proposal_clauses(proposal)
    clauses = [item.clause for item in items]
    saved = Answers.from_dict(proposal.answers)
    if request.method == "POST":
        form = ProposalAnswersForm(request.POST, proposal=proposal, clauses=clauses, answers=saved)
        if not proposal.is_open:
            form.add_error(None, _("This proposal is closed; its answers can't change."))
        elif form.is_valid():
            try:
                services.proposal_answers_save(
                    user=request.user, proposal=proposal, answers=form.answers()
                )
            except ValidationError as error:
                add_service_error(form, error, prefix=VALUE_PREFIX)
            else:
                messages.success(request, _("Answers saved. The preview below uses them."))
                return HttpResponseRedirect(_url(page, "proposal", pk=proposal.pk) + "#preview")
    else:
        form = ProposalAnswersForm(proposal=proposal, clauses=clauses, answers=saved)
    sections, problem = _preview(proposal, clauses)
    context = page.get_context(request)
    context.update(
        {
            "proposal": proposal,
            "items": items,
            "form": form,
            "sections": sections,
            "problem": problem,
            "status_form": ProposalStatusForm(initial={"status": _next_status(proposal)}),
            "paper_choices": PAPER_CHOICES,
            "library_url": page.url + f"?proposal={proposal.pk}&lang={proposal.language}",
        }
    )
    return no_store(TemplateResponse(request, "contracts/proposal.html", context))


def _next_status(proposal: BargainingProposal) -> str:
    Status = BargainingProposal.Status
    following = {
        Status.DRAFTED: Status.PROPOSED,
        Status.PROPOSED: Status.TENTATIVE_AGREEMENT,
        Status.TENTATIVE_AGREEMENT: Status.RATIFIED,
    }
    return following.get(proposal.status, proposal.status)


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@page_route(ClauseLibraryPage, "proposals/<int:pk>/clauses/", name="proposal_clauses")
def proposal_clauses(request: HttpRequest, page: ClauseLibraryPage, pk) -> HttpResponse:
    """Add, remove or move a clause (POST only), then go back where the person was."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if gate := _gate(request, _url(page, "proposals")):
        return gate
    proposal = _own_proposal(request, pk)
    action = request.POST.get("action", "")
    back = _safe_next(request, _url(page, "proposal", pk=proposal.pk))
    try:
        if action == "add":
            clause_id = _int(request.POST.get("clause"))
            clause = ContractClausePage.objects.filter(pk=clause_id).first() if clause_id else None
            if clause is None:
                raise ValidationError(_("That clause is not in the library."))
            item = services.proposal_clause_add(user=request.user, proposal=proposal, clause=clause)
            messages.success(
                request,
                _("Added “%(title)s” as article %(number)d.")
                % {"title": item.clause.title, "number": item.position},
            )
        elif action == "remove":
            services.proposal_clause_remove(
                user=request.user, proposal=proposal, item_id=request.POST.get("item")
            )
            messages.success(request, _("Clause removed; the articles were renumbered."))
        elif action in ("up", "down"):
            services.proposal_clause_move(
                user=request.user,
                proposal=proposal,
                item_id=request.POST.get("item"),
                offset=-1 if action == "up" else 1,
            )
        else:
            raise ValidationError(_("Unknown action."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(back)


@page_route(ClauseLibraryPage, "proposals/<int:pk>/status/", name="proposal_status")
def proposal_status(request: HttpRequest, page: ClauseLibraryPage, pk) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if gate := _gate(request, _url(page, "proposals")):
        return gate
    proposal = _own_proposal(request, pk)
    form = ProposalStatusForm(request.POST)
    if form.is_valid():
        try:
            updated = services.proposal_status_set(
                user=request.user,
                proposal=proposal,
                status=form.cleaned_data["status"],
                on=form.cleaned_data["on"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Status recorded: %(status)s.") % {"status": updated.get_status_display()},
            )
    else:
        problems = [str(e) for errors in form.errors.values() for e in errors]
        messages.error(request, " ".join(problems))
    return HttpResponseRedirect(_url(page, "proposal", pk=proposal.pk) + "#status")


def _filename(proposal: BargainingProposal, extension: str) -> str:
    stem = slugify(f"{proposal.local.display_name} {proposal.title}")[:80] or "proposal"
    return f"{stem}.{extension}"


@page_route(
    ClauseLibraryPage,
    r"^proposals/(?P<pk>\d+)/(?P<kind>pdf|docx)/$",
    name="proposal_file",
    regex=True,
)
def proposal_file(request: HttpRequest, page: ClauseLibraryPage, pk: str, kind: str):
    if gate := _gate(request):
        return gate
    proposal = _own_proposal(request, pk)
    paper = "a4" if request.GET.get("paper") == "a4" else "letter"
    clauses = [item.clause for item in selectors.proposal_clauses(proposal)]
    if not clauses:
        messages.error(request, _("Add at least one clause before downloading."))
        return HttpResponseRedirect(_url(page, "proposal", pk=proposal.pk))
    try:
        kwargs = print_kwargs_for(request, proposal_kwargs(proposal, paper=paper, clauses=clauses))
        if kind == "pdf":
            content, content_type = render_document_pdf(**kwargs), PDF
        else:
            content, content_type = render_document_docx(**kwargs), DOCX
    except ValidationError as error:
        messages.error(
            request,
            _("Answer every blank before downloading: %(problems)s")
            % {"problems": " ".join(error.messages)},
        )
        return HttpResponseRedirect(_url(page, "proposal", pk=proposal.pk))
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(proposal, kind)}"'
    return no_store(response)


# -- the bargaining table ------------------------------------------------------------------


@page_route(ClauseLibraryPage, "proposals/<int:pk>/table/", name="bargaining_table")
def bargaining_table(request: HttpRequest, page: ClauseLibraryPage, pk) -> HttpResponse:
    """Every article of the proposal and where it stands: ours, theirs, or TA."""
    if gate := _gate(request):
        return gate
    proposal = _own_proposal(request, pk)
    rows = selectors.bargaining_table(proposal)
    context = page.get_context(request)
    context.update(
        {
            "proposal": proposal,
            "rows": rows,
            "all_agreed": bool(rows) and all(row.state == ArticleVersion.SIDE_TA for row in rows),
            "any_agreed": any(row.state == ArticleVersion.SIDE_TA for row in rows),
        }
    )
    return no_store(TemplateResponse(request, "contracts/bargaining_table.html", context))


ARTICLE_FORMS = {
    "employer": CounterForm,
    "union": CounterForm,
    "reopen": CounterForm,
    "ta": TentativeAgreementForm,
}


def _article_forms(row, data=None, action: str = "") -> dict:
    """The forms the article's state allows, bound to `data` for the one that was sent."""
    state = row.state
    if state == ArticleVersion.SIDE_TA:
        names = ["reopen"]
    elif state == ArticleVersion.SIDE_THEIRS:
        names = ["union", "ta"]
    else:
        names = ["employer", "ta"]
    forms = {}
    for name in names:
        form_class = ARTICLE_FORMS[name]
        initial = {"text": row.text} if form_class is CounterForm else {}
        bound = data if name == action else None
        forms[name] = form_class(bound, prefix=name, initial=initial)
    return forms


@page_route(ClauseLibraryPage, "proposals/<int:pk>/articles/<int:item>/", name="article_history")
def article_history(request: HttpRequest, page: ClauseLibraryPage, pk, item) -> HttpResponse:
    """One article's versions, each with what changed from the one before, and the forms
    for what may come next (a counter, a TA, or reopening after a TA)."""
    if gate := _gate(request):
        return gate
    proposal = _own_proposal(request, pk)
    rows = {row.article.pk: row for row in selectors.bargaining_table(proposal)}
    row = rows.get(_int(item))
    if row is None:
        raise Http404
    action = request.POST.get("action", "") if request.method == "POST" else ""
    forms = _article_forms(row, request.POST if action else None, action)
    here = _url(page, "article_history", pk=proposal.pk, item=row.article.pk)
    Status = BargainingProposal.Status
    bargaining = proposal.status == Status.PROPOSED or (
        proposal.status == Status.TENTATIVE_AGREEMENT and "reopen" in forms
    )
    if request.method == "POST":
        form = forms.get(action)
        if not bargaining:
            messages.error(
                request,
                _("The proposal is %(status)s: nothing can be entered at the table now.")
                % {"status": proposal.get_status_display().lower()},
            )
            return HttpResponseRedirect(here)
        if form is None:
            messages.error(request, _("That can't be entered for this article now."))
            return HttpResponseRedirect(here)
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "ta":
                    services.article_ta_record(user=request.user, article=row.article, **data)
                elif action == "reopen":
                    services.article_reopen(user=request.user, article=row.article, **data)
                else:
                    services.article_counter_add(
                        user=request.user, article=row.article, side=action, **data
                    )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Recorded in the article's history."))
                return HttpResponseRedirect(here + "#history")
    context = page.get_context(request)
    context.update(
        {
            "proposal": proposal,
            "row": row,
            "history": row.history(),
            "forms": forms,
            "bargaining": bargaining,
        }
    )
    return no_store(TemplateResponse(request, "contracts/article_history.html", context))


@page_route(ClauseLibraryPage, "proposals/<int:pk>/ta-sheet/", name="ta_sheets")
@page_route(ClauseLibraryPage, "proposals/<int:pk>/articles/<int:item>/ta-sheet/", name="ta_sheet")
def ta_sheet(request: HttpRequest, page: ClauseLibraryPage, pk, item=None) -> HttpResponse:
    """The TA sheet to initial or file: one article, or every tentatively agreed one."""
    if gate := _gate(request):
        return gate
    proposal = _own_proposal(request, pk)
    agreed = selectors.agreed_articles(proposal)
    if item is not None:
        agreed = [(article, ta) for article, ta in agreed if article.pk == _int(item)]
    if not agreed:
        messages.error(request, _("No article of this proposal is tentatively agreed yet."))
        return HttpResponseRedirect(_url(page, "bargaining_table", pk=proposal.pk))
    paper = "a4" if request.GET.get("paper") == "a4" else "letter"
    response = HttpResponse(ta_sheet_pdf(proposal, agreed, paper=paper), content_type=PDF)
    stem = _filename(proposal, "pdf").removesuffix(".pdf")
    suffix = f"-article-{agreed[0][0].position}" if item is not None else ""
    response["Content-Disposition"] = f'attachment; filename="{stem}-ta{suffix}.pdf"'
    return no_store(response)
