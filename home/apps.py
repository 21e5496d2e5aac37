"""Home page, standard pages, site settings, search, email and accounts."""

from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the Mailgun tracking receiver)
