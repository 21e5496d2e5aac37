"""PDF (checked by its text with pdftotext and its page count) and DOCX renderers."""

import io

import pytest
from docx import Document
from pypdf import PdfReader

from documents.engine import Answers, RenderedBlock, render_text
from documents.printing import (
    PrintOptions,
    PrintSection,
    VoteTally,
    render_document_docx,
    render_document_html,
    render_document_pdf,
)
from tests.helpers import pdf_text

from .helpers import ANSWERS, body, variables


@pytest.fixture
def document():
    return render_text(body(), Answers(values=dict(ANSWERS)), variables=variables())


def test_pdf_has_header_numbers_vote_box_and_no_blanks(document):
    pdf = render_document_pdf(
        title="Keep ICE out of our workplace",
        header="Harbor Valley Local 1017",
        sections=document,
        options=PrintOptions(vote_box=True),
    )
    text = pdf_text(pdf, layout=True)
    assert "Harbor Valley Local 1017" in text
    assert "1. WHEREAS Harbor Valley Local 1017" in " ".join(text.split())
    assert "4. RESOLVED that this was adopted on February 3, 2027." in " ".join(text.split())
    assert "Votes for" in text and "Secretary's signature" in text
    assert "Page 1 of 1" in text
    assert "{{" not in text
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1


def test_long_pdf_counts_its_pages_in_spanish_on_a4():
    blocks = [
        RenderedBlock(
            key=str(n), kind="resolved", text="SE RESUELVE que seguimos. " * 40, number=str(n)
        )
        for n in range(1, 13)
    ]
    pdf = render_document_pdf(
        title="Resolución",
        header="Local 412",
        sections=blocks,
        language="es",
        options=PrintOptions(paper="a4"),
    )
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 2
    text = pdf_text(pdf, layout=True)
    assert f"Página 1 de {pages}" in text and f"Página {pages} de {pages}" in text
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 210  # A4 width in mm


def test_letter_is_the_default_paper(document):
    pdf = render_document_pdf(title="T", header="H", sections=document)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_sections_with_table_of_contents_and_filled_tally():
    sections = [
        PrintSection(
            heading="Article 1: Access",
            blocks=[RenderedBlock(key="a", kind="section", text="No agent enters.", number="1.1")],
        ),
        PrintSection(
            heading="Article 2: Notice",
            blocks=[
                RenderedBlock(key="b", kind="section", text="The union is told.", number="2.1")
            ],
        ),
    ]
    pdf = render_document_pdf(
        title="Proposal",
        header="Local 7",
        sections=sections,
        options=PrintOptions(
            toc=True,
            vote_box=True,
            tally=VoteTally(votes_for=212, votes_against=3, outcome="Adopted"),
        ),
    )
    text = " ".join(pdf_text(pdf, layout=True).split())
    assert "Contents" in text and "Article 2: Notice" in text
    assert "1.1. No agent enters." in text
    assert "212" in text and "Adopted" in text


def test_header_text_cannot_break_out_of_the_style_element():
    html = render_document_html(
        title="T", header='Local "7" </style><img src="http://evil.example/x">', sections=[]
    )
    style = html[html.index("<style>") : html.index("</style>")]
    assert "evil.example" in style  # it stayed inside the CSS string, escaped
    assert "<img" not in style


def test_docx_has_the_same_text(document):
    data = render_document_docx(
        title="Keep ICE out of our workplace",
        header="Harbor Valley Local 1017",
        sections=document,
        options=PrintOptions(vote_box=True, paper="a4"),
    )
    docx = Document(io.BytesIO(data))
    paragraphs = [p.text for p in docx.paragraphs]
    assert "Keep ICE out of our workplace" in paragraphs
    # Numbered by Word's own list numbering (tests/documents/test_print_lines.py), not typed.
    assert any(p.startswith("WHEREAS Harbor Valley Local 1017") for p in paragraphs)
    assert not any(p.startswith("1.\t") for p in paragraphs)
    assert not any("{{" in p for p in paragraphs)
    assert docx.sections[0].header.paragraphs[0].text == "Harbor Valley Local 1017"
    cells = [c.text for row in docx.tables[0].rows for c in row.cells]
    assert "Votes for" in cells
    assert round(docx.sections[0].page_width.mm) == 210
