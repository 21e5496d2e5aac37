"""Demo paper sheets: two numbered sheets, printed, collected and entered, on one demo
petition, so the reconciliation page and a sheet's provenance have something to show.
The names are made up."""

import datetime

from django.utils import timezone

from petitions import services
from petitions.models import PaperSheet, PetitionPage
from petitions.services import PaperRow

SHEETS = [
    (
        "Yesenia Barrientos",
        [
            PaperRow(name="Octavio Ledesma", department="Inbound", line=1, name_display="full"),
            PaperRow(name="Marisela Tapanes", department="Picking", line=2, name_display="initial"),
            PaperRow(name="Deshawn Pruitt", department="Packing", line=3, name_display="hidden"),
            PaperRow(name="Hortensia Vidaurre", department="Packing", line=5, name_display="full"),
        ],
    ),
    (
        "Kwame Ellison",
        [
            PaperRow(name="Ruperto Anaya", department="Outbound", line=1, name_display="initial"),
            PaperRow(
                name="Lidia Carvajal", department="Maintenance", line=2, name_display="hidden"
            ),
            PaperRow(name="Teodoro Quilla", department="Inbound", line=4, name_display="full"),
        ],
    ),
]


def seed_paper(page: PetitionPage) -> None:
    """Two entered sheets on `page` (nothing if it already has sheets)."""
    if PaperSheet.objects.filter(petition_id=page.source_id).exists():
        return
    sheets = services.paper_sheets_print(
        petition=page, count=len(SHEETS), language="en", printed_by=None
    )
    today = timezone.localdate()
    for days_ago, (sheet, (collector, rows)) in enumerate(zip(sheets, SHEETS, strict=True)):
        services.paper_sheet_enter(
            sheet=sheet,
            petition=page,
            entered_by=None,
            collected_by=collector,
            collected_on=today - datetime.timedelta(days=2 + days_ago),
            rows=rows,
        )
