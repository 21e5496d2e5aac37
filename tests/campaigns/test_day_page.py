"""The public page of a day of action, in both languages."""

import pytest
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_day_page_shows_the_call_and_how_to_take_part(client, day):
    response = client.get(day.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "No work, no school" in body
    assert "Stay home, close the shop, walk out together." in body
    assert "Endorse, then tell your members." in body
    assert f'href="{day.url}endorse/"' in body
    assert "/counter/" in body  # the embed code


def test_spanish_page_shares_the_english_pages_wall_and_interface_is_spanish(client, day):
    spanish = day.get_translation(Locale.objects.get(language_code="es")).specific
    body = client.get(spanish.url).content.decode()
    assert "Sin trabajo, sin escuela, sin compras" in body
    assert "Respalde este día de acción" in body
    assert "Quiénes lo respaldan" in body
