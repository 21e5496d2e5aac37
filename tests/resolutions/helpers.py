"""Shared bits for the resolution tests."""

import io
import time

from pypdf import PdfReader

from core.formguard import token_issue
from tests.documents.helpers import ALTERNATIVES_ID, OPTION_FIRM, OPTIONAL_ID


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def adapt_data(local=None, action="preview", **overrides):
    data = {
        "v_local_name": "UHCW Local 1017",
        "v_employer": "Harbor Valley Medical Center",
        "v_meeting_date": "2027-02-03",
        "v_team_size": "6",
        f"o_{OPTIONAL_ID}": "on",
        f"a_{ALTERNATIVES_ID}": OPTION_FIRM,
        "paper": "letter",
        "action": action,
        # The time-to-fill token of a form loaded half a minute ago (core.formguard).
        "started": token_issue(at=time.time() - 30),
    }
    if local is not None:
        data["local"] = str(local.pk)
    data.update(overrides)
    return data
