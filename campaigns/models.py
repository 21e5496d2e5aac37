"""Days of action and the endorsements organisations make for them."""

import secrets
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core import tokens
from core.routing import RoutedPageMixin
from unions.models import Affiliation, Local, Role

from .blocks import DemandBlock


class OrganisationType(models.TextChoices):
    UNION_LOCAL = "union_local", _("Union local")
    LABOR_COUNCIL = "labor_council", _("Labor council")
    COMMUNITY = "community", _("Community organisation")
    FAITH = "faith", _("Faith group")
    STUDENT = "student", _("Student organisation")
    OTHER = "other", _("Other")


class PledgeLevel(models.TextChoices):
    """Ordered from the least to the most an organisation commits to."""

    ENDORSE = "endorse", _("Endorse")
    PROMOTE = "promote", _("Promote to members")
    MOBILIZE = "mobilize", _("Mobilize members")
    JOB_ACTION = "job_action", _("Job action")


PLEDGE_RANK = {level: rank for rank, level in enumerate(PledgeLevel.values)}


class ChoiceListField(models.JSONField):
    """A list of choices kept as JSON (so the demo's SQLite works too), edited as checkboxes."""

    def __init__(self, *args, choice_list=None, **kwargs):
        self.choice_list = choice_list or []
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choice_list"] = self.choice_list
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choice_list,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.choice_list}
        if not isinstance(value, list) or not set(value) <= allowed:
            raise ValidationError(_("Choose from the listed options."))


def all_organisation_types() -> list[str]:
    return list(OrganisationType.values)


def all_pledge_levels() -> list[str]:
    return list(PledgeLevel.values)


def organizer_accounts() -> Q:
    """Who may be granted a day: accounts with an organizer role somewhere, which is what
    opens the Wagtail admin to them (campaigns.signals)."""
    return Q(pk__in=Role.objects.filter(kind=Role.Kind.ORGANIZER).values("user_id"))


