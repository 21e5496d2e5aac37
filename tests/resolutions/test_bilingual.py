"""English and Spanish side by side: paragraph N is on the same row, with the same number, in
both languages; each column keeps its language's own line numbers; no translation, no page.
Also every resolution print route's line numbers and its `?lines=0`."""

import io
import re
import zipfile

import pytest

from documents.engine import Answers, model_text
from documents.lines import number_lines
from resolutions import services
from resolutions.models import ResolutionPage
from tests.documents.helpers import ANSWERS, raw_body
from tests.helpers import pdf_text

SPANISH = {
    "p1": "CONSIDERANDO que {{ local_name }} representa a los trabajadores de {{ employer }};",
    "p2": "CONSIDERANDO que ningún trabajador debe enfrentar a agentes de inmigración en el "
    "trabajo, ni en el estacionamiento, ni en la cafetería, ni en ningún otro lugar de la "
    "empresa;",
    "p3": "SE RESUELVE que formaremos un equipo santuario de {{ team_size }};",
    "p4": "SE RESUELVE que pediremos a {{ employer }} que niegue la entrada;",
    "p5": "SE RESUELVE que exigiremos a {{ employer }} que niegue la entrada;",
    "p6": "SE RESUELVE que esto se aprobó el {{ meeting_date }}.",
}


def _spanish_body(items):
    for item in items:
        if item["id"] in SPANISH:
            item["value"] = SPANISH[item["id"]]
        value = item["value"]
        if isinstance(value, dict):
            _spanish_body(value.get("content", []))
            for option in value.get("options", []):
                _spanish_body(option["value"]["content"])
    return items


@pytest.fixture
def spanish(resolution_es):
    resolution_es.body = _spanish_body(raw_body())
    resolution_es.save_revision().publish()
    return ResolutionPage.objects.get(pk=resolution_es.pk)


def bilingual_url(page):
    return page.url + page.reverse_subpage("bilingual_pdf")


def rows(pdf: bytes) -> list[str]:
    return pdf_text(pdf, layout=True).splitlines()


def test_each_paragraph_is_on_one_row_in_both_languages_with_one_number(client, spanish):
    resolution = ResolutionPage.objects.get(
        translation_key=spanish.translation_key, locale__language_code="en"
    )
    response = client.get(bilingual_url(resolution))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = rows(response.content)
    english = model_text(resolution.body, variables=resolution.variables).blocks
    es = model_text(spanish.body, variables=spanish.variables).blocks
    for left, right in zip(english, es, strict=True):
        assert left.key == right.key and left.number == right.number
        en_first = next(line for line in number_lines(english) if line.block_key == left.key)
        es_first = next(line for line in number_lines(es) if line.block_key == right.key)
        pattern = (
            rf"^\s*{en_first.number}\s+{left.number}\.\s+{re.escape(en_first.text)}"
            rf"\s+{es_first.number}\s+{right.number}\.\s+{re.escape(es_first.text)}\s*$"
        )
        assert any(re.match(pattern, row) for row in text), (left.number, pattern)
    # Paragraph 2 runs over more lines in Spanish: the Spanish column numbers its own lines,
    # as the Spanish PDF does, so paragraph 3 starts on a later line number there.
    es_lines = number_lines(es)
    assert len(es_lines) > len(number_lines(english))
    assert any(re.search(rf"\s{es_lines[-1].number}\s+4\.\s+SE RESUELVE que esto", r) for r in text)
    joined = " ".join(" ".join(text).split())
    assert "English" in joined and "Español" in joined
    assert "Fuera ICE de nuestro lugar de trabajo" in joined
    assert "Page 1 of 1 · Página 1 de 1" in joined


def test_the_spanish_page_prints_the_same_pair(client, spanish):
    text = " ".join(pdf_text(client.get(bilingual_url(spanish)).content, layout=True).split())
    assert "1. WHEREAS [Local] represents the workers of [Employer];" in text
    assert "1. CONSIDERANDO que [Local] representa a los trabajadores de [Employer];" in text


