"""Retention keeps counts and deletes personal data; the demo seeds petitions once."""

import datetime
import io

import pytest
from django.utils import timezone

from petitions import selectors, services, tasks
from petitions.models import DeliveryPdf, PetitionCount, PetitionIndexPage, PetitionPage, Signature
from tests.petitions.conftest import make_petition


@pytest.mark.django_db
def test_retention_purge_anonymises_signers_after_closing_plus_retention_and_keeps_counts(home):
    today = timezone.localdate()
    expired = make_petition(
        home,
        slug="expired",
        translate=False,
        status=PetitionPage.Status.DELIVERED,
        closes_on=today - datetime.timedelta(days=31),
        retention_days=30,
    )
    kept = make_petition(
        home,
        slug="still-kept",
        translate=False,
        status=PetitionPage.Status.CLOSED,
        closes_on=today - datetime.timedelta(days=10),
        retention_days=30,
    )
    for page in (expired, kept):
        for i in range(3):
            Signature.objects.create(
                petition=page,
                name=f"Teresa Flores{i}",
                email=f"t{i}-{page.slug}@example.org",
                department="Packing",
                name_display="full",
                status="confirmed",
                confirmed_at=timezone.now(),
            )
        Signature.objects.create(petition=page, name="Pending P", email=f"p@{page.slug}.org")
        DeliveryPdf.objects.create(petition=page, state="done", pdf=b"%PDF names")
    services.counts_reconcile()

    assert tasks.retention_purge.delay().get() == 3

    gone = Signature.objects.filter(petition=expired)
    assert gone.count() == 3  # pending ones deleted, confirmed ones kept as anonymous rows
    assert set(gone.values_list("name", "email", "department")) == {("", None, "")}
    assert not DeliveryPdf.objects.filter(petition=expired).exists()
    assert PetitionCount.objects.get(petition=expired).purged_at is not None
    services.counts_reconcile()
    assert selectors.petition_tally(expired).count == 3
    # The other petition is still inside its retention period.
    assert Signature.objects.filter(petition=kept, email__isnull=False).count() == 4
    assert DeliveryPdf.objects.filter(petition=kept).exists()
    # Running it again changes nothing.
    assert services.retention_purge() == 0


@pytest.mark.django_db
def test_demo_seeds_three_listed_open_petitions_and_one_unlisted_in_both_languages_once(home):
    from demo import petitions as petitions_demo
    from demo.pages import seed_unions

    seed_unions()
    petitions_demo.seed(home=home, stdout=io.StringIO())
    petitions_demo.seed(home=home, stdout=io.StringIO())
    index = PetitionIndexPage.objects.get(locale__language_code="en")
    petitions = PetitionPage.objects.listed().child_of(index)
    assert petitions.count() == 3
    unlisted = PetitionPage.objects.child_of(index).unlisted()
    assert [p.shown_title for p in unlisted] == ["Blue Thermos"]
    assert all(p.is_open() for p in petitions)
    sealed = petitions.get(slug="fair-shift-bids-at-riverbend")
    for page in petitions:
        spanish = page.get_translation_or_none(
            PetitionIndexPage.objects.get(locale__language_code="es").locale
        )
        assert spanish is not None and spanish.live
        assert spanish.title != page.title
        signatures = Signature.objects.filter(petition=page)
        assert not signatures.filter(email__endswith="@unionhall.test").exists()
        assert selectors.petition_tally(page).count == signatures.filter(status="confirmed").count()
        if page.pk == sealed.pk:
            continue
        assert 150 <= signatures.count() <= 400
        assert signatures.filter(status="confirmed").count() > 100
    # The sealed one: threshold not reached, names hidden, headcounts on every department.
    assert sealed.seal_count() == 40 and sealed.workplace_headcount == 67
    assert not selectors.names_visible(sealed)
    assert selectors.petition_tally(sealed).recent == []
    assert selectors.delivery_names(sealed)[0] == []
    # 41 online on the unlisted petition, 14 on the sealed one.
    assert Signature.objects.filter(source="online").count() == 500 + 41 + 14
    # Two entered paper sheets on one petition, each signature with its sheet and row.
    paper = Signature.objects.filter(source="paper")
    assert paper.count() == 7 and not paper.filter(sheet__isnull=True).exists()
    assert paper.values("petition").distinct().count() == 1


@pytest.mark.django_db
def test_petition_page_in_spanish_is_translated(client, petition):
    body = client.get("/es" + petition.url).content.decode()
    assert "Agua fresca en cada puerta del muelle." in body
    assert "Firme esta petición" in body
    assert "¿Cómo quiere que aparezca su nombre?" in body
    assert "Solo los delegados y organizadores de" in body
    assert 'lang="es"' in body
