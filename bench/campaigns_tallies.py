"""Days of action: tallies over 10,000 endorsements from 2,000 locals, and the organizer
dashboard. Budgets (DESIGN.md): tallies <= 20 ms, dashboard <= 150 ms. Figures are printed,
never asserted.

    .venv/bin/python bench/campaigns_tallies.py

Uses its own PostgreSQL database uh_bench_campaigns on the server DATABASE_URL names. Data is
created once and reused on later runs.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _common import setup_django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionhall.settings.test")

ENDORSEMENTS = 10_000
LOCALS = 2_000
AFFILIATIONS = 20
RUNS = 60


def setup_data():
    import datetime

    from django.utils import timezone
    from wagtail.models import Locale, Page

    from campaigns.models import DayOfActionPage, Endorsement
    from unions.models import Affiliation, Local

    day = DayOfActionPage.objects.filter(slug="bench-day").first()
    if day is not None and Endorsement.objects.filter(day=day).count() >= ENDORSEMENTS:
        return day
    rng = random.Random(42)
    Locale.objects.get_or_create(language_code="en")
    if day is None:
        parent = Page.get_first_root_node()
        day = DayOfActionPage(
            slug="bench-day", title="Bench day", date=timezone.localdate(), call="<p>Bench</p>"
        )
        parent.add_child(instance=day)
        day.save_revision().publish()
    Endorsement.objects.filter(day=day).delete()
    affiliations = Affiliation.objects.filter(name__startswith="Bench Union")
    if affiliations.count() < AFFILIATIONS:
        Affiliation.objects.bulk_create(
            [
                Affiliation(name=f"Bench Union {i}", short_name=f"BU{i}")
                for i in range(AFFILIATIONS)
            ],
            ignore_conflicts=True,
        )
        affiliations = Affiliation.objects.filter(name__startswith="Bench Union")
    affiliations = list(affiliations)
    regions = [f"Region {i}" for i in range(50)]
    if Local.objects.filter(affiliation__in=affiliations).count() < LOCALS:
        Local.objects.bulk_create(
            [
                Local(
                    affiliation=affiliations[i % AFFILIATIONS],
                    number=str(1000 + i),
                    name=f"Bench Local {i}",
                    city=f"City {i % 300}",
                    region=regions[i % 50],
                    members=rng.randrange(50, 5000),
                )
                for i in range(LOCALS)
            ],
            ignore_conflicts=True,
        )
    locals_ = list(Local.objects.filter(affiliation__in=affiliations)[:LOCALS])
    types = ["union_local", "labor_council", "community", "faith", "student", "other"]
    pledges = ["endorse", "promote", "mobilize", "job_action"]
    statuses = ["approved"] * 15 + ["pending_review"] * 3 + ["pending_confirmation", "rejected"]
    now = timezone.now()
    rows = []
    for i in range(ENDORSEMENTS):
        status = rng.choice(statuses)
        local = locals_[i % LOCALS] if i < LOCALS else None
        approved_at = (
            now - datetime.timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
            if status == "approved"
            else None
        )
        rows.append(
            Endorsement(
                day=day,
                identity_key=f"local:{local.pk}" if local else f"name:bench org {i}|city {i % 300}",
                local=local,
                affiliation=local.affiliation if local else None,
                affiliation_name=local.affiliation.name if local else "",
                local_number=local.number if local else "",
                organisation_name=local.display_name if local else f"Bench Org {i}",
                organisation_type="union_local" if local else rng.choice(types[1:]),
                city=f"City {i % 300}",
                region=local.region if local else rng.choice(regions),
                members_represented=rng.randrange(10, 5000),
                pledge_level=rng.choice(pledges),
                contact_email=f"c{i}@bench.example",
                status=status,
                approved_at=approved_at,
                link_secret="0" * 32,
            )
        )
    Endorsement.objects.bulk_create(rows, batch_size=2000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE campaigns_endorsement")
    return day


def bench_organizer():
    """An organizer with TOTP on, as the admin's MFA gate requires; reused between runs."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    from unions.models import Local, Role

    user, _created = get_user_model().objects.get_or_create(
        username="bench-organizer", defaults={"email": "bench-organizer@bench.example"}
    )
    local = Local.objects.filter(name__startswith="Bench Local").first()
    Role.objects.get_or_create(user=user, local=local, kind=Role.Kind.ORGANIZER)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, generate_totp_secret())
    return user


def timed(fn, runs=RUNS):
    fn()  # warm
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> int:
    setup_django("uh_bench_campaigns")

    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    from campaigns import selectors, services
    from campaigns.models import Endorsement

    day = setup_data()
    total = Endorsement.objects.filter(day=day).count()
    approved = Endorsement.objects.filter(day=day, status="approved").count()
    locals_in = Endorsement.objects.filter(day=day, local__isnull=False).count()
    print(f"data: {total} endorsements ({approved} approved), {locals_in} from known locals")

    median, p95 = timed(lambda: selectors.compute_public_tally(day.pk))
    print(
        f"tallies, uncached (one GROUPING SETS query): median {median:.1f} ms, p95 {p95:.1f} ms"
        "   budget <= 20 ms"
    )

    def cached():
        selectors.public_tally(day)

    cache.delete(f"campaigns:tally:v1:{day.pk}")
    median, p95 = timed(cached)
    print(
        f"tallies, cached (what the wall, JSON and counter use): median {median:.2f} ms, "
        f"p95 {p95:.2f} ms"
    )

    median, p95 = timed(lambda: selectors.dashboard(day, fresh=True))
    print(f"dashboard selectors, uncached: median {median:.1f} ms, p95 {p95:.1f} ms")

    user = bench_organizer()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = reverse("campaigns:dashboard", args=[day.pk])
    response = client.get(url)
    assert response.status_code == 200, response.status_code

    def cold():
        services.tally_invalidate(day_id=day.pk)  # as after an approval: nothing cached
        client.get(url)

    median, p95 = timed(cold, runs=30)
    print(
        f"dashboard page, uncached (admin, full request and render): median {median:.1f} ms, "
        f"p95 {p95:.1f} ms   budget <= 150 ms"
    )
    median, p95 = timed(lambda: client.get(url), runs=30)
    print(
        f"dashboard page, numbers cached (a refresh within 10 s): median {median:.1f} ms, "
        f"p95 {p95:.1f} ms"
    )
    median, p95 = timed(lambda: client.get(reverse("campaigns:days")), runs=30)
    print(f"for scale, a bare admin page (the days list): median {median:.1f} ms")

    public = Client(HTTP_HOST="localhost")
    public.get(day.url)
    median, p95 = timed(lambda: public.get(day.url), runs=30)
    print(
        f"public wall page (cached fragment, {approved} approved): median {median:.1f} ms, "
        f"p95 {p95:.1f} ms   (no budget set)"
    )

    from campaigns import imports

    lines = ["organisation,type,city,region,members,pledge,email"]
    lines += [
        f"Import Org {i},community,City {i % 300},Region {i % 50},{i % 900},mobilize,"
        f"i{i}@bench.example"
        for i in range(2000)
    ]
    sheet = "\n".join(lines)
    start = time.perf_counter()
    preview = imports.preview(day, sheet)
    took = time.perf_counter() - start
    print(
        f"import preview of 2,000 rows: {took * 1000:.0f} ms ({preview.new_count} new, "
        f"{preview.error_count} with errors)   (no budget set)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
