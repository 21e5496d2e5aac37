"""Keep the library's cached searches honest: any change to a live resolution forgets them."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ResolutionPage
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
