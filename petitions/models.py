"""Petition pages, the signatures they collect, their aggregated counts and delivery PDFs.

A petition and its Spanish translation are one petition: signatures, counts and delivery
PDFs all belong to the *source* page (the first page of the translation group), so a
coworker who signs in Spanish and one who signs in English land in the same count.
"""

import datetime
import math
import secrets
import string
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.routing import RoutedPageMixin
from unions.models import Local, Workplace


def fold(text: str) -> str:
    """Case, accents and spacing folded away, to match what people type by hand."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


@dataclass(frozen=True)
class Department:
    """One line of a petition's department list: "Dietary | Dietética | 40". The first name
    is the key every signature stores, in whatever language it was signed, so counts never
    split by language; the others are its labels in the site's other languages, in order.
    A last part that is a number is the department's approximate headcount (for coverage:
    the share of the department that has signed)."""

    key: str
    labels: dict[str, str] = field(default_factory=dict)
    headcount: int | None = None

    def label(self, language: str | None = None) -> str:
        return self.labels.get(language or get_language() or "", self.key)

    @classmethod
    def parse(cls, text: str) -> list["Department"]:
        others = [code for code, _name in settings.LANGUAGES[1:]]
        result = []
        for line in text.splitlines():
            key, *names = [part.strip() for part in line.split("|")]
            headcount = None
            if names and (number := names[-1].lstrip("~≈ ").replace(",", "")).isdigit():
                headcount = int(number) or None
                names = names[:-1]
            if key:
                labels = {code: name for code, name in zip(others, names, strict=False) if name}
                result.append(cls(key=key, labels=labels, headcount=headcount))
        return result


# The petition's facts, not its words: a translation copies them from the source page when
# synced (wagtail-localize), and `PetitionPage.governing` reads them from the source page so
# they rule even before a sync. One list, so a new fact cannot be synced but not ruled.
SOURCE_FACTS = (
    "local",
    "workplace",
    "goal",
    "opens_on",
    "closes_on",
    "status",
    "department_field",
    "departments",
    "departments_to_target",
    "allow_full_name",
    "allow_initial",
    "retention_days",
    "unlisted",
    "link_token",
    "seal_threshold",
    "seal_share",
    "seal_window_hours",
    "conditional_signing",
)


class PetitionIndexPage(Page):
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["petitions.PetitionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("petition index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        petitions = list(
            PetitionPage.objects.listed()
            .child_of(self)
            .select_related("workplace")
            .order_by("-first_published_at")
        )
        governing_attach(petitions)
        # The status, goal and dates that rule are the source page's (PetitionPage.governing);
        # the counts come in one go (the petition_rows tag).
        opened = PetitionPage.Status.OPEN
        context["open_petitions"] = [p for p in petitions if p.governing.status == opened]
        context["other_petitions"] = [p for p in petitions if p.governing.status != opened]
        return context


SEAL_WINDOW_HOURS = 48

# The source page of each translation group, by translation key (see PetitionPage.source_id).
_source_ids: dict[str, int] = {}

# The random part of an unlisted petition's address: 16 of 36 characters, about 82 bits.
LINK_TOKEN_ALPHABET = string.ascii_lowercase + string.digits
LINK_TOKEN_LENGTH = 16


def link_token_new() -> str:
    return "".join(secrets.choice(LINK_TOKEN_ALPHABET) for _ in range(LINK_TOKEN_LENGTH))


class PetitionPageQuerySet(PageQuerySet):
    def unlisted(self) -> "PetitionPageQuerySet":
        """Unlisted petitions and every translation of one, synced or not: the flag is the
        source page's, so a Spanish page is unlisted the moment its source is."""
        keys = self.model._base_manager.filter(unlisted=True).values("translation_key")
        return self.filter(Q(unlisted=True) | Q(translation_key__in=keys))

    def listed(self) -> "PetitionPageQuerySet":
        """What any listing may show (index, search, sitemap, feeds, JSON): live, public
        and not unlisted. One query, whatever the number of petitions."""
        keys = self.model._base_manager.filter(unlisted=True).values("translation_key")
        return self.live().public().filter(unlisted=False).exclude(translation_key__in=keys)


