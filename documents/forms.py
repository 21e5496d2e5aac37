"""A Django form for a model text's answers: one field per variable, a checkbox per
optional part, radio buttons per set of alternatives. Apps subclass or embed it."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .engine import DEFAULT_MAX_LENGTH, Answers, check_selections, choices_in, clean_answers
from .variables import Variable, VariableType, variables_from
from .widgets import IsoDateInput

VALUE_PREFIX, OPTIONAL_PREFIX, ALTERNATIVE_PREFIX = "v_", "o_", "a_"


def _variable_field(variable: Variable) -> forms.Field:
    common = {"label": variable.label, "help_text": variable.help, "required": False}
    limit = variable.max_length or DEFAULT_MAX_LENGTH
    if variable.type == VariableType.DATE:
        return forms.CharField(widget=IsoDateInput(), max_length=10, **common)
    if variable.type == VariableType.NUMBER:
        return forms.CharField(
            widget=forms.TextInput(attrs={"inputmode": "decimal"}), max_length=30, **common
        )
    if variable.type == VariableType.CHOICE and variable.choices:
        return forms.ChoiceField(choices=[("", "—"), *[(c, c) for c in variable.choices]], **common)
    widget = forms.Textarea(attrs={"rows": 3}) if limit > 200 else forms.TextInput()
    # The browser's maxlength is a convenience; the engine checks the length itself so an
    # overlong answer gets the engine's message beside the field.
    widget.attrs["maxlength"] = str(limit)
    return forms.CharField(widget=widget, strip=True, **common)


class AnswersForm(forms.Form):
    """Answers to one model. `values` pre-fills variables (e.g. from the local's profile)."""

    def __init__(self, *args, variables, body, values: dict | None = None, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.variables = variables_from(variables)
        self.body = body
        self.choices = choices_in(body)
        answers = answers or Answers()
        prefill = {**(values or {}), **answers.values}
        for variable in self.variables:
            field = _variable_field(variable)
            field.initial = prefill.get(variable.name, variable.default)
            field.widget.attrs.setdefault("data-variable", variable.name)
            self.fields[VALUE_PREFIX + variable.name] = field
            if variable.required:
                field.widget.attrs["aria-required"] = "true"
        for choice in self.choices:
            if choice.kind == "optional":
                self.fields[OPTIONAL_PREFIX + choice.id] = forms.BooleanField(
                    label=choice.label,
                    help_text=choice.help,
                    required=False,
                    initial=answers.optional.get(choice.id, choice.default_on),
                )
            else:
                self.fields[ALTERNATIVE_PREFIX + choice.id] = forms.ChoiceField(
                    label=choice.label,
                    help_text=choice.help,
                    choices=list(choice.options),
                    widget=forms.RadioSelect,
                    initial=answers.alternatives.get(choice.id, choice.options[0][0]),
                )

    @property
    def variable_fields(self):
        return [self[name] for name in self.fields if name.startswith(VALUE_PREFIX)]

    @property
    def choice_fields(self):
        prefixes = (OPTIONAL_PREFIX, ALTERNATIVE_PREFIX)
        return [self[name] for name in self.fields if name.startswith(prefixes)]

    def clean(self):
        cleaned = super().clean()
        prefixes = (VALUE_PREFIX, OPTIONAL_PREFIX, ALTERNATIVE_PREFIX)
        if self.data and any(
            key.startswith(prefixes) and key not in self.fields for key in self.data
        ):
            raise ValidationError(
                _("This form does not match the model text any more. Reload the page."),
                code="tampered",
            )
        answers = self._answers_from(cleaned)
        try:
            check_selections(self.body, answers)
            clean_answers(self.variables, answers.values)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.error_dict.items():
                    field = None if name == "__all__" else VALUE_PREFIX + name
                    self.add_error(field if field in self.fields else None, errors)
            else:
                self.add_error(None, error)
        return cleaned

    def _answers_from(self, cleaned: dict) -> Answers:
        answers = Answers()
        for variable in self.variables:
            answers.values[variable.name] = cleaned.get(VALUE_PREFIX + variable.name) or ""
        for choice in self.choices:
            if choice.kind == "optional":
                answers.optional[choice.id] = bool(cleaned.get(OPTIONAL_PREFIX + choice.id))
            elif cleaned.get(ALTERNATIVE_PREFIX + choice.id):
                answers.alternatives[choice.id] = cleaned[ALTERNATIVE_PREFIX + choice.id]
        return answers

    def answers(self) -> Answers:
        """The answers of a valid form."""
        return self._answers_from(self.cleaned_data)
