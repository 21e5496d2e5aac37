"""Forms for signing, paper batches, signer filters and delivery PDFs."""

import csv
import io

from django import forms
from django.conf import settings
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from documents.widgets import IsoDateInput

from .models import PetitionPage, Signature
from .services import PaperRow
from .sign_facts import SigningFacts


class SignForm(forms.Form):
    """A signature: the minimum. Never immigration status, SSN or an employee id."""

    name = forms.CharField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your email"),
        max_length=254,
        help_text=_("We send you a link to confirm. Your email is never shown."),
    )
    department = forms.CharField(label=_("Department"), max_length=80, required=False)
    name_display = forms.ChoiceField(
        label=_("How should your name appear?"), widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Emails in"), choices=settings.LANGUAGES)
    # Off unless ticked: only then does the email leave Union Hall (exports, the API).
    contact_consent = forms.BooleanField(
        label=_("The local may contact me about this campaign"), required=False
    )
    # Offered only when the petition allows it (PetitionPage.conditional_signing).
    conditional = forms.BooleanField(
        label=_("Count my signature only once enough coworkers have signed"), required=False
    )
    waits_for = forms.IntegerField(
        label=_("How many coworkers, you included"),
        required=False,
        min_value=2,
        max_value=100_000,
    )
    # A field people never see (hidden by CSS, skipped by keyboard): bots fill it in.
    website = forms.CharField(label=_("Leave this empty"), required=False, max_length=200)

    def __init__(self, *args, petition: PetitionPage | SigningFacts, **kwargs):
        super().__init__(*args, **kwargs)
        self.petition = petition
        language = (
            petition.language
            if isinstance(petition, SigningFacts)
            else petition.locale.language_code
        )
        self.fields["language"].initial = language
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
        choices = []
        if petition.allow_full_name:
            choices.append((Signature.NameDisplay.FULL, Signature.NameDisplay.FULL.label))
        if petition.allow_initial:
            choices.append((Signature.NameDisplay.INITIAL, Signature.NameDisplay.INITIAL.label))
        choices.append((Signature.NameDisplay.HIDDEN, Signature.NameDisplay.HIDDEN.label))
        self.fields["name_display"].choices = choices
        self.fields["name_display"].initial = (
            Signature.NameDisplay.INITIAL
            if petition.allow_initial
            else Signature.NameDisplay.HIDDEN
        )
        if petition.conditional_signing:
            threshold = (
                petition.seal_threshold
                if isinstance(petition, SigningFacts)
                else petition.seal_count()
            )
            self.seal_threshold = threshold
            self.fields["waits_for"].widget.attrs.update({"inputmode": "numeric"})
            if threshold:
                self.fields["waits_for"].initial = threshold
                self.fields["waits_for"].help_text = _(
                    "Leave it empty to wait until %(n)s have signed, when names are unsealed."
                ) % {"n": threshold}
        else:
            del self.fields["conditional"]
            del self.fields["waits_for"]
        mode = petition.department_field
        if mode == PetitionPage.DepartmentField.NOT_ASKED:
            del self.fields["department"]
        else:
            self.fields["department"].required = mode == PetitionPage.DepartmentField.REQUIRED
            if petition.department_choices:
                self.fields["department"] = forms.ChoiceField(
                    label=_("Department"),
                    required=self.fields["department"].required,
                    choices=[("", _("Choose…"))] + petition.department_options(language),
                )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please write your name."))
        return name

    def clean(self):
        data = super().clean()
        if "conditional" not in self.fields:
            return data
        if not data.get("conditional"):
            data["waits_for"] = None
        elif not data.get("waits_for"):
            if self.seal_threshold:
                data["waits_for"] = self.seal_threshold
            elif "waits_for" not in self.errors:
                self.add_error(
                    "waits_for", _("Say how many coworkers must sign before yours counts.")
                )
        return data

    def is_bot(self) -> bool:
        """Filled the honeypot: a bot. Checked before anything else, answered quietly."""
        return bool(self.data.get("website"))


class PaperForm(forms.Form):
    """A batch of paper signatures, in two steps: the lines are checked and shown (nothing
    saved), then only the lines the steward ticks are saved. `previewed` is the fingerprint
    of what the steward saw, so a save never acts on lines or findings they did not see."""

    rows = forms.CharField(
        label=_("Signatures from the paper sheets"),
        help_text=_("One signer per line: name, email (optional), department (optional)."),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=200_000,
    )
    name_display = forms.ChoiceField(
        label=_("How these names appear"),
        choices=Signature.NameDisplay.choices,
        initial=Signature.NameDisplay.HIDDEN,
    )
    previewed = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def clean_rows(self) -> list[PaperRow]:
        parsed = []
        errors = []
        reader = csv.reader(io.StringIO(self.cleaned_data["rows"]))
        for number, cells in enumerate(reader, start=1):
            cells = [c.strip() for c in cells]
            if not any(cells):
                continue
            name = " ".join(cells[0].split())[:120]
            email = cells[1] if len(cells) > 1 else ""
            department = " ".join(cells[2].split())[:80] if len(cells) > 2 else ""
            if not name:
                errors.append(_("Line %(n)s has no name.") % {"n": number})
                continue
            if email:
                try:
                    validate_email(email)
                except forms.ValidationError:
                    errors.append(_("Line %(n)s: the email is not valid.") % {"n": number})
                    continue
            parsed.append(
                PaperRow(name=name, email=email[:254], department=department, line=number)
            )
        if errors:
            raise forms.ValidationError(errors[:20])
        if not parsed:
            raise forms.ValidationError(_("No signatures found."))
        return parsed

    @property
    def kept_lines(self) -> set[int]:
        """The lines ticked to be saved."""
        return {int(v) for v in self.data.getlist("keep") if str(v).isdigit()}

    def wants_save(self) -> bool:
        return self.data.get("action") == "save"


class SignerFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any"))] + Signature.Status.choices
    )
    source = forms.ChoiceField(
        label=_("Collected"), required=False, choices=[("", _("Any"))] + Signature.Source.choices
    )
    department = forms.CharField(label=_("Department"), required=False, max_length=80)
    q = forms.CharField(label=_("Name or email contains"), required=False, max_length=120)