def test_lines_0_prints_the_pair_without_line_numbers(client, spanish):
    text = rows(client.get(bilingual_url(spanish) + "?lines=0").content)
    row = next(r for r in text if "WHEREAS [Local] represents" in r)
    assert re.match(r"^\s*1\.\s+WHEREAS \[Local\] represents.*\s1\.\s+CONSIDERANDO", row)


def test_without_a_translation_there_is_no_bilingual_print_and_no_link(client, resolution):
    response = client.get(bilingual_url(resolution))
    assert response.status_code == 404
    page = client.get(resolution.url).content.decode()
    assert "pdf/bilingual/" not in page
    assert "English and Spanish side by side" not in page


def test_the_page_links_the_bilingual_print_in_its_own_language(client, spanish):
    english = ResolutionPage.objects.get(
        translation_key=spanish.translation_key, locale__language_code="en"
    )
    page = client.get(english.url).content.decode()
    assert f'href="{bilingual_url(english)}"' in page
    assert "English and Spanish side by side (PDF)" in page
    page_es = client.get(spanish.url).content.decode()
    assert f'href="{bilingual_url(spanish)}"' in page_es
    assert "Inglés y español lado a lado (PDF)" in page_es


def test_model_pdf_has_line_numbers_unless_lines_0(client, resolution):
    url = resolution.url + resolution.reverse_subpage("pdf")
    numbered = pdf_text(client.get(url).content, layout=True)
    lines = number_lines(model_text(resolution.body, variables=resolution.variables).blocks)
    last = lines[-1]
    assert re.search(rf"^\s*{last.number}\s+\d+\.\s+{re.escape(last.text)}", numbered, re.M)
    plain = pdf_text(client.get(url + "?lines=0").content, layout=True)
    assert not re.search(rf"^\s*{last.number}\s+\d+\.\s+{re.escape(last.text)}", plain, re.M)
    assert re.search(rf"^\s*\d+\.\s+{re.escape(last.text)}", plain, re.M)


def _numbered(text: str, line) -> bool:
    """Whether pdftotext reads `line`'s words beside its line number."""
    pattern = rf"^\s*{line.number}\s+(?:\d+\.\s+)?{re.escape(line.text)}\s*$"
    return bool(re.search(pattern, text, re.M))


def test_adaptation_and_adopted_pdfs_number_their_lines_and_lines_0_switches_them_off(
    client, resolution, local, steward_user
):
    answers = Answers(values=dict(ANSWERS, local_name=local.display_name))
    adaptation = services.adaptation_save(
        user=steward_user, resolution=resolution, local=local, answers=answers
    )
    client.force_login(steward_user)
    lines = number_lines(adaptation.blocks)
    url = adaptation.url("adaptation_file", kind="pdf")
    # The adaptation page offers the PDF without numbers too.
    assert f'href="{url}?lines=0"' in client.get(adaptation.url()).content.decode()
    numbered = pdf_text(client.get(url).content, layout=True)
    assert all(_numbered(numbered, line) for line in lines)
    plain = pdf_text(client.get(url + "?lines=0").content, layout=True)
    assert not any(_numbered(plain, line) for line in lines)
    docx = client.get(adaptation.url("adaptation_file", kind="docx") + "?lines=0").content
    with zipfile.ZipFile(io.BytesIO(docx)) as parts:
        document = parts.read("word/document.xml").decode()
    assert "lnNumType" not in document and "<w:numPr>" in document
    report = {
        "outcome": "adopted",
        "meeting_date": "2026-02-03",
        "body": "membership",
        "votes_for": "212",
        "votes_against": "3",
        "abstentions": "",
        "visibility": "public",
        "paper": "letter",
    }
    assert client.post(adaptation.url("report"), report).status_code == 302
    adopted = client.get(adaptation.url("adaptation_file", kind="adopted-pdf")).content
    adopted_text = pdf_text(adopted, layout=True)
    assert _numbered(adopted_text, lines[0])
    # The adopted text states the reported meeting date, still on the last line's number.
    last = rf"^\s*{lines[-1].number}\s+4\.\s+RESOLVED that this was adopted on February 3, 2026"
    assert re.search(last, adopted_text, re.M)
