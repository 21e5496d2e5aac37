"""The petition index: each listed petition with its count, goal and closing date, read
from the cached tallies at a cost that does not grow with the number of petitions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from petitions import services
from petitions.models import PetitionPage, Signature
from tests.petitions.conftest import make_petition

pytestmark = pytest.mark.django_db


def confirmed(page, n):
    Signature.objects.bulk_create(
        Signature(
            petition=page,
            name=f"Signer {i}",
            email=f"s{i}-{page.pk}@example.org",
            status=Signature.Status.CONFIRMED,
        )
        for i in range(n)
    )


def test_index_shows_count_goal_and_closing_date_in_both_languages(client, home):
    page = make_petition(home, goal=250, closes_on=datetime.date(2031, 3, 14))
    confirmed(page, 7)
    services.counts_reconcile()
    html = client.get(page.get_parent().url).content.decode()
    assert "<strong>7</strong> signatures of 250" in html
    assert "Closes March 14, 2031" in html
    html_es = client.get(spanish_index(page).url).content.decode()
    assert "<strong>7</strong> firmas de 250" in html_es
    assert "Cierra el 14 de marzo de 2031" in html_es


def test_closed_petitions_show_their_count_and_date(client, home):
    page = make_petition(
        home, goal=40, closes_on=datetime.date(2030, 1, 2), status=PetitionPage.Status.CLOSED
    )
    confirmed(page, 3)
    services.counts_reconcile()
    html = client.get(page.get_parent().url).content.decode()
    assert "3 signatures of 40" in html
    assert "Closing date: Jan. 2, 2030" in html


def spanish_index(page):
    from wagtail.models import Locale

    return page.get_parent().get_translation(Locale.objects.get(language_code="es"))


def index_queries(client, url) -> int:
    client.get(url)  # warm what is cached once per process (site root, source ids)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("spanish", [False, True])
def test_index_queries_do_not_grow_with_the_number_of_petitions(client, home, spanish):
    first = make_petition(home, slug="p0")
    services.counts_reconcile()
    url = spanish_index(first).url if spanish else first.get_parent().url
    few = index_queries(client, url)
    for n in range(1, 8):
        page = make_petition(home, slug=f"p{n}", closes_on=datetime.date(2031, 1, n))
        confirmed(page, n)
    services.counts_reconcile()
    from django.core.cache import cache

    cache.clear()  # the tallies come from the stored aggregates in one query
    many = index_queries(client, url)
    assert many <= few, (few, many)
    html = client.get(url).content.decode()
    assert html.count("petition-card__count") == 8
    assert ("Agua en el muelle" if spanish else first.title) in html


@pytest.mark.parametrize("cached", [True, False])
def test_index_queries_do_not_grow_with_the_number_of_sealed_petitions(client, home, cached):
    """A sealed petition's tally says whether names are sealed without asking the database:
    the cached entry (or the stored aggregate read for all petitions at once) carries when
    the threshold was reached."""
    first = make_petition(home, slug="p0", seal_threshold=100)
    services.counts_reconcile()
    url = first.get_parent().url
    few = index_queries(client, url)
    for n in range(1, 8):
        page = make_petition(home, slug=f"p{n}", seal_threshold=100)
        confirmed(page, n)
    services.counts_reconcile()
    if not cached:
        from django.core.cache import cache

        cache.clear()
    many = index_queries(client, url)
    assert many <= few, (few, many)
    html = client.get(url).content.decode()
    assert html.count("petition-card__count") == 8
    assert "Signer 1" not in html
