"""The organizer's API tokens page, under the language prefixes like the rest of the desk."""

from django.urls import path

from . import views

app_name = "exchange_tokens"

urlpatterns = [
    path("", views.tokens, name="tokens"),
    path("<int:pk>/revoke/", views.revoke, name="revoke"),
]