class PetitionPageManager(PageManager.from_queryset(PetitionPageQuerySet)):
    pass


def governing_attach(pages: list["PetitionPage"]) -> None:
    """Give each page its source id and governing page in one query, so a listing of
    translations does not fetch each one's source page in turn."""
    keys = {page.translation_key for page in pages}
    if not keys:
        return
    sources: dict = {}
    for source in PetitionPage.objects.filter(translation_key__in=keys).order_by("id"):
        sources.setdefault(source.translation_key, source)
    for page in pages:
        source = sources.get(page.translation_key)
        if source is None:
            continue
        _source_ids[str(page.translation_key)] = source.pk
        if source.pk != page.pk:
            page._governing = source


class PetitionPage(RoutedPageMixin, Page):
    """A workplace petition. Its actions (sign, confirm, withdraw, organizer tools) are
    routes declared in `petitions.views`."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")
        DELIVERED = "delivered", _("Delivered")

    class DepartmentField(models.TextChoices):
        NOT_ASKED = "not_asked", _("Not asked")
        OPTIONAL = "optional", _("Optional")
        REQUIRED = "required", _("Required")

    summary = models.TextField(_("summary"), max_length=400, blank=True)
    addressed_to = models.CharField(
        _("addressed to"), max_length=200, help_text=_("Who receives the petition.")
    )
    demand = RichTextField(
        _("demand"),
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("What we ask for."),
    )
    local = models.ForeignKey(
        Local, verbose_name=_("local"), on_delete=models.PROTECT, related_name="+"
    )
    workplace = models.ForeignKey(
        Workplace,
        verbose_name=_("workplace"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    goal = models.PositiveIntegerField(_("goal"), default=100)
    opens_on = models.DateField(_("opens on"), default=datetime.date.today)
    closes_on = models.DateField(_("closes on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.OPEN)
    department_field = models.CharField(
        _("department field"),
        max_length=12,
        choices=DepartmentField,
        default=DepartmentField.OPTIONAL,
    )
    departments = models.TextField(
        _("departments"),
        blank=True,
        help_text=_(
            "One per line. When given, signers pick from this list. To name a department in "
            "Spanish too, add the Spanish name after a bar: “Dietary | Dietética”. To show "
            "how much of each department has signed, end the line with its approximate "
            "headcount after another bar: “Dietary | Dietética | 40” (or “Dietary | 40”)."
        ),
    )
    allow_full_name = models.BooleanField(_("signers may show their full name"), default=True)
    allow_initial = models.BooleanField(_("signers may show first name and initial"), default=True)
    retention_days = models.PositiveIntegerField(
        _("days signer data is kept after closing"), default=90
    )
    # A promise made on the sign form, so it is the petition's, not each PDF's: the delivery
    # PDF may carry a department table only when signers were told it would.
    departments_to_target = models.BooleanField(
        _("the delivery PDF may show counts by department"),
        default=False,
        help_text=_(
            "The sign form tells signers whether whoever receives the petition sees counts by "
            "department. Small departments are never shown exactly."
        ),
    )

    # Privacy: a petition at a workplace under surveillance can be kept off every listing and
    # shown outside the page under a code name.
    unlisted = models.BooleanField(
        _("unlisted"),
        default=False,
        help_text=_(
            "Only people with the link or the QR code can find it: it is left out of the "
            "petition list, search and the sitemap, and search engines are asked not to index "
            "it. Its address gets a random part that cannot be guessed. The Spanish page "
            "follows this page."
        ),
    )
    code_name = models.CharField(
        _("code name"),
        max_length=80,
        blank=True,
        help_text=_(
            "Shown instead of the title where the petition is seen outside its page: the "
            "browser tab, links shared after signing, the counter and count.json. Use one "
            "that does not name the employer. Leave blank to show the title."
        ),
    )
    # The random suffix of an unlisted petition's slug, made once and kept, so printed QR
    # codes keep working; copied to translations (SynchronizedField below).
    link_token = models.CharField(max_length=24, blank=True, editable=False)

    objects = PetitionPageManager()
    # Sealing: while a threshold is set and not reached, no name, department cell or recent
    # signer is shown to anyone (organizers see the total). Reaching it is recorded on the
    # petition's count row (PetitionCount.threshold_reached_at), not here: publishing a
    # revision would otherwise overwrite it.
    seal_threshold = models.PositiveIntegerField(
        _("names sealed until this many have signed"),
        null=True,
        blank=True,
        help_text=_(
            "Until then nobody, organizers included, sees any name or department: only the "
            "count. Leave empty to show names from the start."
        ),
    )
    seal_share = models.PositiveSmallIntegerField(
        _("or until this percent of the workplace has signed"),
        null=True,
        blank=True,
        help_text=_(
            "Needs a headcount for every department (see Departments): the workplace is "
            "their sum. If both are given, the larger number rules."
        ),
    )
    seal_window_hours = models.PositiveSmallIntegerField(
        _("hours signers have to withdraw once the threshold is reached"),
        default=SEAL_WINDOW_HOURS,
        blank=True,  # left empty in the admin: the default (see clean)
        help_text=_(
            "When the threshold is reached, every signer is emailed; names appear only after "
            "this many hours, so anyone who wants to can withdraw first."
        ),
    )
    conditional_signing = models.BooleanField(
        _("signers may sign on condition"),
        default=False,
        help_text=_(
            "The sign form offers “count my signature only once N coworkers have signed”. "
            "Such signatures are counted separately until then."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("addressed_to"),
        FieldPanel("demand"),
        MultiFieldPanel(
            [FieldPanel("local"), FieldPanel("workplace"), FieldPanel("goal")],
            heading=_("Who and how many"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldPanel("status"),
                FieldPanel("retention_days"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("department_field"),
                FieldPanel("departments"),
                FieldPanel("departments_to_target"),
                FieldPanel("allow_full_name"),
                FieldPanel("allow_initial"),
            ],
            heading=_("What signers are asked"),
        ),
        MultiFieldPanel(
            [FieldPanel("unlisted"), FieldPanel("code_name")],
            heading=_("Privacy"),
            help_text=_(
                "For a workplace under surveillance: keep the petition off every list and "
                "show a code name instead of the employer's name."
            ),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("seal_threshold"), FieldPanel("seal_share")]),
                FieldPanel("seal_window_hours"),
                FieldPanel("conditional_signing"),
            ],
            heading=_("Sealed names and conditional signatures"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("addressed_to"),
        index.SearchField("demand"),
    ]

    parent_page_types = ["petitions.PetitionIndexPage"]
    subpage_types: list[str] = []
    override_translatable_fields = [SynchronizedField(name) for name in SOURCE_FACTS]

    class Meta:
        verbose_name = _("petition")

    @property
    def source_id(self) -> int:
        """The id signatures are filed under: the first page of this translation group
        (memoised: it never changes)."""
        key = str(self.translation_key)
        if key not in _source_ids:
            first = (
                PetitionPage.objects.filter(translation_key=self.translation_key)
                .order_by("id")
                .values_list("id", flat=True)
                .first()
            )
            _source_ids[key] = first or self.pk
        return _source_ids[key]

    @property
    def governing(self) -> "PetitionPage":
        """The page whose status and dates rule: the source page. Closing the English
        petition closes its Spanish translation too, even before translations are synced."""
        if self.source_id == self.pk:
            return self
        if not hasattr(self, "_governing"):
            self._governing = PetitionPage.objects.only(*SOURCE_FACTS, "code_name").get(
                pk=self.source_id
            )
        return self._governing

    # Unlisted petitions -------------------------------------------------------------------

    @property
    def is_unlisted(self) -> bool:
        """The source page's flag rules, so a translation not yet synced is unlisted too."""
        return self.unlisted or self.governing.unlisted

    @property
    def robots_noindex(self) -> bool:
        """base.html and the petition routes ask search engines not to index the page."""
        return self.is_unlisted

    @property
    def public_title(self) -> str:
        """The code name shown outside the page, this page's or its source's; "" if none."""
        return self.code_name or self.governing.code_name

    @property
    def shown_title(self) -> str:
        """The title public surfaces show: the code name when the organiser gave one."""
        return self.public_title or self.title

    def _link_rules(self) -> "PetitionPage":
        if self.pk is None:  # a new page (or translation): source_id would memoise None
            first = PetitionPage.objects.filter(translation_key=self.translation_key)
            return first.order_by("id").first() or self
        return self.governing

    def _keep_link_unguessable(self) -> None:
        """An unlisted petition's slug ends in its random link token. The token is made
        once (from `secrets`, never from the title) and kept: a revision that lost it, or a
        translation, gets the stored one back, so the address on printed QR codes holds."""
        rules = self._link_rules()
        if not (self.unlisted or rules.unlisted):
            return
        token = rules.link_token or self.link_token
        if not token and self.pk is not None:
            token = (
                PetitionPage.objects.filter(pk=self.pk).values_list("link_token", flat=True).first()
            )
        first_time = not token
        token = token or link_token_new()
        self.unlisted, self.link_token = True, token
        if rules is not self:
            rules.link_token = token
        if self.slug.endswith("-" + token):
            return
        # The first time, a code name replaces a slug that may name the employer.
        base = slugify(self.public_title) if first_time and self.public_title else self.slug
        self.slug = f"{base[: 255 - len(token) - 1]}-{token}".lstrip("-")

    def full_clean(self, *args, **kwargs):
        self._keep_link_unguessable()
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "slug" in update_fields:
            self._keep_link_unguessable()
        result = super().save(*args, **kwargs)
        if self.unlisted and self.link_token and self.source_id == self.pk:
            self._unlist_translations()
        return result

    def _unlist_translations(self) -> None:
        """Translations made before the petition was unlisted take its flag and link token
        at once, rather than at the next sync, so no guessable Spanish address stays up."""
        behind = (
            PetitionPage.objects.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .filter(Q(unlisted=False) | ~Q(slug__endswith="-" + self.link_token))
        )
        for translation in behind:
            translation._governing = self
            translation.save(clean=False)

    def get_sitemap_urls(self, request=None):
        if self.is_unlisted:
            return []
        return super().get_sitemap_urls(request)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.is_unlisted:
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        rules = self.governing
        if rules.status != self.Status.OPEN or today < rules.opens_on:
            return False
        return rules.closes_on is None or today <= rules.closes_on

    @property
    def departments_shown_to_target(self) -> bool:
        """Whether the delivery PDF may carry counts by department (and the sign form says
        so); the source page's setting rules, as for status and dates."""
        rules = self.governing
        return (
            rules.departments_to_target and rules.department_field != self.DepartmentField.NOT_ASKED
        )

    @property
    def department_list(self) -> list[Department]:
        return Department.parse(self.departments)

    @property
    def department_choices(self) -> list[str]:
        """The keys signatures store (one per department, whatever the language)."""
        return [department.key for department in self.department_list]

    def department_options(self, language: str | None = None) -> list[tuple[str, str]]:
        """(key, label in `language`) for a form's choices."""
        return [(d.key, d.label(language)) for d in self.department_list]

    def department_label(self, key: str, language: str | None = None) -> str:
        """A stored department shown in `language` (as stored when it is not on the list)."""
        for department in self.department_list:
            if department.key == key:
                return department.label(language)
        return key

    def department_match(self, text: str) -> str | None:
        """The key of the listed department `text` names, in any language, ignoring case
        and accents; None when it names none."""
        wanted = fold(text)
        for department in self.department_list:
            if wanted in {fold(department.key), *map(fold, department.labels.values())}:
                return department.key
        return None

    @property
    def workplace_headcount(self) -> int | None:
        """The sum of the departments' headcounts, when every department has one."""
        listed = self.department_list
        if not listed or any(d.headcount is None for d in listed):
            return None
        return sum(d.headcount for d in listed)

    def seal_count(self) -> int | None:
        """How many confirmed signatures unseal the names (the source page's settings
        rule), or None when names are not sealed. A share with no headcount to take it of
        keeps names sealed (the admin refuses to save that): sealing fails closed."""
        rules = self.governing
        wanted = []
        if rules.seal_threshold:
            wanted.append(rules.seal_threshold)
        if rules.seal_share:
            headcount = rules.workplace_headcount
            if headcount is None:
                return 2**31 - 1
            wanted.append(max(1, math.ceil(headcount * rules.seal_share / 100)))
        return max(wanted) if wanted else None

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.seal_window_hours is None:
            self.seal_window_hours = SEAL_WINDOW_HOURS
        if self.seal_share is not None and not 1 <= self.seal_share <= 100:
            raise ValidationError({"seal_share": _("Give a percent from 1 to 100.")})
        if self.seal_share and self.workplace_headcount is None:
            raise ValidationError(
                {
                    "seal_share": _(
                        "A share of the workplace needs a headcount on every department line, "
                        "such as “Dietary | Dietética | 40”."
                    )
                }
            )

    def purge_after(self) -> datetime.date | None:
        if self.closes_on is None:
            return None
        return self.closes_on + datetime.timedelta(days=self.retention_days)


