"""The organizer's form for a new API token."""

from django import forms
from django.utils.translation import gettext_lazy as _

from unions.models import Local


class ApiTokenForm(forms.Form):
    local = forms.ModelChoiceField(label=_("Local"), queryset=Local.objects.none())
    name = forms.CharField(
        label=_("What is it for?"),
        max_length=80,
        help_text=_("Such as “sync with our CRM”, so you know which token to revoke."),
    )

    def __init__(self, *args, locals_, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["local"].queryset = locals_
        if locals_.count() == 1:
            self.fields["local"].initial = locals_.first()

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Say what the token is for."))
        return name
