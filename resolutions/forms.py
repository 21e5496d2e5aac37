"""Forms for adapting a resolution, its amendments and reporting the vote."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from documents.forms import AnswersForm
from documents.printing import PAPER_SIZES
from documents.widgets import IsoDateInput

from .models import AdoptionReport, Amendment
from .services import AMENDMENT_TEXT_MAX

PAPER_CHOICES = [("letter", _("Letter (US)")), ("a4", _("A4"))]


class AdaptForm(AnswersForm):
    """The answers, plus which of the person's locals this is for and the paper size."""

    def __init__(self, *args, locals_=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paper"] = forms.ChoiceField(
            label=_("Paper"), choices=PAPER_CHOICES, initial="letter", widget=forms.RadioSelect
        )
        self.fields["label"] = forms.CharField(
            label=_("Name of this draft"),
            help_text=_("The meeting or employer it is for, e.g. “March membership meeting”."),
            max_length=120,
            required=False,
        )
        if locals_:
            self.fields["local"] = forms.TypedChoiceField(
                label=_("Adapt for"),
                choices=[("", _("No local: just download"))]
                + [(str(local.pk), local.display_name + " · " + local.name) for local in locals_],
                coerce=int,
                empty_value=None,
                required=False,
            )

    def clean_paper(self):
        paper = self.cleaned_data["paper"]
        return paper if paper in PAPER_SIZES else "letter"


class ReportForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What did the meeting decide?"),
        choices=AdoptionReport.Outcome.choices,
        widget=forms.RadioSelect,
    )
    meeting_date = forms.DateField(label=_("Date of the meeting"), widget=IsoDateInput())
    body = forms.ChoiceField(label=_("Who voted"), choices=AdoptionReport.Body.choices)
    votes_for = forms.IntegerField(
        label=_("Votes for"), required=False, min_value=0, max_value=10_000_000
    )
    votes_against = forms.IntegerField(
        label=_("Votes against"), required=False, min_value=0, max_value=10_000_000
    )
    abstentions = forms.IntegerField(
        label=_("Abstentions"), required=False, min_value=0, max_value=10_000_000
    )
    visibility = forms.ChoiceField(
        label=_("Who may know"),
        choices=AdoptionReport.Visibility.choices,
        initial=AdoptionReport.Visibility.COUNTED,
        widget=forms.RadioSelect,
    )
    paper = forms.ChoiceField(
        label=_("Paper for the adopted text"), choices=PAPER_CHOICES, initial="letter"
    )

    moved_by = forms.CharField(label=_("Motion moved by"), max_length=120, required=False)
    seconded_by = forms.CharField(label=_("Seconded by"), max_length=120, required=False)

    field_order = [
        "outcome",
        "meeting_date",
        "body",
        "moved_by",
        "seconded_by",
        "votes_for",
        "votes_against",
        "abstentions",
    ]

    DECISIONS = [
        (Amendment.Status.ADOPTED, pgettext_lazy("amendment", "Adopted")),
        (Amendment.Status.REJECTED, pgettext_lazy("amendment", "Rejected")),
        (Amendment.Status.PROPOSED, _("Not voted on (tabled or referred)")),
    ]

    def __init__(self, *args, amendments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.amendment_list = list(amendments)
        for amendment in self.amendment_list:
            self.fields[f"amendment_{amendment.pk}"] = forms.ChoiceField(
                label=_("Amendment %(n)s") % {"n": amendment.position},
                choices=self.DECISIONS,
                widget=forms.RadioSelect,
            )

    @property
    def amendment_rows(self):
        return [(a, self[f"amendment_{a.pk}"]) for a in self.amendment_list]

    @property
    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("amendment_")]

    @classmethod
    def initial_from(cls, report, amendments) -> dict:
        """The form filled with a report's answers, to correct it."""
        initial = {
            name: getattr(report, name)
            for name in (
                "outcome",
                "meeting_date",
                "body",
                "votes_for",
                "votes_against",
                "abstentions",
                "visibility",
                "moved_by",
                "seconded_by",
            )
        }
        for amendment in amendments:
            initial[f"amendment_{amendment.pk}"] = amendment.status
        return initial

    def clean_meeting_date(self):
        value = self.cleaned_data["meeting_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The meeting date can't be in the future."))
        return value

    def decisions(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[f"amendment_{a.pk}"] for a in self.amendment_list}


class AmendmentForm(forms.Form):
    """An amendment as moved at the meeting, citing the printed line numbers."""

    kind = forms.ChoiceField(
        label=_("What it does"), choices=Amendment.Kind.choices, widget=forms.RadioSelect
    )
    first_line = forms.IntegerField(
        label=_("From line"),
        min_value=1,
        max_value=100_000,
        help_text=_("For an insertion: the line the new words go after."),
    )
    last_line = forms.IntegerField(
        label=_("To line"),
        min_value=1,
        max_value=100_000,
        required=False,
        help_text=_("Leave empty for a single line."),
    )
    new_text = forms.CharField(
        label=_("New words"),
        required=False,
        max_length=AMENDMENT_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The words put in. Leave empty to strike the cited words."),
    )
    moved_by = forms.CharField(label=_("Moved by"), max_length=120, required=False)
    seconded_by = forms.CharField(label=_("Seconded by"), max_length=120, required=False)
    committee_recommendation = forms.ChoiceField(
        label=_("Committee recommendation"),
        choices=Amendment.Recommendation.choices,
        initial=Amendment.Recommendation.NONE,
    )

    @classmethod
    def initial_from(cls, amendment) -> dict:
        return {
            name: getattr(amendment, name)
            for name in (
                "kind",
                "first_line",
                "last_line",
                "new_text",
                "moved_by",
                "seconded_by",
                "committee_recommendation",
            )
        }

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_line"), cleaned.get("last_line")
        if first is not None and last is not None and last < first:
            self.add_error("last_line", _("The last line comes after the first."))
        kind = cleaned.get("kind")
        text = (cleaned.get("new_text") or "").strip()
        if kind in (Amendment.Kind.REPLACE, Amendment.Kind.INSERT) and not text:
            self.add_error("new_text", _("Write the words the amendment puts in."))
        if kind == Amendment.Kind.DELETE and text:
            self.add_error(
                "new_text", _("Striking words puts none in: choose “Strike and replace”.")
            )
        return cleaned
