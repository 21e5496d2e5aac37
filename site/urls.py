"""URL configuration: accounts, the admin behind allauth, webhooks, then Wagtail pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import health, language
from home import organize as organize_views
from home import views as home_views
from home.sitemaps import ListedSitemap


class AdminLoginRedirect(RedirectView):
    """The Wagtail admin's login goes through allauth, so its rate limits and MFA apply."""

    pattern_name = "account_login"
    query_string = True


urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": ListedSitemap}}, name="sitemap"),
    path("i18n/setlang/", set_language, name="set_language"),
    # `/` alone answers in the visitor's language (core.language); `/es/...` and every other
    # path carry theirs.
    path("", language.root, name="home_root"),
    path("language/<str:code>/", language.switch, name="language_switch"),
    path("anymail/", include("anymail.urls")),
    path("admin/login/", AdminLoginRedirect.as_view(), name="admin_login_redirect"),
    path(
        "admin/logout/",
        RedirectView.as_view(pattern_name="account_logout"),
        name="admin_logout_redirect",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("osdi/v1/", include("exchange.urls")),
]

urlpatterns += i18n_patterns(
    path("accounts/home/", home_views.account_home, name="account_home"),
    path("accounts/organize/", organize_views.organize, name="organize"),
    path("accounts/organize/api-tokens/", include("exchange.token_urls")),
    path("accounts/", include("allauth.urls")),
    path("search/", home_views.search, name="search"),
    # `<page>count.json` and `<page>tally.json`: Wagtail page paths can't hold a dot.
    path("", include("petitions.urls")),
    path("", include("campaigns.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
