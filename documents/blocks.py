"""StreamField blocks for model texts: paragraphs with `{{ variable }}` slots, optional
parts and alternatives. An app builds its body from these (see `body_block`)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .engine import stray_syntax
from .variables import BlankNotNone

PARAGRAPH_MAX = 4000


def _check_slots(value: str) -> None:
    if stray_syntax(value):
        raise ValidationError(_("A blank is broken here. Write blanks as {{ name }}."))


class SlotTextBlock(blocks.TextBlock):
    """A numbered paragraph. `{{ name }}` marks a blank filled from the answers."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", PARAGRAPH_MAX)
        kwargs.setdefault("rows", 4)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        _check_slots(value)
        return value

    class Meta:
        icon = "pilcrow"
        template = "blocks/documents_slot_text_block.html"


class SlotHeadingBlock(blocks.CharBlock):
    """An unnumbered heading (an article title); may hold slots too."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        _check_slots(value)
        return value

    class Meta:
        icon = "title"
        template = "blocks/documents_slot_heading_block.html"


def default_paragraphs() -> list[tuple[str, blocks.Block]]:
    return [("paragraph", SlotTextBlock(label=_("Paragraph")))]


class OptionalBlock(BlankNotNone, blocks.StructBlock):
    """Paragraphs a steward switches on or off; `default_on` is what the model shows."""

    text_children = ("help",)

    label = blocks.CharBlock(label=_("Label for the steward"), max_length=120)
    help = blocks.CharBlock(label=_("Help"), max_length=240, required=False)
    default_on = blocks.BooleanBlock(label=_("On by default"), required=False)

    def __init__(self, paragraphs=None, **kwargs):
        super().__init__(
            [("content", blocks.StreamBlock(paragraphs or default_paragraphs(), min_num=1))],
            **kwargs,
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["tag"] = (
            _("Optional, included unless switched off")
            if value.get("default_on")
            else _("Optional, left out unless switched on")
        )
        return context

    class Meta:
        icon = "radio-full"
        label = _("Optional part")
        template = "blocks/documents_optional_block.html"


class AlternativesBlock(BlankNotNone, blocks.StructBlock):
    """Several versions of a passage; the steward picks one, the first is the default."""

    text_children = ("help",)

    label = blocks.CharBlock(label=_("Label for the steward"), max_length=120)
    help = blocks.CharBlock(label=_("Help"), max_length=240, required=False)

    def __init__(self, paragraphs=None, **kwargs):
        option = blocks.StructBlock(
            [
                ("label", blocks.CharBlock(label=_("Option label"), max_length=120)),
                ("content", blocks.StreamBlock(paragraphs or default_paragraphs(), min_num=1)),
            ],
            icon="list-ul",
        )
        super().__init__([("options", blocks.ListBlock(option, min_num=2))], **kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["tag"] = _("Pick one")
        context["default_tag"] = _("default")
        return context

    class Meta:
        icon = "list-ul"
        label = _("Alternatives")
        template = "blocks/documents_alternatives_block.html"


def body_block(paragraphs=None, **kwargs) -> blocks.StreamBlock:
    """A StreamBlock of the given paragraph kinds plus optional parts and alternatives
    made of the same kinds. `paragraphs` is a list of (name, SlotTextBlock|SlotHeadingBlock);
    the name becomes each rendered block's `kind`."""
    paragraphs = paragraphs or default_paragraphs()
    return blocks.StreamBlock(
        [
            *paragraphs,
            ("optional", OptionalBlock(paragraphs)),
            ("alternatives", AlternativesBlock(paragraphs)),
        ],
        **kwargs,
    )
