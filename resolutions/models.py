"""Model resolutions (pages), the adaptations locals make of them and their adoption reports."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.routing import RoutedPageMixin
from documents.blocks import SlotTextBlock, body_block
from documents.engine import RenderedBlock, check_template
from documents.variables import VariablesBlock, duplicate_names, variables_from
from unions.models import Local

RESOLUTION_PARAGRAPHS = [
    ("whereas", SlotTextBlock(label=_("Whereas"))),
    ("resolved", SlotTextBlock(label=_("Resolved"))),
]


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Link"), required=False)
    note = blocks.CharBlock(label=_("Note"), max_length=300, required=False, default="")

    class Meta:
        icon = "link"
        template = "blocks/resolutions_source_block.html"


class TalkingPointBlock(blocks.TextBlock):
    class Meta:
        icon = "openquote"
        template = "blocks/resolutions_talking_point_block.html"


class ResolutionTag(TaggedItemBase):
    content_object = ParentalKey(
        "resolutions.ResolutionPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ResolutionIndexPage(RoutedPageMixin, Page):
    """The library at /resolutions/ (and /es/resoluciones/): filters and full-text search,
    served by the route resolutions.views declares."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["resolutions.ResolutionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("resolution library")


class ResolutionPage(RoutedPageMixin, Page):
    """A model resolution: whereas and resolved clauses with blanks a local fills in. Its
    routes (the PDF, adapting, adaptations and reports) are declared in resolutions.views."""

    number = models.CharField(
        _("number"), max_length=20, help_text=_("The library's number, e.g. R-2027-01.")
    )
    summary = models.TextField(_("summary"), max_length=600)
    talking_points = StreamField(
        [("point", TalkingPointBlock(label=_("Talking point")))],
        blank=True,
        verbose_name=_("talking points"),
    )
    sources = StreamField([("source", SourceBlock())], blank=True, verbose_name=_("sources"))
    variables = StreamField(VariablesBlock(), blank=True, verbose_name=_("variables"))
    body = StreamField(body_block(RESOLUTION_PARAGRAPHS), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=ResolutionTag, blank=True, verbose_name=_("topics"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("number"), FieldPanel("tags"), FieldPanel("summary")],
            heading=_("About"),
        ),
        FieldPanel("variables"),
        FieldPanel("body"),
        FieldPanel("talking_points"),
        FieldPanel("sources"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("talking_points"),
        index.AutocompleteField("summary"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
    ]
    # The number is the same resolution in every language; wagtail-localize keeps it in sync.
    override_translatable_fields = [SynchronizedField("number")]

    parent_page_types = ["resolutions.ResolutionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("model resolution")

    @property
    def language(self) -> str:
        return self.locale.language_code

    @property
    def search_description_or_summary(self) -> str:
        return self.search_description or self.summary

    def clean(self):
        super().clean()
        problems = check_template(self.variables, self.body)
        duplicates = duplicate_names(variables_from(self.variables))
        errors = {}
        if problems:
            errors["body"] = problems
        if duplicates:
            errors["variables"] = [
                _("Two variables are called “%(name)s”.") % {"name": duplicates[0]}
            ]
        if errors:
            raise ValidationError(errors)


class Adaptation(models.Model):
    """A local's version of a model resolution, pinned to the model revision it was made from."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PRESENTED = "presented", _("Presented")
        ADOPTED = "adopted", _("Adopted")
        ADOPTED_AS_AMENDED = "adopted_as_amended", _("Adopted as amended")
        REJECTED = "rejected", _("Rejected")
        TABLED = "tabled", _("Tabled")
        REFERRED = "referred", _("Referred")

    resolution = models.ForeignKey(
        ResolutionPage,
        verbose_name=_("resolution"),
        on_delete=models.CASCADE,
        related_name="adaptations",
    )
    # The model's translation key: the counts on the English and Spanish pages are the same
    # counts, of distinct locals, whichever language and however many drafts each keeps.
    resolution_key = models.UUIDField(_("resolution key"), db_index=True, editable=False)
    local = models.ForeignKey(
        Local, verbose_name=_("local"), on_delete=models.PROTECT, related_name="adaptations"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("model revision"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # A local may keep several adaptations of one resolution (per meeting, per employer, per
    # language); the label tells them apart and is unique per local and resolution.
    label = models.CharField(
        _("name of this draft"),
        max_length=120,
        blank=True,
        default="",
        help_text=_("The meeting or employer it is for, e.g. “March membership meeting”."),
    )
    answers = models.JSONField(_("answers"), default=dict)
    adapted_body = models.JSONField(_("adapted text"), default=list)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    # In the database, as petitions' delivery PDFs are (see DeliveryPdf): never a file in
    # public media, and gone with its row.
    adopted_pdf = models.BinaryField(_("adopted text (PDF)"), null=True, blank=True)
    adopted_pdf_sha256 = models.CharField(
        _("SHA-256 of the adopted PDF"), max_length=64, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("adaptation")
        verbose_name_plural = _("adaptations")
        constraints = [
            models.UniqueConstraint(
                fields=["resolution_key", "local", "label"],
                name="resolutions_one_adaptation_per_local_and_label",
            ),
        ]

    def __str__(self) -> str:
        label = f" ({self.label})" if self.label else ""
        return f"{self.local.display_name}: {self.resolution.title}{label}"

    @property
    def blocks(self) -> list[RenderedBlock]:
        return [RenderedBlock.from_dict(b) for b in self.adapted_body]

    @property
    def is_open(self) -> bool:
        """Still being worked on: no result reported yet."""
        return self.status in (self.Status.DRAFT, self.Status.PRESENTED)

    @property
    def report(self) -> AdoptionReport | None:
        """The current report (a corrected one is kept as history, superseded)."""
        prefetched = getattr(self, "current_reports", None)
        if prefetched is not None:
            return prefetched[0] if prefetched else None
        return self.reports.filter(superseded_at__isnull=True).first()

    @property
    def report_history(self) -> list[AdoptionReport]:
        """Earlier reports: corrected, or of a meeting that tabled or referred the text."""
        return list(self.reports.filter(superseded_at__isnull=False).order_by("-created_at"))

    def url(self, name: str = "adaptation", **kwargs) -> str:
        return self.resolution.url + self.resolution.reverse_subpage(
            name, kwargs={"pk": self.pk, **kwargs}
        )

    def sheet_amendments(self):
        """The amendments an amendment sheet lists: all but the withdrawn, in text order."""
        return self.amendments.exclude(status=Amendment.Status.WITHDRAWN)


class Amendment(models.Model):
    """A motion to amend an adaptation, citing the printed line numbers the meeting saw.

    Lines always cite the adaptation's text as printed before any amendment (documents.lines),
    so two amendments never renumber each other; `cited_text` keeps the cited words as they
    were when it was proposed, so a later change to the text is caught, not silently amended.
    The movers are names typed by the steward (meeting officers or members), not signers.
    """

    class Kind(models.TextChoices):
        REPLACE = "replace", _("Strike and replace")
        DELETE = "delete", _("Strike")
        INSERT = "insert", _("Insert after the line")

    class Recommendation(models.TextChoices):
        NONE = "none", _("No recommendation")
        ADOPT = "adopt", _("Adopt")
        REJECT = "reject", _("Reject")
        REFER = "refer", _("Refer")

    class Status(models.TextChoices):
        # "amendment" context: Spanish agrees with "enmienda" (feminine), not with "texto".
        PROPOSED = "proposed", pgettext_lazy("amendment", "Proposed")
        ADOPTED = "adopted", pgettext_lazy("amendment", "Adopted")
        REJECTED = "rejected", pgettext_lazy("amendment", "Rejected")
        WITHDRAWN = "withdrawn", pgettext_lazy("amendment", "Withdrawn")

    DECIDED = (Status.ADOPTED, Status.REJECTED)

    adaptation = models.ForeignKey(
        Adaptation,
        verbose_name=_("adaptation"),
        on_delete=models.CASCADE,
        related_name="amendments",
    )
    position = models.PositiveIntegerField(_("order in the resolution"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    first_line = models.PositiveIntegerField(_("first line"))
    last_line = models.PositiveIntegerField(_("last line"))
    paragraph = models.CharField(_("paragraph"), max_length=10, blank=True, default="")
    cited_text = models.TextField(_("cited words"), blank=True, default="")
    new_text = models.TextField(_("new words"), blank=True, default="")
    moved_by = models.CharField(_("moved by"), max_length=120, blank=True, default="")
    seconded_by = models.CharField(_("seconded by"), max_length=120, blank=True, default="")
    committee_recommendation = models.CharField(
        _("committee recommendation"),
        max_length=10,
        choices=Recommendation,
        default=Recommendation.NONE,
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PROPOSED)
    # RESTRICT, not CASCADE: a report is never deleted on its own while it decided amendments,
    # yet deleting the adaptation still removes both.
    report = models.ForeignKey(
        "resolutions.AdoptionReport",
        verbose_name=_("decided by report"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="amendments",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        constraints = [
            models.UniqueConstraint(
                fields=["adaptation", "position"], name="resolutions_amendment_position_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(first_line__gte=1)
                & models.Q(last_line__gte=models.F("first_line")),
                name="resolutions_amendment_line_range",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="insert", last_line=models.F("first_line"))
                | ~models.Q(kind="insert"),
                name="resolutions_amendment_insert_after_one_line",
            ),
            models.CheckConstraint(
                condition=(models.Q(kind="delete") & models.Q(new_text=""))
                | (models.Q(kind__in=["replace", "insert"]) & ~models.Q(new_text="")),
                name="resolutions_amendment_kind_new_text",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status__in=["adopted", "rejected"]) & models.Q(report__isnull=False)
                )
                | (models.Q(status__in=["proposed", "withdrawn"]) & models.Q(report__isnull=True)),
                name="resolutions_amendment_decided_by_report",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.adaptation_id} #{self.position}: {self.get_kind_display()} {self.lines}"

    @property
    def lines(self) -> str:
        if self.first_line == self.last_line:
            return str(self.first_line)
        return f"{self.first_line}–{self.last_line}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PROPOSED


class AdoptionReport(models.Model):
    """What the meeting did with an adaptation, and who may know about it.

    A report is corrected by a new report: the old one stays, with `superseded_at` and
    `superseded_by` set, so the history of what was reported is kept. A tabled or referred
    text put before a meeting again supersedes its report without a successor until the
    next vote is reported. At most one report per adaptation is current.
    """

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Adopted")
        ADOPTED_AS_AMENDED = "adopted_as_amended", _("Adopted as amended")
        REJECTED = "rejected", _("Rejected")
        TABLED = "tabled", _("Tabled")
        REFERRED = "referred", _("Referred")

    class Body(models.TextChoices):
        MEMBERSHIP = "membership", _("Membership meeting")
        EXECUTIVE_BOARD = "executive_board", _("Executive board")
        STEWARD_COUNCIL = "steward_council", _("Steward council")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public: name our local")
        COUNTED = "counted", _("Counted only: include us in the numbers, without our name")
        PRIVATE = "private", _("Private: neither named nor counted")

    ADOPTED_OUTCOMES = (Outcome.ADOPTED, Outcome.ADOPTED_AS_AMENDED)

    adaptation = models.ForeignKey(
        Adaptation, verbose_name=_("adaptation"), on_delete=models.CASCADE, related_name="reports"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    meeting_date = models.DateField(_("meeting date"))
    body = models.CharField(_("voted by"), max_length=20, choices=Body)
    votes_for = models.PositiveIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("votes against"), null=True, blank=True)
    abstentions = models.PositiveIntegerField(_("abstentions"), null=True, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility, default=Visibility.COUNTED
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # The main motion's mover and seconder, as the steward typed them for the vote box.
    moved_by = models.CharField(_("moved by"), max_length=120, blank=True, default="")
    seconded_by = models.CharField(_("seconded by"), max_length=120, blank=True, default="")
    # Each version's own adopted PDF and digest: a corrected report keeps the file it printed.
    # In the database, as petitions' delivery PDFs are (see DeliveryPdf): never a file in
    # public media, and gone with its row.
    adopted_pdf = models.BinaryField(_("adopted text (PDF)"), null=True, blank=True)
    adopted_pdf_sha256 = models.CharField(
        _("SHA-256 of the adopted PDF"), max_length=64, blank=True
    )
    superseded_at = models.DateTimeField(_("superseded"), null=True, blank=True)
    superseded_by = models.ForeignKey(
        "self",
        verbose_name=_("corrected by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adoption report")
        verbose_name_plural = _("adoption reports")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(votes_for__gte=0)
                & models.Q(votes_against__gte=0)
                & models.Q(abstentions__gte=0),
                name="resolutions_votes_not_negative",
            ),
            models.UniqueConstraint(
                fields=["adaptation"],
                condition=models.Q(superseded_at__isnull=True),
                name="resolutions_one_current_report",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.adaptation}: {self.get_outcome_display()}"

    @property
    def adopted(self) -> bool:
        return self.outcome in self.ADOPTED_OUTCOMES

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None


class Meeting(models.Model):
    """A meeting of one of a local's bodies, and the adaptations it takes up, in agenda order:
    what its printed packet holds (resolutions.meeting_printing)."""

    local = models.ForeignKey(
        Local, verbose_name=_("local"), on_delete=models.CASCADE, related_name="meetings"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.CharField(_("who meets"), max_length=20, choices=AdoptionReport.Body)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("made by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.local.display_name}: {self.title} ({self.date:%Y-%m-%d})"


class MeetingItem(models.Model):
    """One adaptation on a meeting's agenda, at its position (1, 2, ...). The adaptation is
    one of the meeting's local's own: meeting_services checks it, as a constraint can't."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items"
    )
    adaptation = models.ForeignKey(
        Adaptation,
        verbose_name=_("adaptation"),
        on_delete=models.CASCADE,
        related_name="meeting_items",
    )
    position = models.PositiveSmallIntegerField(_("position on the agenda"))

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "adaptation"], name="resolutions_meeting_item_once"
            ),
            models.UniqueConstraint(
                fields=["meeting", "position"], name="resolutions_meeting_item_position"
            ),
            models.CheckConstraint(
                condition=models.Q(position__gte=1), name="resolutions_meeting_item_position_gte_1"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.position}. {self.adaptation}"
