"""Departments are one key per department with a label per language ("Dietary |
Dietética"): Spanish pages show Spanish names, counts never split by language; and the
signers page says "fewer than 5" with its number (issue 10, item 21)."""

import csv
import io

import pytest

from petitions.delivery import render_delivery
from petitions.models import Signature
from tests.factories import steward
from tests.helpers import pdf_text
from tests.petitions.conftest import make_petition, sign_data, sign_url
from tests.petitions.test_organizer import add, tool, words

DEPARTMENTS = "Dietary | Dietética\nInbound | Recepción\nNight shift"


@pytest.fixture
def listed(home):
    return make_petition(home, departments=DEPARTMENTS)


@pytest.mark.django_db
def test_spanish_sign_form_shows_spanish_labels_and_stores_the_one_key(client, listed):
    spanish = listed.get_translations().get()
    body = client.get(spanish.url).content.decode()
    assert '<option value="Dietary">Dietética</option>' in body
    assert '<option value="Night shift">Night shift</option>' in body  # no label: the key
    assert ">Dietary</option>" not in body
    english = client.get(listed.url).content.decode()
    assert '<option value="Dietary">Dietary</option>' in english
    client.post(sign_url(spanish), sign_data(department="Dietary", email="a@example.org"))
    client.post(sign_url(listed), sign_data(department="Dietary", email="b@example.org"))
    assert list(Signature.objects.values_list("department", flat=True).distinct()) == ["Dietary"]
    # A Spanish label is not a value anyone can post.
    response = client.post(sign_url(spanish), sign_data(department="Dietética", email="c@x.org"))
    assert response.status_code == 400
    assert not Signature.objects.filter(email="c@x.org").exists()


@pytest.mark.django_db
def test_signer_list_and_counts_show_the_pages_language(client, listed):
    for i in range(6):
        add(listed, f"Cook Number{i}", f"c{i}@example.org", department="Dietary")
    add(listed, "Night Owl", "owl@example.org", department="Night shift")
    client.force_login(steward(listed.local))
    spanish = listed.get_translations().get()
    body = client.get(tool(spanish, "signers")).content.decode()
    assert "<td>Dietética</td><td>6</td>" in body
    assert (
        '<td>Cook Number0</td><td>c0@example.org</td><td data-consent="no">no</td>'
        "<td>Dietética</td>"
    ) in body
    english = client.get(tool(listed, "signers")).content.decode()
    assert "<td>Dietary</td><td>6</td>" in english


@pytest.mark.django_db
def test_delivery_pdf_names_departments_in_its_language(listed):
    listed.departments_to_target = True
    listed.save()
    for i in range(6):
        add(listed, f"Cook Number{i}", f"c{i}@example.org", department="Dietary")
    spanish = listed.get_translations().get()
    from django.utils import translation

    with translation.override("es"):
        data, _ = render_delivery(spanish, count_only=True, with_departments=True)
    text = words(pdf_text(data, layout=True))
    assert "Dietética 6" in text and "Dietary" not in text


@pytest.mark.django_db
def test_signers_page_and_export_say_fewer_than_five_with_the_number(client, petition):
    add(petition, "Night Owl", "owl@example.org", department="Night shift")
    client.force_login(steward(petition.local))
    body = " ".join(client.get(tool(petition, "signers")).content.decode().split())
    assert "shows “fewer than 5” for small departments" in body
    assert "fewer than ”" not in body
    rows = list(
        csv.reader(io.StringIO(client.get(tool(petition, "departments_csv")).content.decode()))
    )
    assert ["Night shift", "fewer than 5"] in rows
