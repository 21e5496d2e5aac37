"""The public wall of endorsers in pages of 25: `?page=N`, translated links, no 500."""

import pytest

from campaigns import selectors
from campaigns.models import Endorsement

from .conftest import make_endorsement

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd(day):
    """30 union locals (Local 101 to Local 130) and two faith groups, all approved."""
    for n in range(101, 131):
        make_endorsement(day, organisation_name=f"Local {n}", organisation_type="union_local")
    for name in ("Faith Circle East", "Faith Circle West"):
        make_endorsement(day, organisation_name=name, organisation_type="faith")
    make_endorsement(
        day, organisation_name="Local 999 Waiting", status=Endorsement.Status.PENDING_REVIEW
    )
    return day


def names_on(body: str) -> list[str]:
    marker = 'class="campaigns-endorser__name">'
    return [part.split("<", 1)[0] for part in body.split(marker)[1:]]


def test_page_two_starts_at_the_26th_endorser(client, crowd):
    first = client.get(crowd.url).content.decode()
    assert names_on(first) == [f"Local {n}" for n in range(101, 126)]
    assert "Page 1 of 2" in first
    assert 'rel="next" href="?page=2#wall-heading">Next</a>' in first
    # The faith groups are on page 2; the list of types says where.
    assert 'href="?page=2#type-faith">' in first

    second = client.get(crowd.url, {"page": "2"}).content.decode()
    assert names_on(second) == [f"Local {n}" for n in range(126, 131)] + [
        "Faith Circle East",
        "Faith Circle West",
    ]
    assert "Local 101" not in second
    assert "Local 999 Waiting" not in second
    assert "Page 2 of 2" in second
    assert 'rel="prev" href="?#wall-heading">Previous</a>' in second
    assert 'rel="next"' not in second
    # Each type's count is over the whole wall, on every page.
    assert '<h3>Union local <span class="campaigns-count">30</span></h3>' in second


def test_spanish_wall_pages_are_in_spanish(client, crowd):
    body = client.get(crowd.localized_for("es").url, {"page": "2"}).content.decode()
    assert "Página 2 de 2" in body
    assert ">Anterior</a>" in body
    assert names_on(body)[0] == "Local 126"


@pytest.mark.parametrize("value", ["abc", "0", "-1", "", "1.5", "٢", "9999999", "2 OR 1=1"])
def test_a_page_value_that_is_not_a_page_number_shows_the_first_page(client, crowd, value):
    response = client.get(crowd.url, {"page": value})
    assert response.status_code == 200
    assert names_on(response.content.decode())[0] == "Local 101"


@pytest.mark.parametrize("value", ["3", "400000"])
def test_a_page_past_the_last_is_a_404(client, crowd, value):
    response = client.get(crowd.url, {"page": value})
    assert response.status_code == 404
    assert b"Local 101" not in response.content


def test_a_list_of_page_values_is_not_an_error(client, crowd):
    response = client.get(crowd.url + "?page=2&page=x")
    assert response.status_code == 200
    assert names_on(response.content.decode())[0] == "Local 101"


def test_search_results_are_paged_and_the_links_keep_the_search(client, crowd):
    first = client.get(crowd.url, {"q": "local 1"}).content.decode()
    assert len(names_on(first)) == 25
    assert 'href="?q=local%201&amp;page=2#wall-heading">Next</a>' in first
    second = client.get(crowd.url, {"q": "local 1", "page": "2"}).content.decode()
    assert names_on(second) == [f"Local {n}" for n in range(126, 131)]
    assert client.get(crowd.url, {"q": "local 1", "page": "3"}).status_code == 404


def test_every_page_of_the_wall_stays_cacheable(client, crowd):
    response = client.get(crowd.url, {"page": "2"})
    assert "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    assert not response.cookies
    assert "Local 126" in response.content.decode()


def test_a_short_wall_has_one_page_and_no_page_links(client, day):
    make_endorsement(day, organisation_name="Harbor Nurses")
    body = client.get(day.url).content.decode()
    assert names_on(body) == ["Harbor Nurses"]
    assert "Page 1 of" not in body
    assert client.get(day.url, {"page": "2"}).status_code == 404


def test_wall_page_selector_groups_the_page_and_counts_the_whole_wall(crowd):
    page = selectors.wall_page(crowd, "", 2)
    assert [g["key"] for g in page["groups"]] == ["union_local", "faith"]
    assert [t["first_page"] for t in page["types"]] == [1, 2]
    assert page["total"] == 32 and page["pages"] == 2
    assert [e["organisation_name"] for e in page["groups"][1]["endorsements"]] == [
        "Faith Circle East",
        "Faith Circle West",
    ]
