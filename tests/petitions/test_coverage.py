"""Department headcounts and coverage, with the small-cell rule, in the organizer view and
the delivery PDF; the old department line format still parses."""

import pytest
from django.utils import timezone, translation

from petitions.delivery import render_delivery
from petitions.models import Department, Signature
from tests.factories import steward
from tests.helpers import pdf_text

from .conftest import make_petition

DEPARTMENTS = "Inbound | Entrada | 40\nOutbound | 20\nNight shift | Turno de noche"


def seed(page):
    for i in range(6):
        Signature.objects.create(
            petition=page,
            name=f"In Worker{i}",
            email=f"i{i}@example.org",
            department="Inbound",
            status="confirmed",
            confirmed_at=timezone.now(),
            name_display="full",
        )
    for i in range(2):
        Signature.objects.create(
            petition=page,
            name=f"Out Worker{i}",
            email=f"o{i}@example.org",
            department="Outbound",
            status="confirmed",
            confirmed_at=timezone.now(),
        )


def test_headcount_parses_and_old_lines_still_do():
    inbound, outbound, night = Department.parse(DEPARTMENTS)
    assert (inbound.key, inbound.labels, inbound.headcount) == ("Inbound", {"es": "Entrada"}, 40)
    assert (outbound.key, outbound.labels, outbound.headcount) == ("Outbound", {}, 20)
    assert (night.labels, night.headcount) == ({"es": "Turno de noche"}, None)


@pytest.mark.django_db
def test_organizer_view_shows_shares_with_the_small_cell_rule(client, home):
    page = make_petition(home, departments=DEPARTMENTS)
    seed(page)
    client.force_login(steward(page.local))
    body = client.get(page.url + "signers/").content.decode()
    table = body[body.index("petition-coverage") :]
    assert "15%" in table  # 6 of about 40
    assert "fewer than 5" in table
    assert "10%" not in table  # 2 of 20: the share of a small cell is not shown


@pytest.mark.django_db
def test_delivery_pdf_shows_coverage_with_the_small_cell_rule(home):
    page = make_petition(home, departments=DEPARTMENTS, departments_to_target=True)
    seed(page)
    with translation.override("en"):
        data, _count = render_delivery(page, count_only=True, with_departments=True)
    text = pdf_text(data)
    table = text[text.index("By department") :]
    assert "Inbound" in table and "15%" in table  # 6 of about 40
    assert "Outbound" in table and "fewer than 5" in table
    assert "10%" not in table  # 2 of 20: a small cell's share is not shown


@pytest.mark.django_db
def test_coverage_is_sealed_with_the_names(client, home):
    page = make_petition(home, departments=DEPARTMENTS, seal_threshold=100)
    seed(page)
    client.force_login(steward(page.local))
    body = client.get(page.url + "signers/").content.decode()
    assert "petition-coverage" not in body and "15%" not in body
