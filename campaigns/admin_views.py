"""Organizer views in the Wagtail admin: review queue, dashboard, export and import.

Only a day's organizers (selectors.days_organized_by: its local's or affiliation's
organizers, those granted the day, editors and superusers) get into its pages; everyone
else gets a 403. These pages show endorsers' contact details, so they also require MFA
and are never cached.
"""

from functools import wraps

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.accounts import mfa_setup_redirect
from core.cache import no_store
from core.exports import csv_lines
from unions.permissions import is_organizer

from . import charts, imports, selectors, services
from .forms import BulkReviewForm, ImportConfirmForm, ImportUploadForm, ReviewFilterForm
from .models import DayOfActionPage, Endorsement

PER_PAGE = 100


def organizer_required(view):
    """The days list for anyone organizing a day; a day's pages for its organizers only.

    A view with a `day_id` gets the day (in the default language) as `day`.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        day_id = kwargs.pop("day_id", None)
        if day_id is None:
            allowed = (
                is_organizer(request.user) or selectors.days_organized_by(request.user).exists()
            )
        else:
            kwargs["day"] = get_object_or_404(DayOfActionPage, pk=day_id).source_day
            allowed = selectors.may_organize_day(request.user, kwargs["day"])
        if not allowed:
            return HttpResponseForbidden(_("Only this day's organizers can see its endorsements."))
        if redirect := mfa_setup_redirect(request):
            return redirect
        return no_store(view(request, *args, **kwargs))

    return wrapped


@organizer_required
def days(request: HttpRequest) -> HttpResponse:
    rows = selectors.organized_days(request.user)
    return TemplateResponse(request, "campaigns/admin/days.html", {"rows": rows})


@organizer_required
def review(request: HttpRequest, day: DayOfActionPage) -> HttpResponse:
    query = request.GET.copy()
    if "status" not in query:
        query["status"] = Endorsement.Status.PENDING_REVIEW
    filters = ReviewFilterForm(query)
    bulk = BulkReviewForm()
    if request.method == "POST":
        bulk = BulkReviewForm(request.POST)
        if bulk.is_valid():
            ids = bulk.cleaned_data["ids"]
            if bulk.cleaned_data["action"] == "approve":
                done = services.endorsements_approve(day=day, ids=ids, reviewer=request.user)
                messages.success(
                    request,
                    ngettext("%(n)s endorsement approved.", "%(n)s endorsements approved.", done)
                    % {"n": done},
                )
            else:
                done = services.endorsements_reject(
                    day=day, ids=ids, reviewer=request.user, reason=bulk.cleaned_data["reason"]
                )
                messages.success(
                    request,
                    ngettext("%(n)s endorsement rejected.", "%(n)s endorsements rejected.", done)
                    % {"n": done},
                )
            return HttpResponseRedirect(request.get_full_path())
    criteria = filters.cleaned_data if filters.is_valid() else None
    rows = selectors.review_queue(day, criteria).order_by("submitted_at", "pk")
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("p"))
    params = query.copy()
    params.pop("p", None)
    return TemplateResponse(
        request,
        "campaigns/admin/review.html",
        {
            "day": day,
            "filters": filters,
            "bulk": bulk,
            "page_obj": page,
            "params": params.urlencode(),
            "export_url": reverse("campaigns:export", args=[day.pk]) + "?" + params.urlencode(),
        },
        status=400 if bulk.is_bound and not bulk.is_valid() else 200,
    )


@organizer_required
def dashboard(request: HttpRequest, day: DayOfActionPage) -> HttpResponse:
    data = selectors.dashboard(day)
    chart = charts.cumulative_line(data.pop("over_time"))
    return TemplateResponse(
        request, "campaigns/admin/dashboard.html", {"day": day, **data, "chart": chart}
    )


@organizer_required
def export(request: HttpRequest, day: DayOfActionPage) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Endorsement.Status.values:
        status = ""
    header, rows = selectors.export_rows(day, status=status)
    response = StreamingHttpResponse(
        csv_lines(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="endorsements-{day.slug}.csv"'
    return response


@organizer_required
def import_endorsements(request: HttpRequest, day: DayOfActionPage) -> HttpResponse:
    context = {"day": day, "upload": ImportUploadForm()}
    if request.method == "POST" and "payload" in request.POST:
        confirm = ImportConfirmForm(request.POST)
        text = imports.unsign(day, confirm.data.get("payload", "")) if confirm.is_valid() else None
        if text is None:
            messages.error(request, _("The preview expired. Upload the file again."))
            return HttpResponseRedirect(request.path)
        result = imports.preview(day, text)
        if result.ok:
            done = services.endorsements_import(
                day=day,
                rows=[(row.data, row.status) for row in result.to_import],
                reviewer=request.user,
            )
            messages.success(
                request,
                _(
                    "Imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged, "
                    "%(skipped)s rejected or withdrawn skipped."
                )
                % {**done, "skipped": result.skipped_count},
            )
            return HttpResponseRedirect(reverse("campaigns:dashboard", args=[day.pk]))
        context["preview"] = result
    elif request.method == "POST":
        upload = ImportUploadForm(request.POST, request.FILES)
        context["upload"] = upload
        if upload.is_valid():
            try:
                text = imports.decode(upload.cleaned_data["file"].read(imports.MAX_BYTES + 1))
            except ValueError as error:
                upload.add_error("file", str(error))
            else:
                result = imports.preview(day, text)
                context["preview"] = result
                if result.ok:
                    context["confirm"] = ImportConfirmForm(
                        initial={"payload": imports.sign(day, text)}
                    )
    return TemplateResponse(request, "campaigns/admin/import.html", context)
