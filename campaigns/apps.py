"""Days of action, endorsements and tallies."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Days of action")

    def ready(self) -> None:
        from . import signals, views  # noqa: F401 (views declare the day page's routes)
