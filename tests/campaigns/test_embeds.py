"""The day page offers its counter to other sites in English and Spanish."""

import html
import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def snippet_codes(body: str) -> dict[str, str]:
    found = re.findall(
        r'<pre class="campaigns-embed" data-language="(\w+)"[^>]*><code>(.*?)</code></pre>', body
    )
    return {language: html.unescape(code) for language, code in found}


def test_day_page_offers_the_counter_in_both_languages(client, day):
    body = client.get(day.url).content.decode()
    assert "<summary>Put this counter on your site</summary>" in body
    codes = snippet_codes(body)
    assert list(codes) == ["en", "es"]
    assert codes["en"] == (
        f'<iframe src="{settings.SITE_URL}/days-of-action/no-work-no-school/counter/" '
        'title="No work, no school, no shopping" width="320" height="180" loading="lazy" '
        'style="border:0"></iframe>'
    )
    assert f'src="{settings.SITE_URL}/es/days-of-action/no-work-no-school/counter/"' in codes["es"]
    assert 'title="Sin trabajo, sin escuela, sin compras"' in codes["es"]
    assert body.index("<h3>English</h3>") < body.index("<h3>Spanish</h3>")


def test_spanish_day_page_offers_its_own_language_first_in_spanish(client, day):
    body = client.get(day.localized_for("es").url).content.decode()
    assert "<summary>Pon este contador en tu sitio</summary>" in body
    assert list(snippet_codes(body)) == ["es", "en"]
    assert body.index("<h3>Español</h3>") < body.index("<h3>Inglés</h3>")


def test_a_day_without_a_live_translation_offers_only_its_own_language(client, day):
    day.localized_for("es").unpublish()
    codes = snippet_codes(client.get(day.url).content.decode())
    assert list(codes) == ["en"]
