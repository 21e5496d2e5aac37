"""Line numbers on paper: the PDF and the DOCX print exactly the lines number_lines gives."""

import io
import re
import zipfile

from documents.engine import RenderedBlock
from documents.lines import number_lines
from documents.printing import (
    PrintOptions,
    PrintSection,
    render_document_docx,
    render_document_pdf,
)
from tests.helpers import pdf_text

WHEREAS = (
    "WHEREAS immigration agents have entered workplaces in our region without a judicial "
    "warrant and questioned coworkers on shift, and managers let them into areas closed to "
    "the public without asking to see any order signed by a judge;"
)
RESOLVED = (
    "RESOLVED that the local will train a steward on every shift to ask for a judicial "
    "warrant, to call the union at once and to write down what the agents say and do."
)


def blocks():
    return [
        RenderedBlock(key="h", kind="heading", text="Access to the workplace", heading=True),
        RenderedBlock(key="w1", kind="whereas", text=WHEREAS, number="1"),
        RenderedBlock(key="w2", kind="whereas", text="WHEREAS we stand together;", number="2"),
        RenderedBlock(key="r1", kind="resolved", text=RESOLVED, number="3"),
    ]


def numbered_rows(pdf: bytes) -> dict[int, str]:
    """Line number -> the words pdftotext reads beside it (the paragraph number dropped)."""
    rows = {}
    for row in pdf_text(pdf, layout=True).splitlines():
        match = re.match(r"\s*(\d+)\s{2,}(?:\d+\.\s+)?(\S.*)$", row)
        if match:
            rows[int(match.group(1))] = " ".join(match.group(2).split())
    return rows


def pdf(sections, **options):
    return render_document_pdf(
        title="Keep ICE out",
        header="Local 1017",
        sections=sections,
        options=PrintOptions(**options),
    )


def test_every_line_of_the_pdf_is_the_line_number_lines_gives_beside_its_number():
    lines = number_lines(blocks())
    assert len(lines) >= 7  # the long paragraphs really run over several lines
    rows = numbered_rows(pdf(blocks()))
    assert sorted(rows) == [line.number for line in lines]
    for line in lines:
        assert rows[line.number] == " ".join(line.text.split()), line.number
    # A known paragraph: the RESOLVED paragraph's words start on the line number_lines says.
    first = next(line for line in lines if line.block_key == "r1")
    assert rows[first.number].startswith("RESOLVED that the local will train")


def test_paragraph_numbers_stay_beside_the_first_line():
    text = pdf_text(pdf(blocks()), layout=True)
    first = next(line for line in number_lines(blocks()) if line.block_key == "r1")
    assert re.search(rf"^\s*{first.number}\s+3\.\s+RESOLVED that the local", text, re.M)


def test_numbers_restart_at_one_in_each_document_and_are_stable():
    whole = numbered_rows(pdf(blocks()))
    alone = numbered_rows(pdf(blocks()[3:]))
    assert min(alone) == 1
    assert alone[1].startswith("RESOLVED that the local will train")
    assert numbered_rows(pdf(blocks())) == whole  # the same text numbers the same way


def test_lines_run_across_sections_without_counting_section_headings():
    sections = [
        PrintSection(heading="Article 1. Access", blocks=blocks()[1:2]),
        PrintSection(heading="Article 2. Training", blocks=blocks()[3:]),
    ]
    rows = numbered_rows(pdf(sections))
    lines = number_lines([*blocks()[1:2], *blocks()[3:]])
    assert sorted(rows) == [line.number for line in lines]
    assert not any("Article" in words for words in rows.values())


def test_without_line_numbers_no_line_carries_a_number():
    text = pdf_text(pdf(blocks(), line_numbers=False), layout=True)
    assert "1. WHEREAS immigration agents" in " ".join(text.split())
    assert not re.search(r"^\s*\d+\s{2,}(?!\d+\.)", text, re.M)
    assert numbered_rows(pdf(blocks(), line_numbers=False)) == {}


def docx_parts(**options) -> tuple[str, str]:
    data = render_document_docx(
        title="Keep ICE out",
        header="Local 1017",
        sections=blocks(),
        intro_lines=["Harbor Valley Local 1017"],
        options=PrintOptions(vote_box=True, footer_note="Prepared with Union Hall.", **options),
    )
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        return docx.read("word/document.xml").decode(), docx.read("word/numbering.xml").decode()


def paragraphs(document: str) -> list[str]:
    return re.findall(r"<w:p>.*?</w:p>|<w:p [^>]*>.*?</w:p>", document)


def test_docx_uses_word_line_numbering_on_the_same_breaks():
    document, _numbering = docx_parts()
    assert re.search(r'<w:lnNumType w:countBy="1" w:restart="newSection"', document)
    lines = number_lines(blocks())
    assert document.count("<w:br/>") == len(lines) - len(blocks())
    # Word counts only the paragraphs number_lines counts: the rest suppress line numbers.
    counted = [p for p in paragraphs(document) if "<w:suppressLineNumbers/>" not in p]
    assert len(counted) == len(blocks())
    for paragraph, block in zip(counted, blocks(), strict=True):
        texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", paragraph)
        expected = [line.text for line in lines if line.block_key == block.key]
        assert texts == expected
    assert "Harbor Valley Local 1017" not in "".join(counted)  # the intro is not counted


def test_docx_numbers_paragraphs_with_word_numbering_not_typed_numbers():
    document, numbering = docx_parts()
    assert not re.search(r"<w:t[^>]*>\d+\.\t", document)
    assert "1.\t" not in document
    num_ids = set(re.findall(r'<w:numId w:val="(\d+)"/>', document))
    assert len(num_ids) == 1
    (num_id,) = num_ids
    abstract = re.search(
        rf'<w:num w:numId="{num_id}"><w:abstractNumId w:val="(\d+)"/>', numbering
    ).group(1)
    definition = re.search(
        rf'<w:abstractNum [^>]*w:abstractNumId="{abstract}".*?</w:abstractNum>', numbering
    ).group(0)
    assert '<w:numFmt w:val="decimal"/>' in definition
    assert '<w:lvlText w:val="%1."/>' in definition
    assert '<w:start w:val="1"/>' in definition
    # Three numbered paragraphs; the heading has no number.
    assert document.count("<w:numPr>") == 3
    heading = next(p for p in paragraphs(document) if "Access to the workplace" in p)
    assert "<w:numPr>" not in heading


def test_docx_numbers_contract_sections_as_the_engine_does():
    sections = [
        PrintSection(
            heading="Article 2. Leave",
            blocks=[
                RenderedBlock(key="a", kind="section", text="Leave is paid.", number="2.1"),
                RenderedBlock(key="b", kind="section", text="Notice is short.", number="2.2"),
            ],
        )
    ]
    data = render_document_docx(title="Proposal", header="Local 7", sections=sections)
    with zipfile.ZipFile(io.BytesIO(data)) as docx:
        numbering = docx.read("word/numbering.xml").decode()
    assert '<w:lvlText w:val="2.%1."/>' in numbering


def test_docx_without_line_numbers_has_no_line_numbering_or_breaks():
    document, _numbering = docx_parts(line_numbers=False)
    assert "lnNumType" not in document
    assert "<w:br/>" not in document
    assert "<w:numPr>" in document  # paragraph numbers stay
