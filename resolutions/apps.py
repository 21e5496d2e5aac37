"""Model resolutions, local adaptations and adoption reports."""

from django.apps import AppConfig


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Resolutions"

    def ready(self):
        # signals connect the library's cache to publishing; views declare the page routes.
        from . import signals, views  # noqa: F401
