"""Fill a model text with a local's answers: slots, optional parts, alternatives.

The engine works on any StreamField value built from `documents.blocks`: paragraph blocks
(`SlotTextBlock`, `SlotHeadingBlock`) whose text may hold `{{ variable }}` slots,
`OptionalBlock` (on or off by default) and `AlternativesBlock` (one of several). Its output
is plain text, never HTML and never a template: answers are substituted as strings, so a
steward's answer can't inject markup or another slot, and a `{{` never reaches a document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils import formats, translation
from django.utils.translation import gettext as _

from .variables import Variable, VariableType, variables_from

SLOT_RE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
# Anything that looks like template syntax once the valid slots are gone.
STRAY_RE = re.compile(r"\{\{|\}\}|\{%|%\}")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
DEFAULT_MAX_LENGTH = 200

DATE_FORMATS = {"en": "F j, Y", "es": r"j \d\e F \d\e Y"}


class DocumentError(ValidationError):
    """The model text itself is broken (a malformed or undeclared slot). Editors fix it."""


def slots_in(text: str) -> list[str]:
    return SLOT_RE.findall(text or "")


def stray_syntax(text: str) -> bool:
    """True when the text holds `{{`, `}}`, `{%` or `%}` outside a well-formed slot."""
    return bool(STRAY_RE.search(SLOT_RE.sub("", text or "")))


# -- answers -------------------------------------------------------------------------------


@dataclass
class Answers:
    """What a steward chose: variable values (as typed), optional parts, alternatives.

    Stored as JSON on an adaptation (`to_dict`/`from_dict`). Optional parts and
    alternatives are keyed by the StreamField block's id, so they survive edits to the
    model that do not remove that block.
    """

    values: dict[str, str] = field(default_factory=dict)
    optional: dict[str, bool] = field(default_factory=dict)
    alternatives: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping | None) -> Answers:
        data = data or {}
        return cls(
            values={str(k): str(v) for k, v in (data.get("values") or {}).items()},
            optional={str(k): bool(v) for k, v in (data.get("optional") or {}).items()},
            alternatives={str(k): str(v) for k, v in (data.get("alternatives") or {}).items()},
        )


def clean_value(variable: Variable, raw: str | None) -> object:
    """One answer, checked and converted; raises ValidationError with a steward's message."""
    value = CONTROL_RE.sub("", str(raw if raw is not None else "")).strip()
    if not value:
        value = variable.default.strip()
    if not value:
        if variable.required:
            raise ValidationError(
                _("Please answer “%(label)s”.") % {"label": variable.label}, code="required"
            )
        return ""
    limit = variable.max_length or DEFAULT_MAX_LENGTH
    if len(value) > limit:
        raise ValidationError(
            _("Keep “%(label)s” to %(limit)d characters or fewer (it has %(length)d).")
            % {"label": variable.label, "limit": limit, "length": len(value)},
            code="max_length",
        )
    if STRAY_RE.search(value):
        raise ValidationError(
            _("“%(label)s” can’t contain {{, }}, {%% or %%}.") % {"label": variable.label},
            code="syntax",
        )
    if variable.type == VariableType.DATE:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError(
                _("Enter “%(label)s” as a date, for example 2027-02-03.")
                % {"label": variable.label},
                code="date",
            ) from None
    if variable.type == VariableType.NUMBER:
        try:
            number = Decimal(value.replace(",", ""))
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite():
            raise ValidationError(
                _("Enter “%(label)s” as a number.") % {"label": variable.label}, code="number"
            )
        return number
    if variable.type == VariableType.CHOICE and variable.choices and value not in variable.choices:
        raise ValidationError(
            _("Pick one of the listed answers for “%(label)s”.") % {"label": variable.label},
            code="choice",
        )
    return value


