"""Keep the library's cached search results in step with what is published, and send every
new clause library (in each language) through review before its clauses are published."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move


def _invalidate(sender=None, **kwargs):
    from .selectors import search_invalidate

    search_invalidate()


def _library_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .services import review_workflow_ensure

        review_workflow_ensure(pages=[instance])


def connect() -> None:
    from .models import ClauseLibraryPage, ContractClausePage

    post_save.connect(_library_created, sender=ClauseLibraryPage, dispatch_uid="contracts-lib")

    page_published.connect(_invalidate, sender=ContractClausePage, dispatch_uid="contracts-pub")
    page_unpublished.connect(_invalidate, sender=ContractClausePage, dispatch_uid="contracts-unpub")
    post_delete.connect(_invalidate, sender=ContractClausePage, dispatch_uid="contracts-del")
    # A move can put a clause under a view restriction; the signal names no page class.
    post_page_move.connect(_invalidate, dispatch_uid="contracts-move")
    # A new or lifted view restriction changes which clauses are public.
    from wagtail.models import PageViewRestriction

    post_save.connect(_invalidate, sender=PageViewRestriction, dispatch_uid="contracts-pvr")
    post_delete.connect(_invalidate, sender=PageViewRestriction, dispatch_uid="contracts-pvr-d")
