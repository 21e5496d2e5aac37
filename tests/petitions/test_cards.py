"""Handout cards: eight to a page, in English, Spanish or both, each with a QR code drawn
here that opens the petition in the card's language (issue 12, item 2)."""

import pytest
from django.conf import settings

from tests.factories import LocalFactory, steward
from tests.helpers import page_count, pdf_text, qr_decode_pdf
from tests.petitions.conftest import make_petition
from tests.petitions.test_organizer import tool


@pytest.fixture
def petition(home, settings):
    settings.SITE_URL = "https://hall.example.org"
    return make_petition(home)


def cards(client, page, **params):
    return client.get(tool(page, "cards"), params)


def spanish(page):
    from wagtail.models import Locale

    return page.get_translation(Locale.objects.get(language_code="es"))


@pytest.mark.django_db
def test_english_cards_carry_the_title_the_promise_the_link_and_a_qr_code(client, petition):
    client.force_login(steward(petition.local))
    response = cards(client, petition, language="en", paper="letter")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    pdf = response.content
    assert page_count(pdf) == 1
    text = pdf_text(pdf)
    url = settings.SITE_URL + petition.url
    assert text.count("Water at the dock") == 8
    assert text.count("Only the stewards and organizers of") == 8
    assert text.count("hall.example.org" + petition.url) == 8
    assert "https://" not in text
    assert qr_decode_pdf(pdf).count(url) == 8


@pytest.mark.django_db
def test_spanish_cards_open_the_spanish_translation(client, petition):
    client.force_login(steward(petition.local))
    pdf = cards(client, petition, language="es", paper="a4").content
    es_url = settings.SITE_URL + spanish(petition).url
    assert es_url.startswith(settings.SITE_URL + "/es/")
    text = pdf_text(pdf)
    assert text.count("Agua en el muelle") == 8
    assert "Solo los delegados y organizadores de" in text
    assert "Water at the dock" not in text
    assert set(qr_decode_pdf(pdf)) == {es_url}


@pytest.mark.django_db
def test_bilingual_cards_carry_both_languages_and_both_codes(client, petition):
    client.force_login(steward(petition.local))
    pdf = cards(client, petition, language="both", paper="letter").content
    text = pdf_text(pdf)
    assert text.count("Water at the dock") == 8 and text.count("Agua en el muelle") == 8
    codes = qr_decode_pdf(pdf, dpi=300)
    assert codes.count(settings.SITE_URL + petition.url) == 8
    assert codes.count(settings.SITE_URL + spanish(petition).url) == 8


@pytest.mark.django_db
def test_a_code_name_is_printed_instead_of_the_title(client, petition):
    petition.code_name = "Blue Kettle"
    petition.save_revision().publish()
    client.force_login(steward(petition.local))
    text = pdf_text(cards(client, petition, language="en", paper="letter").content)
    assert text.count("Blue Kettle") == 8 and "Water at the dock" not in text


@pytest.mark.django_db
def test_an_unknown_language_is_refused_plainly(client, petition):
    client.force_login(steward(petition.local))
    response = cards(client, petition, language="fr", paper="letter")
    assert response.status_code == 400
    assert "Choose English, Spanish or both." in response.content.decode()
    response = cards(client, petition, language="en", paper="tabloid")
    assert response.status_code == 400


@pytest.mark.django_db
def test_cards_are_for_the_petitions_own_local(client, petition):
    anonymous = cards(client, petition, language="en", paper="letter")
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    client.force_login(steward(LocalFactory()))
    assert cards(client, petition, language="en", paper="letter").status_code == 403
    assert client.get(tool(petition, "cards")).status_code == 403
