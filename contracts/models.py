"""Model contract language (pages), clause categories, and the bargaining proposals locals
assemble from the clauses."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.routing import RoutedPageMixin
from documents.engine import check_template
from documents.variables import VariablesBlock, duplicate_names, variables_from
from unions.models import Local, Workplace

from .blocks import WinBlock, clause_body_block


class ClauseCategory(models.Model):
    """What a clause is about. Editors add categories in the admin (Snippets); the ones the
    library started with are created by a data migration. One row holds both languages, so
    a category is the same filter in English and Spanish."""

    name = models.CharField(_("name (English)"), max_length=120, unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.CharField(_("description"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order in lists"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("name_es"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("clause category")
        verbose_name_plural = _("clause categories")

    def __str__(self) -> str:
        return self.name

    def label(self, language: str | None = None) -> str:
        language = (language or get_language() or "en")[:2]
        return self.name_es if language == "es" and self.name_es else self.name

    @property
    def localized_name(self) -> str:
        return self.label()


class Strength(models.TextChoices):
    STRONG = "strong", _("Strong")
    STANDARD = "standard", _("Standard")
    MINIMAL = "minimal", _("Minimal")


class Jurisdiction(models.TextChoices):
    """Which labour law a clause's language was reviewed under: the same words can be
    lawful for a private employer and void for a public one."""

    PRIVATE = "private", _("Private sector (NLRA)")
    STATE_PUBLIC = "state_public", _("Public sector under state law")
    FEDERAL = "federal", _("Federal sector")
    OTHER = "other", _("Other")


class ClauseLibraryPage(RoutedPageMixin, Page):
    """The library at /contract-language/: search, filters, comparison, and the proposals a
    local assembles from its clauses (routes declared in contracts.views)."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["contracts.ContractClausePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contract language library")


