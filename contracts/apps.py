"""Model contract language and bargaining proposals."""

from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "contracts"
    verbose_name = "Contract language"

    def ready(self):
        from . import signals, views  # noqa: F401 (views declare the library's routes)

        signals.connect()
