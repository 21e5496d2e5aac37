"""A sealed petition's paper sheets: once entered, a sheet shows its rows and their status,
never the names, emails or departments typed from it, until names may be shown (issue 12,
items 3 and 4)."""

import pytest

from tests.petitions.test_organizer import tool
from tests.petitions.test_sheets import check_and_save, own, petition, print_sheets  # noqa: F401

ROWS = {
    1: ("Marisol Quintero", "marisol@example.org", "Dietary", "full"),
    2: ("Teodoro Vance", "", "Inbound", "initial"),
}


def seal(page, threshold):
    page.seal_threshold = threshold
    page.save_revision().publish()
    page.refresh_from_db()


def entered_sheet(client, page):
    print_sheets(client, page, count=1)
    checked, saved = check_and_save(client, page, 1, ROWS, keep=[1, 2])
    assert saved.status_code == 200, saved.content[:400]
    return client.get(tool(page, "sheet", 1))


@pytest.mark.django_db
def test_a_sealed_sheet_shows_rows_and_status_but_no_name(client, petition, own):  # noqa: F811
    seal(petition, 50)
    client.force_login(own)
    html = entered_sheet(client, petition).content.decode()
    assert "Names are sealed until 50 have signed;" in " ".join(html.split())
    for typed in ("Marisol", "Quintero", "marisol@example.org", "Teodoro", "Inbound"):
        assert typed not in html
    assert html.count("<tr><td>1</td>") == 1 and html.count("<tr><td>2</td>") == 1


@pytest.mark.django_db
def test_an_unsealed_sheet_shows_what_was_entered_row_by_row(client, petition, own):  # noqa: F811
    client.force_login(own)
    html = entered_sheet(client, petition).content.decode()
    assert "Marisol Quintero" in html and "marisol@example.org" in html
    assert "Teodoro V." in html and "Names are sealed" not in html
