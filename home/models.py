"""The home page, standard pages and site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock


class HomePage(Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    # Each app adds its index page here: resolutions, contract language, petitions, days of action.
    subpage_types = [
        "home.StandardPage",
        "campaigns.DayOfActionIndexPage",
        "petitions.PetitionIndexPage",
        "resolutions.ResolutionIndexPage",
        "contracts.ClauseLibraryPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation name"), max_length=160, default="Union Hall"
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    footer = RichTextField(_("footer"), features=["bold", "italic", "link"], blank=True)

    panels = [FieldPanel("organisation_name"), FieldPanel("contact_email"), FieldPanel("footer")]

    class Meta:
        verbose_name = _("site settings")
