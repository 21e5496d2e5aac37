"""The sitemap at /sitemap.xml: every live public page except unlisted petitions."""

from wagtail.contrib.sitemaps import Sitemap

from petitions.models import PetitionPage


class ListedSitemap(Sitemap):
    """Wagtail's sitemap of the site's pages, without any unlisted petition or its
    translations (each also answers no URLs: PetitionPage.get_sitemap_urls)."""

    def items(self):
        return super().items().exclude(pk__in=PetitionPage.objects.unlisted().values("pk"))
