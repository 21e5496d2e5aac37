"""QR codes are drawn locally and read back to the URL they were made from."""

from weasyprint import HTML

from core.qr import qr_png, qr_svg
from tests.helpers import qr_decode_pdf, qr_decode_png

URL = "https://unionhall.example.org/petitions/k7q2-x9/?lang=es"


def test_png_decodes_to_the_url():
    assert qr_decode_png(qr_png(URL)) == [URL]


def test_inline_svg_printed_in_a_pdf_decodes_to_the_url():
    svg = qr_svg(URL)
    opening = svg.split(">")[0]
    assert opening.startswith('<svg class="qr"') and "style=" not in opening and "mm" not in opening
    pdf = HTML(string=f"<style>svg.qr {{ width: 30mm; height: 30mm }}</style>{svg}").write_pdf()
    assert qr_decode_pdf(pdf) == [URL]


def test_an_image_without_a_code_decodes_to_nothing():
    pdf = HTML(string="<p>No code here.</p>").write_pdf()
    assert qr_decode_pdf(pdf) == []
