from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    """Data exchange: a read-only OSDI 1.2 API for a local's own petitions and days of action,
    reached with the local's API tokens."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "exchange"
    verbose_name = _("Exchanging data")