class DeliveryForm(forms.Form):
    count_only = forms.BooleanField(label=_("Count only: list no names"), required=False)
    with_departments = forms.BooleanField(
        label=_("Include the counts by department"),
        required=False,
        help_text=_("Departments with fewer than %(n)s confirmed signatures show no exact count."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, petition: PetitionPage, **kwargs):
        super().__init__(*args, **kwargs)
        # Signers were told whether management sees a department table; a PDF can
        # leave it out, never add it against that promise.
        if petition.departments_shown_to_target:
            from .selectors import MIN_CELL

            field = self.fields["with_departments"]
            field.help_text = field.help_text % {"n": MIN_CELL}
        else:
            del self.fields["with_departments"]


PAPER_CHOICES = [("letter", _("Letter")), ("a4", _("A4"))]


class CardsForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("en", _("English")), ("es", _("Spanish")), ("both", _("Both on each card"))],
        error_messages={"invalid_choice": _("Choose English, Spanish or both.")},
    )
    paper = forms.ChoiceField(label=_("Paper"), choices=PAPER_CHOICES)


class SheetPrintForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many sheets"),
        min_value=1,
        max_value=50,
        initial=5,
        error_messages={
            "min_value": _("Print between 1 and 50 sheets at a time."),
            "max_value": _("Print between 1 and 50 sheets at a time."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        error_messages={"invalid_choice": _("Choose English or Spanish.")},
    )
    paper = forms.ChoiceField(label=_("Paper"), choices=PAPER_CHOICES)


class SheetForm(forms.Form):
    """One returned sheet, in two steps as for pasted batches: the rows are checked and
    shown (nothing saved), then only the ticked rows are saved, with the sheet's record."""

    collected_by = forms.CharField(label=_("Who collected this sheet"), max_length=120)
    collected_on = forms.DateField(
        label=_("Collected on"),
        widget=IsoDateInput(),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")},
    )
    previewed = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, rows: int, displays: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.row_numbers = range(1, rows + 1)
        self.displays = displays
        for n in self.row_numbers:
            self.fields[f"name_{n}"] = forms.CharField(
                label=_("Row %(n)s: name") % {"n": n}, max_length=120, required=False
            )
            self.fields[f"email_{n}"] = forms.CharField(
                label=_("Row %(n)s: email") % {"n": n}, max_length=254, required=False
            )
            self.fields[f"department_{n}"] = forms.CharField(
                label=_("Row %(n)s: department") % {"n": n}, max_length=80, required=False
            )
            self.fields[f"display_{n}"] = forms.ChoiceField(
                label=_("Row %(n)s: show the name as") % {"n": n},
                choices=displays,
                initial=Signature.NameDisplay.HIDDEN,
                required=False,
            )

        # The rows are a table: each input is named by its row and column for a screen reader.
        for name in self.fields:
            if name.split("_")[0] in ("name", "email", "department", "display"):
                field = self.fields[name]
                field.widget.attrs["aria-label"] = str(field.label)

    def row_fields(self):
        """(number, name, email, department, display) bound fields, for the template."""
        return [
            (n, *(self[f"{part}_{n}"] for part in ("name", "email", "department", "display")))
            for n in self.row_numbers
        ]

    def clean(self):
        data = super().clean()
        rows, errors = [], []
        allowed = {value for value, _label in self.displays}
        for n in self.row_numbers:
            name = " ".join((data.get(f"name_{n}") or "").split())
            email = (data.get(f"email_{n}") or "").strip()
            department = " ".join((data.get(f"department_{n}") or "").split())
            display = data.get(f"display_{n}") or Signature.NameDisplay.HIDDEN
            if not (name or email or department):
                continue
            if not name:
                errors.append(_("Row %(n)s has no name.") % {"n": n})
                continue
            if email:
                try:
                    validate_email(email)
                except forms.ValidationError:
                    errors.append(_("Row %(n)s: the email is not valid.") % {"n": n})
                    continue
            if display not in allowed:  # a petition that does not allow full names
                display = Signature.NameDisplay.HIDDEN
            rows.append(
                PaperRow(
                    name=name, email=email, department=department, line=n, name_display=display
                )
            )
        if errors:
            raise forms.ValidationError(errors)
        if not rows and not self.errors:
            raise forms.ValidationError(_("No rows filled in: write at least one name."))
        data["rows"] = rows
        return data

    @property
    def kept_rows(self) -> set[int]:
        return {int(v) for v in self.data.getlist("keep") if str(v).isdigit()}

    def wants_save(self) -> bool:
        return self.data.get("action") == "save"
