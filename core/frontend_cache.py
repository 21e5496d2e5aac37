"""Purging on publish: one signal handler feeds every configured cache (Wagtail's frontend
cache backends: the page cache in Redis, Varnish, a CDN).

When a page is published, unpublished, moved or deleted, its URL, its translations' URLs and
its parent index's URLs are purged, after the transaction commits (a purge before the commit
would let a request cache the old page again).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import pre_delete
from django.utils.cache import _generate_cache_header_key, get_cache_key
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from .pagecache import path_key_request


class PageCacheBackend(BaseBackend):
    """Deletes a URL's entries from core.pagecache (Django's cache middleware), whatever its
    query string or Vary variant: without the learned header list no old entry is found."""

    def purge(self, url: str) -> None:
        cache = caches[settings.CACHE_MIDDLEWARE_ALIAS]
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        request = path_key_request(path)
        prefix = settings.CACHE_MIDDLEWARE_KEY_PREFIX
        keys = [_generate_cache_header_key(prefix, request)]
        for method in ("GET", "HEAD"):
            if key := get_cache_key(request, prefix, method, cache=cache):
                keys.append(key)
        cache.delete_many(keys)


def _pages_touched_by(page: Page) -> list[Page]:
    """The page, its translations, and the index each of them is listed on."""
    pages = list(page.get_translations(inclusive=True).live()) or [page]
    if page not in pages:
        pages.append(page)
    parents = [p.get_parent() for p in pages]
    return pages + [p for p in parents if p is not None and p.depth > 1]


def _purge_on_commit(batch: PurgeBatch) -> None:
    if batch.urls:
        transaction.on_commit(batch.purge)


# What a cache holds beside a page's own URL, by page type: its dotted files (routed by the
# apps' urls.py, core.routing) and its embeds. An edit (a new title, a moved date) shows in
# them at once instead of after their max-age. Labels, not classes: core imports no app.
ALSO_CACHED: dict[str, tuple[str, ...]] = {
    "campaigns.dayofactionindexpage": ("calendar.ics",),
    "campaigns.dayofactionpage": ("calendar.ics", "calendar/", "tally.json", "counter/"),
    "petitions.petitionpage": ("count.json", "counter/"),
}


def _batch_for(pages: list[Page]) -> PurgeBatch:
    batch = PurgeBatch()
    for page in pages:
        # A page that is no longer live still has the URL a cache may be holding.
        if page.get_url() is not None:
            batch.add_page(page)
            url = page.get_full_url()
            for path in ALSO_CACHED.get(page.specific_class._meta.label_lower, ()):
                batch.add_url(url + path)
    return batch


def page_changed(sender, instance: Page, **kwargs) -> None:
    """Published or unpublished."""
    _purge_on_commit(_batch_for(_pages_touched_by(instance)))


def page_moving(sender, instance: Page, parent_page_before: Page, **kwargs) -> None:
    # The old URL and the old index: computed now, while the page still sits there.
    _purge_on_commit(_batch_for([instance, parent_page_before]))


def page_moved(sender, instance: Page, parent_page_after: Page, **kwargs) -> None:
    _purge_on_commit(_batch_for([*_pages_touched_by(instance), parent_page_after]))


def page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and instance.live:
        _purge_on_commit(_batch_for(_pages_touched_by(instance)))


def connect() -> None:
    page_published.connect(page_changed, dispatch_uid="core.frontend_cache.published")
    page_unpublished.connect(page_changed, dispatch_uid="core.frontend_cache.unpublished")
    pre_page_move.connect(page_moving, dispatch_uid="core.frontend_cache.moving")
    post_page_move.connect(page_moved, dispatch_uid="core.frontend_cache.moved")
    # pre_delete: the page's URL is gone once the row is.
    pre_delete.connect(page_deleted, dispatch_uid="core.frontend_cache.deleted")
