"""Helpers every test package shares: the text and page count of a PDF, and QR codes read back."""

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from pypdf import PdfReader

PDFTOTEXT = shutil.which("pdftotext") or "/usr/bin/pdftotext"
PDFTOPPM = shutil.which("pdftoppm") or "/usr/bin/pdftoppm"
ZBARIMG = shutil.which("zbarimg") or "/usr/bin/zbarimg"


def pdf_text(pdf: bytes, *, layout: bool = False) -> str:
    """The PDF's text as pdftotext reads it: words joined by single spaces, or with `layout`
    the page as laid out (columns and line breaks kept, for tests about position)."""
    args = [PDFTOTEXT, *(["-layout"] if layout else []), "-", "-"]
    result = subprocess.run(args, input=pdf, capture_output=True, check=True)  # noqa: S603
    text = result.stdout.decode("utf-8")
    return text if layout else " ".join(text.split())


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def qr_decode_png(png: bytes) -> list[str]:
    """Every QR code zbar finds in the image, as text."""
    result = subprocess.run(  # noqa: S603  (a fixed program; the image goes to stdin)
        [ZBARIMG, "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "-"],
        input=png,
        capture_output=True,
    )
    # zbarimg exits 4 when it finds no code: that is an answer (an empty list), not an error.
    if result.returncode not in (0, 4):
        raise RuntimeError(result.stderr.decode()[:200])
    return [line for line in result.stdout.decode().splitlines() if line]


def qr_decode_pdf(pdf: bytes, *, page: int = 1, dpi: int = 200) -> list[str]:
    """Every QR code on one page of a PDF, read back as a phone would: render, then decode."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = Path(folder) / "page"
        subprocess.run(  # noqa: S603
            [PDFTOPPM, "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-", str(prefix)],
            input=pdf,
            capture_output=True,
            check=True,
        )
        (image,) = Path(folder).glob("page*.png")
        return qr_decode_png(image.read_bytes())
