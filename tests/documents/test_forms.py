"""The answers form: fields from the model, engine errors beside their field."""

from documents.forms import AnswersForm

from .helpers import ALTERNATIVES_ID, ANSWERS, OPTION_FIRM, OPTIONAL_ID, body, variables


def data(**overrides):
    values = {f"v_{k}": v for k, v in ANSWERS.items()}
    values[f"a_{ALTERNATIVES_ID}"] = OPTION_FIRM
    values[f"o_{OPTIONAL_ID}"] = "on"
    values.update(overrides)
    return values


def make(payload):
    return AnswersForm(payload, variables=variables(), body=body())


def test_valid_form_gives_answers():
    form = make(data())
    assert form.is_valid(), form.errors
    answers = form.answers()
    assert answers.values["local_name"] == "Harbor Valley Local 1017"
    assert answers.optional == {OPTIONAL_ID: True}
    assert answers.alternatives == {ALTERNATIVES_ID: OPTION_FIRM}


def test_missing_answer_shows_beside_its_field():
    form = make(data(v_meeting_date=""))
    assert not form.is_valid()
    assert "Meeting date" in form.errors["v_meeting_date"][0]


def test_tampered_alternative_is_a_field_error():
    form = make(data(**{f"a_{ALTERNATIVES_ID}": "forged"}))
    assert not form.is_valid()
    assert f"a_{ALTERNATIVES_ID}" in form.errors


def test_unknown_block_key_is_a_form_error():
    form = make(data(**{"o_forged-block": "on"}))
    assert not form.is_valid()
    assert "does not match" in form.non_field_errors()[0]


def test_prefill_from_a_profile():
    form = AnswersForm(variables=variables(), body=body(), values={"local_name": "Local 7"})
    assert form["v_local_name"].value() == "Local 7"
