"""The text engine: variables, optional parts, alternatives and validation."""

import pytest
from django.core.exceptions import ValidationError

from documents.engine import Answers, DocumentError, check_template, model_text, render_text
from documents.variables import Variable

from .helpers import (
    ALTERNATIVES_ID,
    ANSWERS,
    OPTION_FIRM,
    OPTIONAL_ID,
    body,
    variables,
)


def render(answers=None, *, language="en", **kwargs):
    return render_text(
        body(**kwargs),
        answers or Answers(values=dict(ANSWERS)),
        variables=variables(),
        language=language,
    )


def test_answers_fill_every_blank_and_paragraphs_are_numbered():
    document = render()
    assert document.blocks[0].text == (
        "WHEREAS Harbor Valley Local 1017 represents the workers of Harbor Valley Medical Center;"
    )
    assert [b.number for b in document.blocks] == ["1", "2", "3", "4"]
    assert "{{" not in document.text and "}}" not in document.text


def test_dates_are_written_in_the_document_language():
    assert "February 3, 2027" in render().blocks[-1].text
    assert "3 de febrero de 2027" in render(language="es").blocks[-1].text


def test_optional_part_is_off_by_default_and_on_when_chosen():
    assert "sanctuary team" not in render().text
    answers = Answers(values=dict(ANSWERS), optional={OPTIONAL_ID: True})
    document = render(answers)
    assert "RESOLVED that we form a sanctuary team of 5;" in document.text
    assert len(document.blocks) == 5


def test_first_alternative_is_the_default_and_another_can_be_picked():
    assert "we ask Harbor Valley Medical Center" in render().text
    answers = Answers(values=dict(ANSWERS), alternatives={ALTERNATIVES_ID: OPTION_FIRM})
    text = render(answers).text
    assert "we demand Harbor Valley Medical Center" in text
    assert "we ask" not in text


def test_missing_required_answer_is_an_error_keyed_by_its_variable():
    values = dict(ANSWERS, meeting_date="")
    with pytest.raises(ValidationError) as error:
        render(Answers(values=values))
    assert set(error.value.error_dict) == {"meeting_date"}
    assert "Meeting date" in error.value.error_dict["meeting_date"][0].message


def test_unknown_variable_in_answers_is_refused():
    with pytest.raises(ValidationError) as error:
        render(Answers(values=dict(ANSWERS, ssn="123")))
    assert "__all__" in error.value.error_dict


def test_overlong_and_template_like_answers_are_refused():
    with pytest.raises(ValidationError) as error:
        render(Answers(values=dict(ANSWERS, employer="x" * 201)))
    assert error.value.error_dict["employer"][0].code == "max_length"
    with pytest.raises(ValidationError) as error:
        render(Answers(values=dict(ANSWERS, employer="{{ local_name }}")))
    assert error.value.error_dict["employer"][0].code == "syntax"


def test_bad_date_and_number_are_refused():
    with pytest.raises(ValidationError) as error:
        render(Answers(values=dict(ANSWERS, meeting_date="next tuesday", team_size="many")))
    assert set(error.value.error_dict) == {"meeting_date", "team_size"}


def test_tampered_optional_or_alternative_ids_are_refused():
    with pytest.raises(ValidationError):
        render(Answers(values=dict(ANSWERS), optional={"not-a-block": True}))
    with pytest.raises(ValidationError):
        render(Answers(values=dict(ANSWERS), alternatives={ALTERNATIVES_ID: "not-an-option"}))
    with pytest.raises(ValidationError):
        render(Answers(values=dict(ANSWERS), alternatives={OPTIONAL_ID: OPTION_FIRM}))


def test_undeclared_blank_in_the_model_is_a_document_error():
    with pytest.raises(DocumentError):
        render(first_whereas="WHEREAS {{ shop_name }} is ours;")
    problems = check_template(variables(), body(first_whereas="WHEREAS {{ shop_name }};"))
    assert any("shop_name" in p for p in problems)


def test_malformed_blank_never_reaches_the_output():
    with pytest.raises(DocumentError):
        render(first_whereas="WHEREAS {{ local_name is ours;")
    assert check_template(variables(), body(first_whereas="WHEREAS {{ oops;")) != []


def test_model_text_shows_each_blank_by_its_label():
    text = model_text(body(), variables=variables()).text
    assert "WHEREAS [Local] represents the workers of [Employer];" in text
    assert "{{" not in text


def test_choice_variable_accepts_only_its_choices():
    choice = {
        "type": "variable",
        "id": "v5",
        "value": {"name": "body", "type": "choice", "label": "Body", "choices": "A\nB"},
    }
    with pytest.raises(ValidationError) as error:
        render_text(body(), Answers(values=dict(ANSWERS, body="C")), variables=variables(choice))
    assert error.value.error_dict["body"][0].code == "choice"


def test_answers_round_trip_through_json():
    answers = Answers(values={"a": "1"}, optional={"x": True}, alternatives={"y": "z"})
    assert Answers.from_dict(answers.to_dict()) == answers


def test_variable_without_label_gets_one_from_its_name():
    assert Variable(name="meeting_date").label == "Meeting date"


def test_slot_text_tag_marks_blanks_by_label_and_escapes():
    from django.template import Context, Template

    template = Template("{% load documents_tags %}{% slot_text text %}")
    html = template.render(
        Context({"text": "<b>{{ local_name }}</b>", "slot_labels": {"local_name": "Su local"}})
    )
    assert html == '&lt;b&gt;<mark class="slot">Su local</mark>&lt;/b&gt;'