class DayOfActionIndexPage(Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.DayOfActionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("days of action index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["days"] = DayOfActionPage.objects.child_of(self).live().specific().order_by("-date")
        return context


class DayOfActionPage(RoutedPageMixin, Page):
    """One day of action: the call, the demands and the endorsement form's options.

    Endorsements always belong to the page in the default language, so the English and
    Spanish pages share one wall and one tally.
    """

    date = models.DateField(_("date"))
    intro = models.TextField(
        _("summary"), max_length=600, blank=True, help_text=_("One paragraph for lists and search.")
    )
    call = RichTextField(_("the call"), features=["bold", "italic", "link", "ol", "ul", "h3"])
    demands = StreamField([("demand", DemandBlock())], blank=True, verbose_name=_("demands"))
    how_to_take_part = RichTextField(
        _("how to take part"), features=["bold", "italic", "link", "ol", "ul", "h3"], blank=True
    )
    endorsements_open = models.BooleanField(_("endorsements open"), default=True)
    organisation_types = ChoiceListField(
        _("organisation types that may endorse"),
        choice_list=OrganisationType.choices,
        default=all_organisation_types,
    )
    ask_members_represented = models.BooleanField(_("ask for members represented"), default=True)
    pledge_levels = ChoiceListField(
        _("pledge levels offered"), choice_list=PledgeLevel.choices, default=all_pledge_levels
    )
    reminders_enabled = models.BooleanField(_("send reminders to endorsers"), default=True)
    reminder_days_before = models.PositiveSmallIntegerField(
        _("days before the day to remind"), default=3
    )
    # Who organizes the day, and so sees its endorsers' contacts: organizers of the owning
    # local or of any local in the owning affiliation, and the accounts granted below
    # (campaigns.selectors.days_organized_by is the one place that reads this).
    owner_local = models.ForeignKey(
        Local,
        verbose_name=_("organizing local"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its organizers review, export and import this day's endorsements."),
    )
    owner_affiliation = models.ForeignKey(
        Affiliation,
        verbose_name=_("organizing affiliation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organizers of all its locals review this day's endorsements."),
    )
    organizers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("other organizers of this day"),
        blank=True,
        related_name="organized_days",
        limit_choices_to=organizer_accounts,
        help_text=_("Organizers from other locals who also review this day's endorsements."),
    )
    counter_allowed_origins = models.TextField(
        _("sites that may embed the counter"),
        blank=True,
        help_text=_(
            "One origin per line, such as https://example.org. Leave empty to let any "
            "https site embed the counter."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("call"),
        FieldPanel("demands"),
        FieldPanel("how_to_take_part"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("endorsements_open"),
                FieldPanel("organisation_types"),
                FieldPanel("ask_members_represented"),
                FieldPanel("pledge_levels"),
            ],
            heading=_("Endorsement form"),
        ),
        MultiFieldPanel(
            [FieldPanel("reminders_enabled"), FieldPanel("reminder_days_before")],
            heading=_("Reminders"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("owner_local"),
                FieldPanel("owner_affiliation"),
                FieldPanel("organizers", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who organizes this day"),
            help_text=_(
                "Only they (and editors) see the endorsers' contact details. With nobody "
                "named, only editors do."
            ),
        ),
        FieldPanel("counter_allowed_origins"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("call"),
        index.SearchField("demands"),
        index.SearchField("how_to_take_part"),
        index.FilterField("date"),
    ]

    parent_page_types = ["campaigns.DayOfActionIndexPage"]
    subpage_types: list[str] = []

    # The date and the form's options are the same in every language: translators see
    # only the words. (Views also read the options from the source page.)
    override_translatable_fields = [
        SynchronizedField("date"),
        SynchronizedField("endorsements_open"),
        SynchronizedField("organisation_types"),
        SynchronizedField("ask_members_represented"),
        SynchronizedField("pledge_levels"),
        SynchronizedField("reminders_enabled"),
        SynchronizedField("reminder_days_before"),
        SynchronizedField("counter_allowed_origins"),
        SynchronizedField("owner_local"),
        SynchronizedField("owner_affiliation"),
    ]

    class Meta:
        verbose_name = _("day of action")
        verbose_name_plural = _("days of action")
        constraints = [
            models.CheckConstraint(
                condition=Q(reminder_days_before__lte=60),
                name="campaigns_day_reminder_days_range",
            ),
        ]

    def clean(self):
        super().clean()
        if not self.organisation_types:
            raise ValidationError({"organisation_types": _("Choose at least one type.")})
        if not self.pledge_levels:
            raise ValidationError({"pledge_levels": _("Choose at least one pledge level.")})
        try:
            self.counter_origins()
        except ValueError as error:
            raise ValidationError({"counter_allowed_origins": str(error)}) from error

    def counter_origins(self) -> list[str]:
        origins = []
        for line in self.counter_allowed_origins.splitlines():
            line = line.strip()
            if not line:
                continue
            parts = urlsplit(line)
            if (
                parts.scheme not in ("https", "http")
                or not parts.netloc
                or parts.path not in ("", "/")
            ):
                raise ValueError(
                    _("%(origin)s is not an origin like https://example.org") % {"origin": line}
                )
            origins.append(f"{parts.scheme}://{parts.netloc}")
        return origins

    @property
    def source_day(self) -> "DayOfActionPage":
        """The page in the default language, which owns the endorsements."""
        default = Locale.get_default()
        if self.locale_id == default.pk:
            return self
        source = self.get_translation_or_none(default)
        return source.specific if source is not None else self

    def localized_for(self, language: str) -> "DayOfActionPage":
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None or locale.pk == self.locale_id:
            return self
        other = self.get_translation_or_none(locale)
        return other.specific if other is not None and other.live else self

    def offered_types(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in OrganisationType.choices if k in self.organisation_types]

    def offered_pledges(self) -> list[tuple[str, str]]:
        return [(k, v) for k, v in PledgeLevel.choices if k in self.pledge_levels]


class EndorsementQuerySet(models.QuerySet):
    def live(self):
        return self.filter(status__in=Endorsement.LIVE_STATUSES)

    def approved(self):
        return self.filter(status=Endorsement.Status.APPROVED)


class Endorsement(models.Model):
    """An organisation's endorsement of a day of action, with its pledge.

    The contact's name, title and email are private: they are shown only to organizers
    (with MFA) and never on the wall, the tally or the counter.
    """

    class Status(models.TextChoices):
        PENDING_CONFIRMATION = "pending_confirmation", _("Pending confirmation")
        PENDING_REVIEW = "pending_review", _("Pending review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        FORM = "form", _("Public form")
        IMPORT = "import", _("Imported spreadsheet")

    LIVE_STATUSES = [Status.PENDING_CONFIRMATION, Status.PENDING_REVIEW, Status.APPROVED]

    day = models.ForeignKey(
        DayOfActionPage,
        verbose_name=_("day of action"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    # "local:<pk>" for a known local, "affiliation:<pk>:<number>" for a known affiliation's
    # unlisted local, else "name:<normalized name>|<normalized city>". See identity.py.
    identity_key = models.CharField(_("organisation identity"), max_length=400)
    local = models.ForeignKey(
        Local, verbose_name=_("local"), null=True, blank=True, on_delete=models.SET_NULL
    )
    organisation_name = models.CharField(_("organisation name"), max_length=200)
    organisation_type = models.CharField(
        _("organisation type"), max_length=20, choices=OrganisationType
    )
    affiliation = models.ForeignKey(
        Affiliation,
        verbose_name=_("affiliation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    affiliation_name = models.CharField(_("affiliation as typed"), max_length=200, blank=True)
    local_number = models.CharField(_("local number"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=120)
    region = models.CharField(_("region or state"), max_length=120)
    members_represented = models.PositiveIntegerField(
        _("members represented"), null=True, blank=True
    )
    pledge_level = models.CharField(_("pledge level"), max_length=20, choices=PledgeLevel)
    statement = models.TextField(_("public statement"), max_length=1000, blank=True)

    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_title = models.CharField(_("contact title"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    # The contact ticked "the local may contact me about this campaign": only then do their
    # name and email leave Union Hall (a CSV export, the OSDI API). Withdrawing clears it.
    contact_consent = models.BooleanField(_("may be contacted"), default=False)
    contact_consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")

    status = models.CharField(
        _("status"), max_length=24, choices=Status, default=Status.PENDING_CONFIRMATION
    )
    source = models.CharField(_("source"), max_length=10, choices=Source, default=Source.FORM)
    rejection_reason = models.TextField(_("rejection reason"), max_length=1000, blank=True)
    # Proposed changes from a second submission, waiting for the confirmed contact.
    pending_update = models.JSONField(_("proposed changes"), null=True, blank=True)
    # The secret behind the contact's link; the link itself is an HMAC of it (links.py).
    link_secret = models.CharField(max_length=64, default="", editable=False)

    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EndorsementQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            # One live endorsement per organisation per day. Withdrawn and rejected rows
            # stay as history and free the slot.
            models.UniqueConstraint(
                fields=["day", "identity_key"],
                condition=Q(status__in=["pending_confirmation", "pending_review", "approved"]),
                name="campaigns_endorsement_one_live_per_organisation",
            ),
            models.CheckConstraint(
                condition=Q(members_represented__lte=10_000_000),
                name="campaigns_endorsement_members_range",
            ),
        ]
        indexes = [
            models.Index(
                fields=["day", "status", "organisation_type"], name="campaigns_e_day_type"
            ),
            models.Index(fields=["day", "status", "approved_at"], name="campaigns_e_day_time"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_name} ({self.get_status_display()})"

    @property
    def is_live(self) -> bool:
        return self.status in self.LIVE_STATUSES

    def new_link_secret(self) -> None:
        self.link_secret = secrets.token_hex(16)

    def link_token(self) -> str:
        return f"{self.pk}-{tokens.mac('campaigns.endorsement', f'{self.pk}:{self.link_secret}')}"

    def higher_pledges(self) -> list[tuple[str, str]]:
        rank = PLEDGE_RANK.get(self.pledge_level, 0)
        return [(k, v) for k, v in self.day.offered_pledges() if PLEDGE_RANK[k] > rank]
