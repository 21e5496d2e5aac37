"""The home page, standard pages, site settings, site search and the organize page."""

from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"
