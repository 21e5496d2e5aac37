"""Wagtail hooks of the shared core: the cache policy learns which page answered."""

from wagtail import hooks

from .cache import record_served_page

hooks.register("before_serve_page", record_served_page)
