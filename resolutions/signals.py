"""Signals: cached searches are forgotten when the library changes, and every library
sends its resolutions through review before they are published."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ResolutionIndexPage, ResolutionPage
from .selectors import library_changed


@receiver(page_published, sender=ResolutionPage)
@receiver(page_unpublished, sender=ResolutionPage)
@receiver(post_delete, sender=ResolutionPage)
def resolution_changed(sender, **kwargs):
    library_changed()


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, ResolutionPage):
        library_changed()


@receiver(post_save, sender=ResolutionIndexPage)
def library_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .services import review_workflow_ensure

        review_workflow_ensure(instance)
