"""The form that plans a meeting: which local's body meets, when and where."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from documents.widgets import IsoDateInput

from .meeting_services import PLACE_MAX, TITLE_MAX
from .models import AdoptionReport


class MeetingForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the meeting"),
        help_text=_("As the agenda calls it, e.g. “March membership meeting”."),
        max_length=TITLE_MAX,
    )
    body = forms.ChoiceField(label=_("Who meets"), choices=AdoptionReport.Body.choices)
    date = forms.DateField(label=_("Date of the meeting"), widget=IsoDateInput())
    place = forms.CharField(
        label=_("Place"),
        help_text=_("Optional, e.g. “Union hall, 2nd floor”."),
        max_length=PLACE_MAX,
        required=False,
    )

    def __init__(self, *args, locals_=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.locals_ = {local.pk: local for local in locals_}
        if len(self.locals_) > 1:
            self.fields["local"] = forms.TypedChoiceField(
                label=_("Local"),
                choices=[("", "—")]
                + [
                    (str(pk), f"{local.display_name} · {local.name}")
                    for pk, local in self.locals_.items()
                ],
                coerce=int,
            )
            self.order_fields(["local"])

    def chosen_local(self):
        """The local the meeting is for: the person's only one, or the one they picked."""
        if "local" in self.fields:
            return self.locals_.get(self.cleaned_data.get("local"))
        return next(iter(self.locals_.values()), None)
