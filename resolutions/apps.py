"""Model resolutions, local adaptations and adoption reports."""

from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Resolutions"

    def ready(self):
        from . import signals  # noqa: F401  (connects the library's cache to publishing)
