"""The one date widget of every form: `<input type="date">` with an ISO value.

Django's DateInput formats its value with the active language's first input format, so a
Spanish page would get `01/12/2026`, which a date input rejects: the field shows empty and the
browser blocks the submit without a message. A date input only ever takes YYYY-MM-DD.
"""

from django import forms

ISO_DATE = "%Y-%m-%d"


class IsoDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=ISO_DATE)