def clean_answers(variables: Iterable[Variable], values: Mapping[str, str]) -> dict[str, object]:
    """Every variable's value, converted. Errors are keyed by variable name; an answer for
    a variable the model does not declare is an error too (a tampered or stale form)."""
    variables = list(variables)
    known = {v.name for v in variables}
    errors: dict[str, list] = {}
    unknown = sorted(set(values) - known)
    if unknown:
        errors["__all__"] = [
            ValidationError(
                _("This model has no blank called “%(name)s”. Reload the page and try again.")
                % {"name": unknown[0][:40]},
                code="unknown_variable",
            )
        ]
    cleaned = {}
    for variable in variables:
        try:
            cleaned[variable.name] = clean_value(variable, values.get(variable.name))
        except ValidationError as error:
            errors[variable.name] = error.error_list
    if errors:
        raise ValidationError(errors)
    return cleaned


def format_value(value: object, language: str) -> str:
    if isinstance(value, date):
        with translation.override(language):
            return formats.date_format(value, DATE_FORMATS.get(language, "DATE_FORMAT"))
    if isinstance(value, Decimal):
        with translation.override(language):
            return formats.number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


# -- walking the body ----------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """An optional part or an alternatives block, as a form needs it."""

    kind: str  # "optional" or "alternatives"
    id: str
    label: str
    help: str
    default_on: bool = False
    options: tuple[tuple[str, str], ...] = ()  # (option id, label) for alternatives


def _children(stream) -> Iterator:
    """The children of a StreamValue, or of raw JSON-ish data as stored."""
    yield from stream


def choices_in(body) -> list[Choice]:
    from .blocks import AlternativesBlock, OptionalBlock

    found = []
    for child in _children(body):
        if isinstance(child.block, OptionalBlock):
            found.append(
                Choice(
                    "optional",
                    child.id,
                    child.value["label"],
                    child.value.get("help") or "",
                    default_on=bool(child.value.get("default_on")),
                )
            )
        elif isinstance(child.block, AlternativesBlock):
            options = tuple(
                (option_id(child.value["options"], i), item["label"])
                for i, item in enumerate(child.value["options"])
            )
            found.append(
                Choice(
                    "alternatives",
                    child.id,
                    child.value["label"],
                    child.value.get("help") or "",
                    options=options,
                )
            )
    return found


def option_id(options, index: int) -> str:
    bound = getattr(options, "bound_blocks", None)
    if bound is not None and bound[index].id:
        return str(bound[index].id)
    return str(index)


@dataclass(frozen=True)
class RenderedBlock:
    """One paragraph of a filled document."""

    key: str  # stable across renders of the same model: the block id (alternatives: id:n)
    kind: str  # the StreamField block name, e.g. "whereas", "resolved", "heading"
    text: str
    number: str = ""  # "" for headings; "1", "2"... for paragraphs
    heading: bool = False
    source: str = ""  # the model's text with its slots, for editors and diffs
    option: str = ""  # in an alternatives block, the id of the option it comes from

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping) -> RenderedBlock:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


@dataclass
class RenderedDocument:
    blocks: list[RenderedBlock]

    @property
    def text(self) -> str:
        lines = []
        for block in self.blocks:
            lines.append(f"{block.number}. {block.text}" if block.number else block.text)
        return "\n\n".join(lines)

    def to_list(self) -> list[dict]:
        return [block.to_dict() for block in self.blocks]


def _selected_paragraphs(body, answers: Answers) -> Iterator[tuple]:
    """(key, block, text-with-slots, block type, option id or "") for each paragraph the
    answers keep, in order."""
    from .blocks import AlternativesBlock, OptionalBlock

    for child in _children(body):
        if isinstance(child.block, OptionalBlock):
            on = answers.optional.get(child.id, bool(child.value.get("default_on")))
            if on:
                for inner in child.value["content"]:
                    yield inner.id, inner.block, inner.value, inner.block_type, ""
        elif isinstance(child.block, AlternativesBlock):
            options = child.value["options"]
            ids = [option_id(options, i) for i in range(len(options))]
            if not ids:
                continue
            chosen = answers.alternatives.get(child.id, ids[0])
            index = ids.index(chosen) if chosen in ids else 0
            for n, inner in enumerate(options[index]["content"]):
                yield f"{child.id}:{n}", inner.block, inner.value, inner.block_type, ids[index]
        else:
            yield child.id, child.block, child.value, child.block_type, ""


