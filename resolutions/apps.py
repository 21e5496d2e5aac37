"""Model resolutions, local adaptations and adoption reports."""

from django.apps import AppConfig

# The Wagtail workflow every resolution library (each language) sends its changes through.
REVIEW_WORKFLOW = "Resolution review"


class ResolutionsConfig(AppConfig):
    name = "resolutions"
    verbose_name = "Resolutions"

    def ready(self):
        from documents.search import library_signals_connect

        # Each module declares its page routes with core.routing.page_route.
        from . import amendments, bilingual, meetings, views  # noqa: F401
        from .models import ResolutionIndexPage, ResolutionPage

        library_signals_connect(
            text_model=ResolutionPage, library_model=ResolutionIndexPage, review=REVIEW_WORKFLOW
        )
