"""StreamField blocks shared by the home page and standard pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=160)

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["bold", "italic", "link", "ol", "ul"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"


class JobBlock(blocks.StructBlock):
    """One of the things the site does, with a link to where it is done."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=600)
    link_page = blocks.PageChooserBlock(label=_("Link to"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80, required=False)

    class Meta:
        icon = "tick-inverse"
        template = "blocks/job_block.html"


class JobsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=160, required=False)
    jobs = blocks.ListBlock(JobBlock(), label=_("Jobs"))

    class Meta:
        icon = "list-ul"
        template = "blocks/jobs_block.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    jobs = JobsBlock()
    callout = CalloutBlock()
