"""Every date input gets an ISO value (YYYY-MM-DD), in every language: `<input type="date">`
rejects `01/12/2026`, and the browser then blocks the submit without saying why."""

import re
from datetime import date

import pytest
from django.utils import translation

from contracts.forms import ProposalStatusForm
from documents.forms import AnswersForm
from resolutions.forms import ReportForm
from tests.documents.helpers import body, variables


def _date_values(html: str) -> list[str]:
    inputs = re.findall(r"<input[^>]*type=\"date\"[^>]*>", html)
    assert inputs, html
    return [re.search(r'value="([^"]*)"', tag).group(1) for tag in inputs if "value=" in tag]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_proposal_status_form_shows_todays_date_as_iso(language):
    with translation.override(language):
        html = str(ProposalStatusForm(initial={"on": date(2026, 12, 1)})["on"])
    assert _date_values(html) == ["2026-12-01"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_report_form_shows_the_meeting_date_as_iso(language):
    with translation.override(language):
        form = ReportForm(initial={"meeting_date": date(2026, 12, 1)})
        html = str(form["meeting_date"])
    assert _date_values(html) == ["2026-12-01"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_date_blank_in_a_model_text_shows_its_answer_as_iso(language):
    from documents.engine import Answers

    with translation.override(language):
        form = AnswersForm(
            variables=variables(),
            body=body(),
            answers=Answers(values={"meeting_date": "2026-12-01"}),
        )
        html = str(form["v_meeting_date"])
    assert _date_values(html) == ["2026-12-01"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_iso_date_posted_from_a_spanish_page_is_accepted(language):
    with translation.override(language):
        form = ProposalStatusForm({"status": "proposed", "on": "2026-12-01"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["on"] == date(2026, 12, 1)


def test_every_date_field_of_every_form_uses_the_iso_date_widget():
    """A guard: a new DateField elsewhere gets the same widget, not Django's localised one."""
    import importlib

    from django import forms

    from documents.widgets import IsoDateInput

    found = 0
    for module in ("resolutions.forms", "contracts.forms", "petitions.forms", "campaigns.forms"):
        for value in vars(importlib.import_module(module)).values():
            if isinstance(value, type) and issubclass(value, forms.BaseForm):
                for name, field in value.base_fields.items():
                    if isinstance(field, forms.DateField):
                        found += 1
                        assert isinstance(field.widget, IsoDateInput), (value, name)
    assert found >= 2