class Signature(models.Model):
    """One person's signature. Signing only ever adds a row; a status change touches only
    its own row (never a shared counter). Withdrawal and retention blank the personal
    fields and keep the row, so counts stay explainable; a signature never confirmed is
    deleted when it expires, since it never counted."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class NameDisplay(models.TextChoices):
        FULL = "full", _("My full name")
        INITIAL = "initial", _("My first name and initial")
        HIDDEN = "hidden", _("Do not show my name")

    class Source(models.TextChoices):
        ONLINE = "online", _("Online")
        PAPER = "paper", _("Paper")

    petition = models.ForeignKey(
        PetitionPage, on_delete=models.CASCADE, related_name="signatures", db_index=False
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    name = models.CharField(_("name"), max_length=120, blank=True)
    # Normalized (core.email.normalize_email). NULL once withdrawn or purged, so the
    # person may sign again and nothing identifies them.
    email = models.CharField(_("email"), max_length=254, null=True, blank=True)
    department = models.CharField(_("department"), max_length=80, blank=True)
    name_display = models.CharField(max_length=8, choices=NameDisplay, default=NameDisplay.HIDDEN)
    language = models.CharField(max_length=5, default="en")
    source = models.CharField(max_length=6, choices=Source, default=Source.ONLINE)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    # Provenance of a paper signature: the sheet it was written on and its row there.
    sheet = models.ForeignKey(
        "PaperSheet", on_delete=models.RESTRICT, null=True, blank=True, related_name="signatures"
    )
    sheet_row = models.PositiveSmallIntegerField(null=True, blank=True)
    # A conditional signature ("count me once N coworkers have signed, me included"): it is
    # confirmed but not counted while this is set; the count refresh clears it (and sets
    # counted_at) once N is reached. An ordinary signature never has it.
    waits_for = models.PositiveIntegerField(null=True, blank=True)
    counted_at = models.DateTimeField(null=True, blank=True)
    # When this signer was told the threshold was reached (sent at most once).
    threshold_notified_at = models.DateTimeField(null=True, blank=True)
    # The signer ticked "the local may contact me about this campaign". Only then does their
    # email leave Union Hall (a CSV export, the OSDI API). Off by default; withdrawing and
    # retention clear it. A paper signature never has it: the printed sheet asks nothing.
    contact_consent = models.BooleanField(_("may be contacted"), default=False)
    contact_consent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "email"], name="petitions_signature_one_per_email"
            ),
            models.CheckConstraint(
                condition=Q(status="pending") | Q(status="confirmed") | Q(status="withdrawn"),
                name="petitions_signature_status_valid",
            ),
        ]
        indexes = [
            # Counting and "recent signers" read only this index.
            models.Index(fields=["petition", "status", "confirmed_at"], name="petitions_sig_count"),
            models.Index(fields=["status", "created_at"], name="petitions_sig_pending"),
        ]

    def __str__(self) -> str:
        return f"Signature {self.pk} ({self.status})"

    @property
    def shown_name(self) -> str:
        return display_name(self.name, self.name_display)


def display_name(name: str, choice: str) -> str:
    """The name as the signer chose to show it ("" when hidden)."""
    parts = name.split()
    if not parts or choice == Signature.NameDisplay.HIDDEN:
        return ""
    if choice == Signature.NameDisplay.INITIAL:
        return f"{parts[0]} {parts[-1][0]}." if len(parts) > 1 else parts[0]
    return " ".join(parts)


class PetitionCount(models.Model):
    """The aggregate a petition page shows, written only by the batch refresh (never per
    signature), and read through the cache."""

    petition = models.OneToOneField(
        PetitionPage, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    confirmed = models.PositiveIntegerField(default=0)
    pending = models.PositiveIntegerField(default=0)
    refreshed_at = models.DateTimeField(default=timezone.now)
    reconciled_at = models.DateTimeField(null=True, blank=True)
    purged_at = models.DateTimeField(null=True, blank=True)
    # Confirmed signatures waiting for their condition (Signature.waits_for): not counted.
    conditional = models.PositiveIntegerField(default=0)
    # When the refresh first saw the seal threshold reached; names show from this plus
    # the petition's window. Never cleared: once signers were told, the seal is spent.
    threshold_reached_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("petition count")

    def __str__(self) -> str:
        return f"{self.petition_id}: {self.confirmed}"


class DeliveryPdf(models.Model):
    """A delivery PDF rendered by a worker. It holds signers' names, so it lives in the
    database (never in public media) and is served only to the petition's stewards."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Rendering")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    petition = models.ForeignKey(PetitionPage, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    count_only = models.BooleanField(default=False)
    with_departments = models.BooleanField(default=False)
    language = models.CharField(max_length=5, default="en")
    state = models.CharField(max_length=8, choices=State, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    signature_count = models.PositiveIntegerField(default=0)
    pdf = models.BinaryField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery PDF")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="petitions_pdf_progress"),
        ]

    def __str__(self) -> str:
        return f"Delivery PDF {self.pk} ({self.state})"


class PaperSheet(models.Model):
    """A numbered sign-up sheet a steward printed, followed from the printer to the count:
    printed, handed back (returned), entered. Every signature entered from it keeps the
    sheet and its row, so a challenge to a count can be answered sheet by sheet."""

    petition = models.ForeignKey(
        PetitionPage, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    number = models.PositiveIntegerField(_("sheet number"))
    language = models.CharField(_("language"), max_length=5, default="en")
    printed_at = models.DateTimeField(_("printed"), default=timezone.now)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    collected_by = models.CharField(_("collected by"), max_length=120, blank=True)
    collected_on = models.DateField(_("collected on"), null=True, blank=True)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    entered_at = models.DateTimeField(_("entered"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("paper sheet")
        verbose_name_plural = _("paper sheets")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "number"], name="petitions_papersheet_number_unique"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="petitions_papersheet_number"),
        ]

    def __str__(self) -> str:
        return f"Sheet {self.number} of petition {self.petition_id}"