def check_selections(body, answers: Answers) -> None:
    """Optional and alternative answers must name blocks and options of this model."""
    choices = {c.id: c for c in choices_in(body)}
    for block_id in answers.optional:
        if block_id not in choices or choices[block_id].kind != "optional":
            raise ValidationError(
                _("The form named an optional part this model does not have. Reload the page."),
                code="unknown_block",
            )
    for block_id, chosen in answers.alternatives.items():
        choice = choices.get(block_id)
        if choice is None or choice.kind != "alternatives":
            raise ValidationError(
                _("The form named a choice this model does not have. Reload the page."),
                code="unknown_block",
            )
        if chosen not in {option for option, _label in choice.options}:
            raise ValidationError(
                _("Pick one of the options offered for “%(label)s”.") % {"label": choice.label},
                code="unknown_option",
            )


def check_template(variables: Iterable[Variable], body) -> list[str]:
    """Problems an editor must fix: slots naming undeclared variables, stray braces."""
    names = {v.name for v in variables_from(variables)}
    problems = []
    for text in _all_texts(body):
        for name in slots_in(text):
            if name not in names:
                problems.append(
                    _("The text uses {{ %(name)s }}, but no variable of that name is declared.")
                    % {"name": name}
                )
        if stray_syntax(text):
            problems.append(
                _("This text has a broken blank: “%(text)s…”. Write blanks as {{ name }}.")
                % {"text": text[:60]}
            )
    return problems


def _all_texts(body) -> Iterator[str]:
    from .blocks import AlternativesBlock, OptionalBlock

    for child in _children(body):
        if isinstance(child.block, OptionalBlock):
            yield from (str(inner.value) for inner in child.value["content"])
        elif isinstance(child.block, AlternativesBlock):
            for option in child.value["options"]:
                yield from (str(inner.value) for inner in option["content"])
        else:
            yield str(child.value)


def _fill(text: str, values: Mapping[str, str]) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in values:
            raise DocumentError(
                _("The text uses {{ %(name)s }}, but no variable of that name is declared.")
                % {"name": name},
                code="undeclared_variable",
            )
        return values[name]

    filled = SLOT_RE.sub(replace, text)
    if STRAY_RE.search(filled) or stray_syntax(text):
        raise DocumentError(
            _("This text has a broken blank: “%(text)s…”. Write blanks as {{ name }}.")
            % {"text": text[:60]},
            code="stray_syntax",
        )
    return filled


def _render(body, answers: Answers, shown: Mapping[str, str]) -> RenderedDocument:
    from .blocks import SlotHeadingBlock

    blocks = []
    number = 0
    for key, block, value, kind, option in _selected_paragraphs(body, answers):
        source = str(value)
        text = _fill(source, shown)
        heading = isinstance(block, SlotHeadingBlock)
        if not heading:
            number += 1
        blocks.append(
            RenderedBlock(
                key=str(key),
                kind=kind,
                text=text,
                number="" if heading else str(number),
                heading=heading,
                source=source,
                option=option,
            )
        )
    return RenderedDocument(blocks)


def render_text(body, answers: Answers, *, variables, language: str = "en") -> RenderedDocument:
    """The model text filled with these answers.

    `variables` is the model's variables StreamField (or a list of `Variable`). Raises
    `ValidationError` keyed by variable name for a missing, overlong or malformed answer,
    and for optional parts or alternatives that are not in this model; raises
    `DocumentError` when the model text itself is broken. The output never holds `{{`.
    """
    variables = variables_from(variables)
    check_selections(body, answers)
    cleaned = clean_answers(variables, answers.values)
    shown = {name: format_value(value, language) for name, value in cleaned.items()}
    return _render(body, answers, shown)


def model_text(body, *, variables) -> RenderedDocument:
    """The model as published: default choices, each blank shown as [its label]."""
    variables = variables_from(variables)
    shown = {v.name: f"[{v.label}]" for v in variables}
    return _render(body, Answers(), shown)
