"""Forms for starting a proposal, answering its blanks, and recording its status."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.forms import ALTERNATIVE_PREFIX, OPTIONAL_PREFIX, AnswersForm
from documents.variables import profile_values
from documents.widgets import IsoDateInput

from .assembly import choice_ids, combined_body, shared_variables
from .models import BargainingProposal
from .services import EMPLOYER_MAX, INITIALS_MAX, TEXT_MAX, TITLE_MAX

PAPER_CHOICES = [("letter", _("Letter (US)")), ("a4", _("A4"))]
OTHER_EMPLOYER = "other"


class ProposalCreateForm(forms.Form):
    """Which local, which employer (one of the local's workplaces, or typed), the title and
    the language of the printed proposal."""

    local = forms.TypedChoiceField(label=_("Local"), coerce=int)
    workplace = forms.ChoiceField(
        label=_("Employer"),
        help_text=_("One of your local's workplaces, or another employer typed below."),
    )
    employer = forms.CharField(label=_("Another employer"), max_length=EMPLOYER_MAX, required=False)
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        required=False,
        help_text=_("Left blank: “Proposal to” and the employer's name."),
    )
    language = forms.ChoiceField(
        label=_("Language of the proposal"), choices=settings.LANGUAGES, initial="en"
    )

    def __init__(self, *args, locals_=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.locals_ = {local.pk: local for local in locals_}
        self.fields["local"].choices = [
            (local.pk, f"{local.display_name} · {local.name}") for local in locals_
        ]
        self.workplaces = {}
        choices = []
        for local in locals_:
            for workplace in local.workplaces.all():
                self.workplaces[str(workplace.pk)] = workplace
                choices.append((str(workplace.pk), f"{workplace} ({local.display_name})"))
        choices.append((OTHER_EMPLOYER, _("Another employer (type it below)")))
        self.fields["workplace"].choices = choices

    def clean(self):
        cleaned = super().clean()
        local = self.locals_.get(cleaned.get("local"))
        cleaned["local"] = local
        workplace_key = cleaned.get("workplace")
        workplace = self.workplaces.get(workplace_key)
        if workplace is not None and local is not None and workplace.local_id != local.pk:
            self.add_error("workplace", _("That workplace is not one of this local's."))
        if workplace_key == OTHER_EMPLOYER and not (cleaned.get("employer") or "").strip():
            self.add_error("employer", _("Name the employer."))
        cleaned["workplace"] = workplace
        return cleaned


class ProposalAnswersForm(AnswersForm):
    """One form for the whole proposal: each blank asked once however many clauses use it,
    and each clause's optional parts and alternatives grouped under its article."""

    def __init__(self, *args, proposal: BargainingProposal, clauses, answers=None, **kwargs):
        variables = shared_variables(clauses)
        super().__init__(
            *args,
            variables=variables,
            body=combined_body(clauses),
            values=profile_values(variables, local=proposal.local, employer=proposal.employer),
            answers=answers,
            **kwargs,
        )
        self.clauses = list(clauses)

    @property
    def articles(self):
        """(article number, clause, its choice fields) for clauses that have choices."""
        rows = []
        for number, clause in enumerate(self.clauses, start=1):
            ids = choice_ids(clause)
            fields = [
                self[name]
                for name in self.fields
                if name.startswith((OPTIONAL_PREFIX, ALTERNATIVE_PREFIX))
                and name.split("_", 1)[1] in ids
            ]
            if fields:
                rows.append((number, clause, fields))
        return rows


class ProposalStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (value, label)
            for value, label in BargainingProposal.Status.choices
            if value != BargainingProposal.Status.DRAFTED
        ],
    )
    on = forms.DateField(
        label=_("Date"),
        widget=IsoDateInput(),
        initial=timezone.localdate,
    )


class CounterForm(forms.Form):
    """A counter-proposal on one article: the employer's, typed from their paper, or the
    union's answer (prefilled with the text on the table)."""

    text = forms.CharField(
        label=_("Text of the article"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=TEXT_MAX,
    )
    exchanged_on = forms.DateField(
        label=_("Date on the table"), widget=IsoDateInput(), initial=timezone.localdate
    )


class TentativeAgreementForm(forms.Form):
    """Both sides initialled the text on the table."""

    ta_on = forms.DateField(label=_("TA date"), widget=IsoDateInput(), initial=timezone.localdate)
    union_initials = forms.CharField(
        label=_("Union's initials"), max_length=INITIALS_MAX, help_text=_("As written on the TA.")
    )
    employer_initials = forms.CharField(
        label=_("Employer's initials"),
        max_length=INITIALS_MAX,
        help_text=_("As written on the TA."),
    )