class ContractClausePage(RoutedPageMixin, Page):
    """A model clause: a body with blanks, optional parts and alternatives, how strong it
    is, where similar language was won, and bargaining notes that are never printed. Its
    page is the route contracts.views declares."""

    number = models.CharField(
        _("number"), max_length=20, help_text=_("The library's number, e.g. C-101.")
    )
    category = models.ForeignKey(
        ClauseCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="clauses",
    )
    strength = models.CharField(
        _("strength"), max_length=10, choices=Strength, default=Strength.STANDARD
    )
    summary = models.TextField(_("summary"), max_length=600)
    variables = StreamField(VariablesBlock(), blank=True, verbose_name=_("variables"))
    body = StreamField(clause_body_block(), verbose_name=_("body"))
    # Strategy for the table: shown only to stewards, organizers and editors, never
    # printed, never in a PDF or DOCX, and never indexed for search (a search could
    # otherwise reveal it to anyone, one query at a time).
    bargaining_notes = StreamField(
        [("note", blocks.TextBlock(label=_("Note"), max_length=2000))],
        blank=True,
        verbose_name=_("bargaining notes"),
        help_text=_("Never printed. Shown only to signed-in stewards and organizers."),
    )
    wins = StreamField(
        [("win", WinBlock())], blank=True, verbose_name=_("where similar language was won")
    )
    # Legal notes: who last checked the language against which law, and when to look again.
    jurisdiction = models.CharField(
        _("jurisdiction"), max_length=20, choices=Jurisdiction, default=Jurisdiction.PRIVATE
    )
    jurisdiction_state = models.CharField(
        _("state"),
        max_length=60,
        blank=True,
        help_text=_("For the public sector: the state whose law the language was reviewed under."),
    )
    reviewed_on = models.DateField(_("language reviewed on"), null=True, blank=True)
    review_by = models.DateField(
        _("review again by"),
        null=True,
        blank=True,
        help_text=_("Editors see the clause flagged once this date has passed."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("category"),
                FieldPanel("strength"),
                FieldPanel("summary"),
            ],
            heading=_("About"),
        ),
        FieldPanel("variables"),
        FieldPanel("body"),
        FieldPanel("bargaining_notes"),
        FieldPanel("wins"),
        MultiFieldPanel(
            [
                FieldPanel("jurisdiction"),
                FieldPanel("jurisdiction_state"),
                FieldPanel("reviewed_on"),
                FieldPanel("review_by"),
            ],
            heading=_("Legal review"),
        ),
        InlinePanel("related_resolutions", label=_("Related resolutions")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.AutocompleteField("summary"),
        index.RelatedFields("category", [index.SearchField("name"), index.SearchField("name_es")]),
        index.FilterField("category"),
        index.FilterField("strength"),
    ]
    # The number, category and strength are the same clause in every language.
    override_translatable_fields = [
        SynchronizedField("number"),
        SynchronizedField("category"),
        SynchronizedField("strength"),
        SynchronizedField("jurisdiction"),
        SynchronizedField("jurisdiction_state"),
        SynchronizedField("reviewed_on"),
        SynchronizedField("review_by"),
    ]

    parent_page_types = ["contracts.ClauseLibraryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("model clause")

    @property
    def language(self) -> str:
        return self.locale.language_code

    @property
    def search_description_or_summary(self) -> str:
        return self.search_description or self.summary

    @property
    def review_overdue(self) -> bool:
        return self.review_by is not None and self.review_by < timezone.localdate()

    def jurisdiction_label(self) -> str:
        """“Private sector (NLRA)”, or “Public sector under California law”."""
        if self.jurisdiction == Jurisdiction.STATE_PUBLIC and self.jurisdiction_state:
            return _("Public sector under %(state)s law") % {"state": self.jurisdiction_state}
        return str(self.get_jurisdiction_display())

    def clean(self):
        super().clean()
        errors = {}
        if self.jurisdiction == Jurisdiction.STATE_PUBLIC and not self.jurisdiction_state.strip():
            errors["jurisdiction_state"] = [_("Name the state whose law applies.")]
        if self.reviewed_on and self.review_by and self.review_by < self.reviewed_on:
            errors["review_by"] = [_("The next review can't come before the last one.")]
        problems = check_template(self.variables, self.body)
        if problems:
            errors["body"] = problems
        duplicates = duplicate_names(variables_from(self.variables))
        if duplicates:
            errors["variables"] = [
                _("Two variables are called “%(name)s”.") % {"name": duplicates[0]}
            ]
        if errors:
            raise ValidationError(errors)


class ClauseResolution(Orderable):
    """A model resolution that goes with this clause (from the resolutions library)."""

    clause = ParentalKey(
        ContractClausePage, on_delete=models.CASCADE, related_name="related_resolutions"
    )
    # A page, not resolutions.ResolutionPage: the chooser offers resolutions only, and the
    # contract library keeps working if the resolutions app is switched off.
    resolution = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("resolution"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("resolution", page_type="resolutions.ResolutionPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resolution")


class BargainingProposal(models.Model):
    """A local's proposal to one employer: clauses in order (the articles), the answers
    to their blanks given once for the whole proposal, and how bargaining went."""

    class Status(models.TextChoices):
        DRAFTED = "drafted", _("Drafted")
        PROPOSED = "proposed", _("Proposed")
        TENTATIVE_AGREEMENT = "tentative_agreement", _("Tentative agreement")
        RATIFIED = "ratified", _("Ratified")
        DROPPED = "dropped", _("Dropped")

    # Which date field records reaching each status.
    STATUS_DATES = {
        Status.PROPOSED: "proposed_on",
        Status.TENTATIVE_AGREEMENT: "tentative_agreement_on",
        Status.RATIFIED: "ratified_on",
        Status.DROPPED: "dropped_on",
    }

    local = models.ForeignKey(
        Local, verbose_name=_("local"), on_delete=models.PROTECT, related_name="proposals"
    )
    workplace = models.ForeignKey(
        Workplace,
        verbose_name=_("workplace"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    employer = models.CharField(_("employer"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFTED)
    drafted_on = models.DateField(_("drafted on"))
    proposed_on = models.DateField(_("proposed on"), null=True, blank=True)
    tentative_agreement_on = models.DateField(_("tentative agreement on"), null=True, blank=True)
    ratified_on = models.DateField(_("ratified on"), null=True, blank=True)
    dropped_on = models.DateField(_("dropped on"), null=True, blank=True)
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
        ordering = ["-updated_at"]
        verbose_name = _("bargaining proposal")
        verbose_name_plural = _("bargaining proposals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    status__in=["drafted", "proposed", "tentative_agreement", "ratified", "dropped"]
                ),
                name="contracts_proposal_status_known",
            ),
            # A status other than drafted always carries the date it was reached.
            models.CheckConstraint(
                condition=~models.Q(status="proposed") | models.Q(proposed_on__isnull=False),
                name="contracts_proposal_proposed_dated",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="tentative_agreement")
                | models.Q(tentative_agreement_on__isnull=False),
                name="contracts_proposal_tentative_dated",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ratified") | models.Q(ratified_on__isnull=False),
                name="contracts_proposal_ratified_dated",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="dropped") | models.Q(dropped_on__isnull=False),
                name="contracts_proposal_dropped_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.local.display_name}: {self.title}"

    @property
    def is_open(self) -> bool:
        """Clauses and answers may still change: nothing agreed, ratified or dropped yet."""
        return self.status in (self.Status.DRAFTED, self.Status.PROPOSED)

    def timeline(self) -> list[tuple[str, object]]:
        """(status label, date) for each status reached, in bargaining order."""
        rows = [(self.Status.DRAFTED.label, self.drafted_on)]
        for status, field in self.STATUS_DATES.items():
            value = getattr(self, field)
            if value:
                rows.append((status.label, value))
        return rows


class ProposalClause(models.Model):
    """One article of a proposal: a model clause, in the proposal's language."""

    proposal = models.ForeignKey(
        BargainingProposal,
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    clause = models.ForeignKey(
        ContractClausePage,
        verbose_name=_("clause"),
        on_delete=models.CASCADE,
        related_name="proposal_items",
    )
    # The clause's translation key: "how many locals proposed it" counts a clause once
    # whether a local proposed it in English or in Spanish.
    clause_key = models.UUIDField(_("clause key"), db_index=True, editable=False)
    position = models.PositiveSmallIntegerField(_("article"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("proposal clause")
        verbose_name_plural = _("proposal clauses")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "clause_key"], name="contracts_clause_once_per_proposal"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.clause.title}"

    @property
    def state(self) -> str:
        """Where the article stands at the table: "ours", "theirs" or "ta"."""
        versions = list(self.versions.all())
        return versions[-1].side if versions else ArticleVersion.SIDE_OURS


class ArticleVersion(models.Model):
    """One version of an article on the table, in the order they were exchanged: the
    union's proposal, the employer's counter, the union's counter, ... and a tentative
    agreement (TA) that freezes the text. Rows are never edited: the history is the record
    of what each side put in writing."""

    class Kind(models.TextChoices):
        UNION_PROPOSAL = "union_proposal", _("Union proposal")
        EMPLOYER_COUNTER = "employer_counter", _("Employer counter-proposal")
        UNION_COUNTER = "union_counter", _("Union counter-proposal")
        TENTATIVE_AGREEMENT = "tentative_agreement", _("Tentative agreement")

    SIDE_OURS, SIDE_THEIRS, SIDE_TA = "ours", "theirs", "ta"

    article = models.ForeignKey(
        ProposalClause,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind)
    position = models.PositiveSmallIntegerField(_("order"))
    text = models.TextField(_("text"), max_length=20000)
    exchanged_on = models.DateField(_("date on the table"))
    ta_on = models.DateField(_("TA date"), null=True, blank=True)
    union_initials = models.CharField(_("union's initials"), max_length=12, blank=True)
    employer_initials = models.CharField(_("employer's initials"), max_length=12, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="contracts_version_position_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=[
                        "union_proposal",
                        "employer_counter",
                        "union_counter",
                        "tentative_agreement",
                    ]
                ),
                name="contracts_version_kind_known",
            ),
            # A TA always carries its date and both sides' initials.
            models.CheckConstraint(
                condition=~models.Q(kind="tentative_agreement")
                | (
                    models.Q(ta_on__isnull=False)
                    & ~models.Q(union_initials="")
                    & ~models.Q(employer_initials="")
                ),
                name="contracts_version_ta_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article}: {self.get_kind_display()} ({self.position})"

    @property
    def side(self) -> str:
        if self.kind == self.Kind.TENTATIVE_AGREEMENT:
            return self.SIDE_TA
        if self.kind == self.Kind.EMPLOYER_COUNTER:
            return self.SIDE_THEIRS
        return self.SIDE_OURS

    @property
    def is_ta(self) -> bool:
        return self.kind == self.Kind.TENTATIVE_AGREEMENT
