"""StreamField blocks of contract language: the clause body's paragraph kinds and the record
of where similar language was won."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from documents.blocks import SlotHeadingBlock, SlotTextBlock, body_block

# A clause's body: unnumbered headings and numbered sections, plus the engine's optional
# parts and alternatives made of the same kinds.
CLAUSE_PARAGRAPHS = [
    ("heading", SlotHeadingBlock(label=_("Heading"))),
    ("section", SlotTextBlock(label=_("Section"))),
]


def clause_body_block() -> blocks.StreamBlock:
    return body_block(CLAUSE_PARAGRAPHS)


class EmployerType(blocks.ChoiceBlock):
    choices = [
        ("private", _("Private company")),
        ("public", _("Public employer")),
        ("nonprofit", _("Nonprofit")),
        ("contractor", _("Contractor or staffing agency")),
        ("multi_employer", _("Multi-employer agreement")),
    ]


class WinBlock(blocks.StructBlock):
    """Where similar language was won. Deliberately no employer or local name: a steward
    needs to know the language is winnable, not who won it."""

    employer_type = EmployerType(label=_("Employer type"))
    sector = blocks.CharBlock(label=_("Sector"), max_length=120)
    year = blocks.IntegerBlock(label=_("Year"), min_value=1950, max_value=2100)
    note = blocks.CharBlock(label=_("Note"), max_length=240, required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["employer_type_label"] = dict(EmployerType.choices).get(
            value.get("employer_type"), value.get("employer_type")
        )
        return context

    class Meta:
        icon = "success"
        label = _("Where it was won")
        template = "blocks/contracts_win_block.html"
