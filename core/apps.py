"""The shared core as a Django app: its one table, and signal handlers connected at start-up."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import frontend_cache

        frontend_cache.connect()

        from . import webhooks  # noqa: F401  (connects the Mailgun tracking receiver)

        # Every log record made from here on is redacted where it is made (core.logging).
        from .logging import install

        install()
