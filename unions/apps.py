"""Affiliations, locals, workplaces and the roles people hold in them."""

from django.apps import AppConfig


class UnionsConfig(AppConfig):
    name = "unions"
    verbose_name = "Unions"
