"""Forms for adapting a resolution and reporting the vote."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.forms import AnswersForm
from documents.printing import PAPER_SIZES
from documents.widgets import IsoDateInput

from .models import AdoptionReport
from .services import AMENDMENT_TEXT_MAX, Amendment

PAPER_CHOICES = [("letter", _("Letter (US)")), ("a4", _("A4"))]


class AdaptForm(AnswersForm):
    """The answers, plus which of the person's locals this is for and the paper size."""

    def __init__(self, *args, locals_=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["paper"] = forms.ChoiceField(
            label=_("Paper"), choices=PAPER_CHOICES, initial="letter", widget=forms.RadioSelect
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

    ACTIONS = [
        ("keep", _("Kept as written")),
        ("replace", _("Replaced by the text below")),
        ("delete", _("Deleted")),
        ("insert_after", _("Kept, and the text below added after it")),
    ]

    def __init__(self, *args, blocks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.blocks = list(blocks)
        for n, block in enumerate(self.blocks):
            self.fields[f"amend_{n}"] = forms.ChoiceField(
                label=_("Paragraph %(number)s") % {"number": block.number},
                choices=self.ACTIONS,
                initial="keep",
                required=False,
            )
            self.fields[f"amend_{n}_text"] = forms.CharField(
                label=_("Amended text for paragraph %(number)s") % {"number": block.number},
                required=False,
                max_length=AMENDMENT_TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    @property
    def amendment_rows(self):
        return [
            (block, self[f"amend_{n}"], self[f"amend_{n}_text"])
            for n, block in enumerate(self.blocks)
        ]

    @property
    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("amend_")]

    def clean_meeting_date(self):
        value = self.cleaned_data["meeting_date"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The meeting date can't be in the future."))
        return value

    def clean(self):
        cleaned = super().clean()
        for n in range(len(self.blocks)):
            action = cleaned.get(f"amend_{n}") or "keep"
            text = (cleaned.get(f"amend_{n}_text") or "").strip()
            if action in ("replace", "insert_after") and not text:
                self.add_error(f"amend_{n}_text", _("Write the text the meeting adopted."))
        return cleaned

    def amendments(self) -> list[Amendment]:
        result = []
        for n, block in enumerate(self.blocks):
            action = self.cleaned_data.get(f"amend_{n}") or "keep"
            if action != "keep":
                text = (self.cleaned_data.get(f"amend_{n}_text") or "").strip()
                result.append(Amendment(block=block.key, action=action, text=text))
        return result
