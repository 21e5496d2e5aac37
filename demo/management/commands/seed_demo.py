"""Seed the demo: pages in English and Spanish, fictional locals, and demo logins."""

from django.core.management.base import BaseCommand

from demo.meetings import seed_meetings
from demo.pages import DEMO_PASSWORD, DEMO_TOTP_SECRET, seed_all


class Command(BaseCommand):
    help = "Create or complete the demo content. Safe to run more than once."

    def handle(self, *args, **options):
        logins = seed_all(self.stdout)
        seed_meetings(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for email, recovery_code in logins:
            self.stdout.write(f"  {email:28} recovery code: {recovery_code}")
        self.stdout.write(
            f"Two-factor: add the secret {DEMO_TOTP_SECRET} to an authenticator app, "
            "or use a recovery code."
        )
        self.stdout.write("Site: http://127.0.0.1:8000/   Admin: http://127.0.0.1:8000/admin/")
