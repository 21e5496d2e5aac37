"""The demo: fictional locals, pages and logins, loaded by `manage.py seed_demo`.

No app imports this package; it imports the apps, the way a user of them would."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = "Demo content"
