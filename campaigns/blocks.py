"""StreamField blocks for days of action."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class DemandBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("demand"), max_length=200)
    detail = blocks.TextBlock(label=_("detail"), required=False, max_length=800)

    class Meta:
        icon = "list-ul"
        label = _("Demand")
        template = "blocks/campaigns_demand_block.html"
