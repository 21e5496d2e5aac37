"""QR codes drawn here, never fetched: inline SVG for pages and PDFs, PNG where an image is needed.

The code carries a URL that may open a petition nobody can find by searching (an unlisted one), so
it is made on the server by a maintained library (qrcode, which allauth already uses for TOTP) and
no request for it ever leaves the site.
"""

import io
import re

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M


def _code(data: str, *, border: int) -> qrcode.QRCode:
    # Medium error correction survives a crumpled card or a photocopied sheet.
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border)
    code.add_data(data)
    code.make(fit=True)
    return code


def qr_svg(data: str, *, css_class: str = "qr", border: int = 2) -> str:
    """An `<svg>` element (no XML declaration) to place inline in HTML, sized by its CSS class.

    No `style` attribute: the site's CSP allows no inline styles.
    """
    image = _code(data, border=border).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    svg = image.to_string(encoding="unicode")
    if svg.startswith("<?xml"):
        svg = svg[svg.index("?>") + 2 :].lstrip()
    # The factory writes millimetre sizes; the caller's CSS decides instead.
    svg = re.sub(r'\s(width|height)="[^"]*"', "", svg, count=2)
    return svg.replace("<svg ", f'<svg class="{css_class}" role="img" aria-label="QR code" ', 1)


def qr_png(data: str, *, box_size: int = 8, border: int = 4) -> bytes:
    """A black-on-white PNG, for a phone screen or a test that reads the code back."""
    code = _code(data, border=border)
    code.box_size = box_size
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    return buffer.getvalue()
