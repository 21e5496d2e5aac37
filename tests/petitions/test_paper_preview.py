"""Paper signatures are checked before they are saved: duplicates within the batch and of
signatures already there, and departments not on the petition's list, are shown, nothing is
saved on the check, and only the ticked lines are saved (issue 10, item 11)."""

import pytest

from petitions.models import Signature
from tests.factories import steward
from tests.petitions.conftest import make_petition
from tests.petitions.test_organizer import add, tool

SHEET = (
    "Carmen Ortiz, , Dietary\n"
    "Luis Pérez, luis@example.org, dietary\n"
    "carmen  ortiz,,DIETARY\n"  # the same person, typed again
    "José Núñez,,Dietética\n"  # the Spanish name of the same department
    "Ana Ruiz,,Dietery\n"  # a typo: not on the list
    "Grace Okafor,,Inbound\n"  # signed online already
)


@pytest.fixture
def listed(home):
    return make_petition(home, departments="Dietary | Dietética\nInbound | Recepción")


def check(client, page, rows=SHEET, **extra):
    return client.post(tool(page, "paper"), {"rows": rows, "name_display": "full", **extra})


def save(client, page, previewed, keep, rows=SHEET):
    data = {"previewed": previewed, "action": "save", "keep": [str(n) for n in keep]}
    return check(client, page, rows, **data)


@pytest.mark.django_db
def test_check_shows_each_line_and_saves_nothing(client, listed):
    add(listed, "Grace Okafor", "grace@example.org", department="Inbound")
    client.force_login(steward(listed.local))
    response = check(client, listed)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    preview = {row.line: row for row in response.context["preview"]}
    assert {n: row.status for n, row in preview.items()} == {
        1: "new",
        2: "new",
        3: "batch_duplicate",
        4: "new",
        5: "new",
        6: "existing_duplicate",
    }
    assert preview[3].duplicate_of == 1
    assert (preview[2].department, preview[4].department) == ("Dietary", "Dietary")
    assert preview[5].department_unknown and preview[5].department == ""
    body = response.content.decode()
    assert "Duplicate of line 1 in this batch" in body
    assert "Already signed: same name and department" in body
    assert "Unknown department “Dietery”" in body
    assert "Nothing has been saved yet." in body
    assert 'name="keep" value="1" id="keep-1" checked' in body
    assert 'name="keep" value="3" id="keep-3" aria' in body  # a duplicate is not ticked
    assert Signature.objects.filter(source=Signature.Source.PAPER).count() == 0


@pytest.mark.django_db
def test_only_ticked_lines_are_saved_and_a_duplicate_without_email_counts_once(client, listed):
    add(listed, "Grace Okafor", "grace@example.org", department="Inbound")
    client.force_login(steward(listed.local))
    previewed = check(client, listed).context["form"]["previewed"].value()
    response = save(client, listed, previewed, keep=[1, 2, 4, 5])
    assert "Added 4. Skipped 0" in response.content.decode()
    paper = Signature.objects.filter(source=Signature.Source.PAPER)
    assert sorted(paper.values_list("name", "department")) == [
        ("Ana Ruiz", ""),  # the unknown department did not become a new one
        ("Carmen Ortiz", "Dietary"),
        ("José Núñez", "Dietary"),
        ("Luis Pérez", "Dietary"),
    ]
    # The same sheet again: every line is now a duplicate of what is there (or of line 1).
    again = {row.line: row.status for row in check(client, listed).context["preview"]}
    assert again == {
        1: "existing_duplicate",
        2: "existing_duplicate",
        3: "batch_duplicate",
        4: "existing_duplicate",
        5: "existing_duplicate",  # Ana Ruiz, saved without a department
        6: "existing_duplicate",
    }


@pytest.mark.django_db
def test_a_save_with_a_stale_check_saves_nothing_and_shows_the_fresh_findings(client, listed):
    client.force_login(steward(listed.local))
    previewed = check(client, listed).context["form"]["previewed"].value()
    # Meanwhile another steward enters Carmen.
    add(listed, "Carmen Ortiz", None, department="Dietary")
    response = save(client, listed, previewed, keep=[1, 2])
    body = response.content.decode()
    assert "Nothing was saved" in body
    assert Signature.objects.filter(source=Signature.Source.PAPER).count() == 0
    assert response.context["preview"][0].status == "existing_duplicate"
    # Editing the lines after checking them also needs a fresh check.
    response = save(client, listed, previewed, keep=[1], rows="Someone Else,,Inbound\n")
    assert "Nothing was saved" in response.content.decode()
    assert Signature.objects.filter(source=Signature.Source.PAPER).count() == 0


@pytest.mark.django_db
def test_without_a_list_departments_match_earlier_spellings_and_new_ones_are_flagged(
    client, petition
):
    add(petition, "Grace Okafor", "grace@example.org", department="Night shift")
    client.force_login(steward(petition.local))
    response = check(client, petition, rows="Kofi Mensah,,night SHIFT\nAna Ruiz,,Nite shift\n")
    first, second = response.context["preview"]
    assert first.department == "Night shift" and not first.department_new
    assert second.department == "Nite shift" and second.department_new
    assert "“Nite shift” is a department nobody has given before." in response.content.decode()
