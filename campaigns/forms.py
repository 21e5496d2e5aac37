"""Forms for endorsing a day of action, managing an endorsement and reviewing them."""

import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import DayOfActionPage, Endorsement, OrganisationType, PledgeLevel
from .services import EndorsementData

ASCII_ID = re.compile(r"[0-9]{1,11}", re.ASCII)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def no_control_characters(value: str) -> None:
    if CONTROL_CHARACTERS.search(value or ""):
        raise forms.ValidationError(_("Remove the invisible control characters from this field."))


def text(label, *, max_length, required=True, help_text="", widget=None, min_length=None):
    return forms.CharField(
        label=label,
        max_length=max_length,
        min_length=min_length,
        required=required,
        help_text=help_text,
        widget=widget,
        validators=[no_control_characters],
    )


class EndorsementForm(forms.Form):
    organisation_name = text(_("Organisation name"), max_length=200, min_length=2)
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"), choices=OrganisationType.choices, widget=forms.RadioSelect
    )
    affiliation_name = text(
        _("Affiliation"),
        max_length=200,
        required=False,
        help_text=_("The international or national union, or the council, if any."),
        widget=forms.TextInput(attrs={"list": "campaigns-affiliations", "autocomplete": "off"}),
    )
    local_number = text(
        _("Local number"),
        max_length=20,
        required=False,
        help_text=_("For a union local, such as 1017."),
    )
    city = text(_("City"), max_length=120)
    region = text(_("Region or state"), max_length=120)
    members_represented = forms.IntegerField(
        label=_("Members represented"),
        min_value=0,
        max_value=10_000_000,
        required=False,
        help_text=_("Roughly how many members your organisation speaks for."),
    )
    pledge_level = forms.ChoiceField(
        label=_("Your pledge"), choices=PledgeLevel.choices, widget=forms.RadioSelect
    )
    statement = text(
        _("Public statement (optional)"),
        max_length=1000,
        required=False,
        help_text=_("Shown on the endorsers' wall. At most 1,000 characters."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    contact_name = text(
        _("Your name"),
        max_length=120,
        help_text=_("The person authorised to endorse. Never shown to the public."),
    )
    contact_title = text(
        _("Your title or role"), max_length=120, required=False, help_text=_("Such as president.")
    )
    contact_email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("We send a link to confirm. Never shown to the public."),
    )
    contact_consent = forms.BooleanField(
        label=_("The local may contact me about this campaign"), required=False
    )
    # A field people never see (hidden by CSS): bots fill it in, people don't.
    website = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, day: DayOfActionPage, **kwargs):
        super().__init__(*args, **kwargs)
        self.day = day
        self.fields["organisation_type"].choices = day.offered_types()
        self.fields["pledge_level"].choices = day.offered_pledges()
        self.fields["local_number"].validators.append(
            RegexValidator(r"^[#A-Za-z0-9 .\-]*$", _("Use only letters, digits and dashes."))
        )
        if not day.ask_members_represented:
            del self.fields["members_represented"]

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def to_data(self) -> EndorsementData:
        data = self.cleaned_data
        return EndorsementData(
            organisation_name=data["organisation_name"],
            organisation_type=data["organisation_type"],
            affiliation_name=data.get("affiliation_name", ""),
            local_number=data.get("local_number", ""),
            city=data["city"],
            region=data["region"],
            members_represented=data.get("members_represented"),
            pledge_level=data["pledge_level"],
            statement=data.get("statement", ""),
            contact_name=data["contact_name"],
            contact_title=data.get("contact_title", ""),
            contact_email=data["contact_email"],
            contact_consent=bool(data.get("contact_consent")),
        )


class RaisePledgeForm(forms.Form):
    pledge_level = forms.ChoiceField(label=_("New pledge"), widget=forms.RadioSelect)

    def __init__(self, *args, endorsement: Endorsement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pledge_level"].choices = endorsement.higher_pledges()


class ReviewFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses"))] + list(Endorsement.Status.choices),
    )
    organisation_type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types"))] + list(OrganisationType.choices),
    )
    pledge_level = forms.ChoiceField(
        label=_("Pledge"),
        required=False,
        choices=[("", _("All pledges"))] + list(PledgeLevel.choices),
    )
    region = forms.CharField(label=_("Region"), required=False, max_length=120)
    affiliation = forms.CharField(label=_("Affiliation"), required=False, max_length=200)
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class IdListField(forms.Field):
    widget = forms.MultipleHiddenInput
    default_error_messages = {"required": _("Tick at least one endorsement.")}

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        # ASCII digits only: str.isdigit also accepts "²" and "١", which int() refuses or
        # reads as another number.
        return [int(v) for v in values if isinstance(v, str) and ASCII_ID.fullmatch(v)]


class BulkReviewForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])
    ids = IdListField()
    reason = forms.CharField(
        label=_("Reason for rejecting (emailed to the contact)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason: it is sent to the organisation's contact."))
        return data


class ImportRowForm(EndorsementForm):
    """One spreadsheet row: the organizer vouches for it, so the contact is optional."""

    status = forms.ChoiceField(
        choices=[
            (Endorsement.Status.APPROVED, _("Approved")),
            (Endorsement.Status.PENDING_REVIEW, _("Pending review")),
        ]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_name"].required = False
        self.fields["contact_email"].required = False
        # Consent is the contact's own choice: an organizer's sheet can't give it (a new row
        # has none; a matching endorsement keeps the one its contact gave).
        del self.fields["contact_consent"]
        if "members_represented" not in self.fields:
            self.fields["members_represented"] = forms.IntegerField(
                min_value=0, max_value=10_000_000, required=False
            )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (CSV)"),
        help_text=_(
            "Columns: organisation, type, affiliation, local_number, city, region, "
            "members_represented, pledge_level, statement, contact_name, contact_title, "
            "contact_email, status. Save your sheet as CSV UTF-8."
        ),
    )


class ImportConfirmForm(forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput)
