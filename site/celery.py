"""The Celery application: tasks live in each app's tasks.py and run on Redis."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionhall.settings.dev")

app = Celery("unionhall")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
