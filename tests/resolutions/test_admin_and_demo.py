"""The editors' adoption overview, and the demo content (idempotent, on PostgreSQL)."""

import io

from django.urls import reverse

from resolutions.models import Adaptation, AdoptionReport, ResolutionPage
from tests.factories import UserFactory


def test_demo_seeds_five_bilingual_resolutions_with_reports_and_is_idempotent(
    home, settings, tmp_path
):
    from demo import resolutions as resolutions_demo
    from demo.pages import seed_unions, seed_users

    settings.MEDIA_ROOT = str(tmp_path)
    seed_users(seed_unions())
    resolutions_demo.seed(home=home, stdout=io.StringIO())
    resolutions_demo.seed(home=home, stdout=io.StringIO())
    assert ResolutionPage.objects.filter(locale__language_code="en").count() == 5
    assert ResolutionPage.objects.filter(locale__language_code="es").count() == 5
    assert Adaptation.objects.count() == len(resolutions_demo.ADAPTATIONS)
    assert AdoptionReport.objects.filter(visibility="public").exists()
    spanish = ResolutionPage.objects.get(locale__language_code="es", number="R-2027-01")
    assert spanish.title.startswith("Resolución")
    for page in ResolutionPage.objects.all():
        page.full_clean()  # every blank in every text is declared
    adopted = Adaptation.objects.exclude(adopted_pdf_sha256="")
    assert adopted.count() == 3


def test_editors_see_every_adaptation_in_the_admin(client, resolution, local, steward_user):
    from datetime import date

    from documents.engine import Answers
    from resolutions import services
    from tests.documents.helpers import ANSWERS

    adaptation = services.adaptation_save(
        user=steward_user, resolution=resolution, local=local, answers=Answers(values=ANSWERS)
    )
    services.adoption_report_create(
        user=steward_user,
        adaptation=adaptation,
        outcome="adopted",
        meeting_date=date(2026, 1, 5),
        body="membership",
        visibility="private",
    )
    admin = UserFactory(is_staff=True, is_superuser=True, mfa=True)
    client.force_login(admin)
    html = client.get(reverse("resolutions_adoptions")).content.decode()
    assert local.display_name in html and "Private" in html
    assert "adapted by 0, adopted by 0" in html
