"""Model resolutions, local adaptations and adoption reports."""

from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Resolutions"
