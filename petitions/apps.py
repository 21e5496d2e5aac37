"""Workplace petitions, signatures, counts and delivery."""

from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "petitions"
    verbose_name = "Petitions"

    def ready(self) -> None:
        from . import views  # noqa: F401 (declares the petition page's routes)
        from .sign_facts import connect_signals

        connect_signals()
