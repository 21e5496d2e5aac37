"""What every app's forms share: a service's refusal shown where the user will see it."""

from django.core.exceptions import ValidationError


def add_service_error(form, error: ValidationError, *, prefix: str = "") -> None:
    """A service's ValidationError beside the field it names (`prefix` + the name, for forms
    whose fields carry a prefix), or at the top of the form when it names no field there."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            field = prefix + name
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
