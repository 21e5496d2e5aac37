"""The OSDI API, mounted at /osdi/v1/ (outside the language prefixes: an API has one address).
A trailing slash is optional, as OSDI clients write both."""

from django.urls import re_path

from . import api

app_name = "exchange"

urlpatterns = [
    re_path(r"^$", api.aep, name="aep"),
    re_path(r"^petitions/?$", api.petitions, name="petitions"),
    re_path(r"^petitions/(?P<pk>[0-9]{1,10})/?$", api.petition, name="petition"),
    re_path(r"^petitions/(?P<pk>[0-9]{1,10})/signatures/?$", api.signatures, name="signatures"),
    re_path(
        r"^petitions/(?P<pk>[0-9]{1,10})/signatures/(?P<signature_pk>[0-9]{1,12})/?$",
        api.signature,
        name="signature",
    ),
    re_path(r"^events/?$", api.events, name="events"),
    re_path(r"^events/(?P<pk>[0-9]{1,10})/?$", api.event, name="event"),
    re_path(
        r"^events/(?P<pk>[0-9]{1,10})/organizations/?$",
        api.event_organizations,
        name="event_organizations",
    ),
    re_path(r"^organizations/?$", api.organizations, name="organizations"),
    re_path(r"^organizations/(?P<pk>[0-9]{1,12})/?$", api.organization, name="organization"),
    re_path(r"^tags/?$", api.tags, name="tags"),
    re_path(r"^tags/(?P<tag_id>[a-z_-]{1,40})/?$", api.tag, name="tag"),
]
