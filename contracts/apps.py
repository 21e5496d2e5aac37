"""Model contract language and bargaining proposals."""

from django.apps import AppConfig

# The Wagtail workflow every clause library (each language) sends its changes through.
REVIEW_WORKFLOW = "Contract language review"


class ContractsConfig(AppConfig):
    name = "contracts"
    verbose_name = "Contract language"

    def ready(self):
        from documents.search import library_signals_connect

        from . import views  # noqa: F401 (views declare the library's routes)
        from .models import ClauseLibraryPage, ContractClausePage

        library_signals_connect(
            text_model=ContractClausePage, library_model=ClauseLibraryPage, review=REVIEW_WORKFLOW
        )
