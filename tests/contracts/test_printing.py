"""The proposal on paper: numbered articles and sections, a table of contents, no notes."""

import io
import zipfile

import pytest

from contracts.printing import proposal_docx, proposal_pdf
from tests.helpers import page_count, pdf_text

from .helpers import docx_text

pytestmark = pytest.mark.django_db

NOTE = "Fallback position: settle for notice only"


@pytest.fixture
def answered(proposal, warrant_clause, leave_clause):
    for position, clause in enumerate((warrant_clause, leave_clause), start=1):
        proposal.items.create(clause=clause, clause_key=clause.translation_key, position=position)
    proposal.answers = {
        "values": {"employer_name": "Quickline Logistics", "notice_hours": "1", "leave_days": "12"}
    }
    proposal.save()
    return proposal


def test_pdf_has_numbered_articles_a_table_of_contents_and_no_bargaining_notes(
    client, answered, local_steward
):
    client.force_login(local_steward)
    response = client.get(f"/contract-language/proposals/{answered.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text = pdf_text(response.content, layout=True)
    assert "Contents" in text
    assert text.count("Article 1. Judicial warrant required") == 2  # contents and heading
    assert text.count("Article 2. Leave for immigration hearings") == 2
    assert "1.1." in text and "1.3." in text and "2.2." in text
    assert "Quickline Logistics shall grant up to 12 days of leave." in text
    assert "within 1 hours" in text
    assert NOTE not in text and "Fallback" not in text
    assert "{{" not in text and "}}" not in text
    assert "Page 1 of" in text
    assert page_count(response.content) >= 1


def test_long_proposal_runs_to_several_pages_with_page_numbers_in_the_contents(answered, library):
    from .conftest import make_clause
    from .helpers import section

    for n in range(12):
        clause = make_clause(
            library,
            slug=f"filler-{n}",
            title=f"Filler article {n}",
            variables=[],
            body=[section(f"Paragraph {m} of filler {n}. " * 12) for m in range(6)],
        )
        answered.items.create(clause=clause, clause_key=clause.translation_key, position=3 + n)
    pdf = proposal_pdf(answered)
    pages = page_count(pdf)
    text = pdf_text(pdf, layout=True)
    assert pages >= 3
    assert f"Page {pages} of {pages}" in text
    assert "Article 14. Filler article 11" in text
    assert "14.6." in text


def test_spanish_proposal_prints_in_spanish(
    client, answered, local_steward, warrant_clause, leave_clause
):
    from wagtail.models import Locale

    es = Locale.objects.get(language_code="es")
    answered.language = "es"
    answered.save()
    for item in answered.items.all():
        item.clause = item.clause.get_translation(es)
        item.save()
    pdf = proposal_pdf(answered)
    text = pdf_text(pdf, layout=True)
    assert "Contenido" in text
    assert "Artículo 1. Se requiere orden judicial" in text
    assert "Quickline Logistics dará hasta 12 días de permiso." in text
    assert "Página 1 de" in text
    assert "Article 1" not in text


def test_docx_has_the_same_articles_and_no_notes(answered):
    content = proposal_docx(answered)
    text = docx_text(content)
    assert "Article 1. Judicial warrant required" in text
    assert "Article 2. Leave for immigration hearings" in text
    # Section 2.1 is numbered by Word's own list numbering ("2.%1."), not typed.
    assert "\nQuickline Logistics shall grant up to 12 days of leave." in text
    with zipfile.ZipFile(io.BytesIO(content)) as docx:
        assert 'w:lvlText w:val="2.%1."' in docx.read("word/numbering.xml").decode()
    assert "Contents" in text
    assert NOTE not in text
    assert "{{" not in text


def test_download_with_missing_answers_explains_instead_of_failing(client, answered, local_steward):
    answered.answers = {"values": {"employer_name": "Quickline Logistics"}}
    answered.save()
    client.force_login(local_steward)
    response = client.get(f"/contract-language/proposals/{answered.pk}/docx/", follow=True)
    assert response.redirect_chain[-1][0] == f"/contract-language/proposals/{answered.pk}/"
    assert "Answer every blank before downloading" in response.content.decode()


def test_notes_never_reach_the_printer_even_if_a_note_is_in_the_body_blocks(answered):
    # The printer receives only rendered body blocks: the notes field is not read at all.
    from contracts.printing import proposal_kwargs

    kwargs = proposal_kwargs(answered)
    printed = " ".join(b.text for s in kwargs["sections"] for b in s.blocks)
    assert NOTE not in printed and "Employees are paid while they wait." in printed
