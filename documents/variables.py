"""The blanks of a model text: what a steward fills in, declared by editors per page.

A page declares its variables in a StreamField of `VariableBlock`s (see `VariablesBlock`);
the body's text refers to them as `{{ name }}`. The name is a `RegexBlock`, which
wagtail-localize leaves untranslated, so the Spanish text keeps the same slots while the
label, help and default are translated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

NAME_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"


class VariableType(models.TextChoices):
    TEXT = "text", _("Text")
    DATE = "date", _("Date")
    NUMBER = "number", _("Number")
    CHOICE = "choice", _("Choice")
    # Filled from the steward's local profile: the local's name and number.
    LOCAL = "local", _("Local")
    # Filled from the local's workplaces; the steward may type another employer.
    EMPLOYER = "employer", _("Employer")


@dataclass(frozen=True)
class Variable:
    name: str
    type: str = VariableType.TEXT
    label: str = ""
    help: str = ""
    default: str = ""
    required: bool = True
    choices: tuple[str, ...] = ()
    max_length: int = 0

    def __post_init__(self):
        if not self.label:
            object.__setattr__(self, "label", self.name.replace("_", " ").capitalize())


class BlankNotNone:
    """Optional text children read as "" rather than None when stored data omits them
    (data written by code rather than the admin). wagtail-localize refuses None strings."""

    text_children: tuple[str, ...] = ()

    def _blank(self, value):
        for name in self.text_children:
            if value.get(name) is None:
                value[name] = ""
        return value

    def to_python(self, value):
        return self._blank(super().to_python(value))

    def bulk_to_python(self, values):
        return [self._blank(value) for value in super().bulk_to_python(values)]


class VariableBlock(BlankNotNone, blocks.StructBlock):
    text_children = ("help", "default", "choices")
    name = blocks.RegexBlock(
        regex=NAME_PATTERN,
        label=_("Name in the text"),
        help_text=_("Lower case letters, digits and _. Write it in the text as {{ name }}."),
        error_messages={"invalid": _("Use lower case letters, digits and _ only.")},
    )
    type = blocks.ChoiceBlock(choices=VariableType.choices, default=VariableType.TEXT)
    label = blocks.CharBlock(label=_("Question for the steward"), max_length=120)
    help = blocks.CharBlock(label=_("Help"), max_length=240, required=False)
    default = blocks.CharBlock(label=_("Default answer"), max_length=200, required=False)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)
    choices = blocks.TextBlock(
        label=_("Choices (one per line)"), required=False, help_text=_("For choice variables.")
    )
    max_length = blocks.IntegerBlock(
        label=_("Longest answer"), required=False, min_value=1, max_value=2000
    )

    class Meta:
        icon = "form"
        label = _("Variable")
        template = "blocks/documents_variable_block.html"


class VariablesBlock(blocks.StreamBlock):
    variable = VariableBlock()

    class Meta:
        icon = "form"


def variables_from(value) -> list[Variable]:
    """`Variable`s from a variables StreamField value, raw JSON, or a list of Variables."""
    if value is None:
        return []
    result = []
    for item in value:
        if isinstance(item, Variable):
            result.append(item)
            continue
        data = item.value if hasattr(item, "value") else item.get("value", item)
        choices = tuple(
            line.strip() for line in (data.get("choices") or "").splitlines() if line.strip()
        )
        result.append(
            Variable(
                name=data["name"],
                type=data.get("type") or VariableType.TEXT,
                label=data.get("label") or "",
                help=data.get("help") or "",
                default=data.get("default") or "",
                required=bool(data.get("required", True)),
                choices=choices,
                max_length=int(data.get("max_length") or 0),
            )
        )
    return result


def duplicate_names(variables: Iterable[Variable]) -> list[str]:
    seen, dupes = set(), []
    for variable in variables:
        if variable.name in seen:
            dupes.append(variable.name)
        seen.add(variable.name)
    return dupes


def profile_values(variables: Iterable[Variable], *, local, employer: str) -> dict[str, str]:
    """The blanks a local's profile answers: its name and number, and the employer. No local,
    no answers (the employer comes from the local's workplaces or its proposal)."""
    if local is None:
        return {}
    values = {}
    for variable in variables:
        if variable.type == VariableType.LOCAL:
            values[variable.name] = local.display_name
        elif variable.type == VariableType.EMPLOYER and employer:
            values[variable.name] = employer
    return values
