"""Signers' names in every script reach the delivery PDF, and none reaches the log
(issue 10, item 6): the print CSS names fonts that cover Latin (Vietnamese, Tagalog),
Arabic and Chinese, and WeasyPrint's and fontTools' records, which quote the document,
are kept out of the log."""

import logging
import subprocess

import pytest

from petitions.delivery import render_delivery
from tests.helpers import pdf_text
from tests.petitions.test_organizer import add

NAMES = [
    "Nguyễn Thị Minh Khai",  # Vietnamese
    "阮氏明",  # Chinese characters, as a Vietnamese name is also written
    "王秀英",
    "فاطمة الزهراء",  # Arabic
    "Niño Dela Cruz",  # Tagalog
    "Ma. Luzviminda Bayanihan",
]


def name_chars(names) -> set[str]:
    return {c for name in names for c in name if not c.isascii() and not c.isspace()}


def seed(petition, names) -> None:
    for i, name in enumerate(names):
        add(petition, name, f"s{i}@example.org", display="full")


def fonts_in(data: bytes) -> str:
    return subprocess.run(
        ["pdffonts", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.django_db
def test_names_in_every_script_are_drawn_with_fonts_that_have_them(petition):
    seed(petition, NAMES)
    weasyprint = logging.getLogger("weasyprint")
    missing: list[str] = []

    class Notdef(logging.Handler):
        def emit(self, record):
            if ".notdef" in record.msg:
                missing.append(record.args[1])

    # Only here, to hear WeasyPrint's own verdict on each glyph: production keeps its
    # warnings out of the log (see the next test).
    handler, level = Notdef(), weasyprint.level
    weasyprint.addHandler(handler)
    weasyprint.setLevel(logging.WARNING)
    try:
        data, count = render_delivery(petition, count_only=False)
    finally:
        weasyprint.removeHandler(handler)
        weasyprint.setLevel(level)
    assert count == len(NAMES)
    assert missing == []
    text = pdf_text(data, layout=True)
    for name in NAMES:
        assert name in text or name in " ".join(text.split())
    fonts = fonts_in(data)
    assert "DejaVu-Sans" in fonts and "Noto-Sans-CJK-SC" in fonts


@pytest.mark.django_db
def test_no_record_at_any_level_carries_a_signers_name(petition, caplog):
    # U+E000 is a private-use character no font draws: WeasyPrint would quote it.
    names = NAMES + ["Ana \ue000 Pérez"]
    seed(petition, names)
    caplog.set_level(logging.DEBUG)
    data, _ = render_delivery(petition, count_only=False)
    assert "Nguyễn Thị Minh Khai" in pdf_text(data, layout=True)
    chars = name_chars(names)
    codes = {f"U+{ord(c):04X}" for c in chars}
    logging.getLogger("petitions").debug("probe")
    assert any(r.getMessage() == "probe" for r in caplog.records)  # the capture hears DEBUG
    for record in caplog.records:
        message = record.getMessage()
        assert not chars & set(message), (record.name, record.levelname)
        assert not any(code in message for code in codes), (record.name, record.levelname)
        assert not any(name.split()[0] in message for name in names if name.isascii())
