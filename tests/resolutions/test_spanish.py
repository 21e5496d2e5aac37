"""Spanish: the library and page under /es/, documents in the resolution's language."""

import io

from django.utils import translation
from docx import Document

from resolutions.models import Adaptation
from tests.helpers import pdf_text

from .helpers import adapt_data


def test_spanish_library_and_page(client, library, resolution, resolution_es):
    html = client.get("/es/resoluciones/").content.decode()
    assert "Fuera ICE de nuestro lugar de trabajo" in html
    assert "Buscar en las resoluciones" in html
    page = client.get(resolution_es.url).content.decode()
    assert "Adaptar para su local" in page
    assert resolution_es.number == resolution.number


def test_spanish_pdf_and_docx_are_in_spanish(client, resolution_es):
    url = resolution_es.url + resolution_es.reverse_subpage("adapt")
    response = client.post(url, adapt_data(action="pdf"))
    text = pdf_text(response.content)
    assert "3 de febrero de 2027" in text
    assert "Página 1 de 1" in text
    assert "Votos a favor" in text
    docx = client.post(url, adapt_data(action="docx"))
    cells = [
        c.text for t in Document(io.BytesIO(docx.content)).tables for r in t.rows for c in r.cells
    ]
    assert "Votos a favor" in cells


def test_spanish_error_messages(client, resolution_es):
    url = "/es/resoluciones/" + resolution_es.slug + "/adapt/"
    response = client.post(url, adapt_data(action="pdf", v_meeting_date=""))
    assert "Por favor respondan" in response.content.decode()
    assert Adaptation.objects.count() == 0


def test_model_pdf_in_spanish(client, resolution_es):
    with translation.override("es"):
        response = client.get(resolution_es.url + "pdf/")
    text = pdf_text(response.content)
    assert "Resolución modelo R-1" in text and "Página 1 de 1" in text


def test_spanish_counts_use_every_plural_form(client, resolution, resolution_es):
    html = client.get("/es/resoluciones/").content.decode()
    assert "Adaptada por 0 locales" in html and "aprobada por 0" in html
    page = client.get(resolution_es.url).content.decode()
    assert "Aprobada por <strong>0</strong> locales" in page
