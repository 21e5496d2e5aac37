"""The OSDI API: its shapes follow the OSDI 1.2 documents, it pages, and it shows a local's
own data only, as each signer allowed."""

import pytest
from django.test import override_settings

from campaigns.models import Endorsement
from exchange import services
from exchange.models import ApiTokenUse
from petitions import services as petition_services
from petitions.models import PaperSheet, PetitionCount
from tests.campaigns.conftest import make_endorsement
from tests.factories import LocalFactory, organizer, steward
from tests.petitions.conftest import make_petition

from .conftest import sign, validate

pytestmark = pytest.mark.django_db


def embedded(response, rel: str) -> list[dict]:
    return response.json()["_embedded"][f"osdi:{rel}"]


def test_the_entry_point_follows_the_schema_and_links_each_collection(api):
    response = api()
    assert response["Content-Type"] == "application/hal+json"
    body = response.json()
    validate("aep", body)
    assert body["osdi_version"] == "1.2"
    assert body["_links"]["osdi:petitions"]["href"] == "http://testserver/osdi/v1/petitions"
    assert body["_links"]["curies"][0]["href"].endswith("/{rel}")
    assert "no-store" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]


def test_osdis_own_token_header_works_too(client, token):
    response = client.get("/osdi/v1/", HTTP_OSDI_API_TOKEN=token.raw)
    assert response.status_code == 200 and response.json()["vendor_name"] == "Union Hall"


def test_petitions_and_signatures_follow_the_schemas(api, petition):
    sign(petition, "Rosa Delgado", "rosa@example.org", display="initial", consent=True)
    sign(petition, "Ana Ruiz", "ana@example.org", display="hidden")
    sheet = PaperSheet.objects.create(petition=petition, number=7)
    sign(petition, "Paper Person", None, source="paper", sheet=sheet, sheet_row=3)
    petition_services.counts_refresh()
    listing = api("petitions")
    validate("collection", listing.json())
    [item] = embedded(listing, "petitions")
    validate("petition", item)
    assert item["identifiers"] == [f"unionhall:petition-{petition.pk}"]
    assert item["title"] == "Water at the dock"
    assert item["target"] == [{"name": "Acme site manager"}]
    assert item["total_signatures"] == 3
    assert item["browser_url"].endswith(petition.url)
    single = api(f"petitions/{petition.pk}").json()
    validate("petition", single)
    assert single == item
    signatures = api(f"petitions/{petition.pk}/signatures")
    validate("collection", signatures.json())
    rows = embedded(signatures, "signatures")
    for row in rows:
        validate("signature", row)
    rosa, ana, paper = rows
    assert rosa["_embedded"]["osdi:person"] == {
        "given_name": "Rosa",
        "family_name": "D.",
        "email_addresses": [{"address": "rosa@example.org", "primary": True}],
    }
    assert "_embedded" not in ana  # "do not show my name", and no consent: nothing at all
    assert paper["referrer_data"] == {"source": "paper", "referrer": "sheet-7"}
    one = api(f"petitions/{petition.pk}/signatures/{paper['identifiers'][0].split('-')[1]}")
    validate("signature", one.json())


def test_events_organizations_and_tags_follow_the_schemas(api, own_day):
    make_endorsement(own_day, organisation_type="union_local", pledge_level="job_action")
    make_endorsement(
        own_day, organisation_name="Waiting Org", status=Endorsement.Status.PENDING_REVIEW
    )
    events = api("events")
    validate("collection", events.json())
    [event] = embedded(events, "events")
    validate("event", event)
    assert event["title"] == "No work, no school, no shopping"
    assert event["all_day_date"] == own_day.date.isoformat()
    assert event["start_date"].startswith(own_day.date.isoformat() + "T00:00:00")
    assert event["timezone_identifier"] == "America/Los_Angeles"
    validate("event", api(f"events/{own_day.pk}").json())
    for path in ("organizations", f"events/{own_day.pk}/organizations"):
        organizations = api(path)
        validate("collection", organizations.json())
        [org] = embedded(organizations, "organizations")  # only the approved one
        validate("organization", org)
        assert org["organization"] == "Eastside Tenants Union"
        names = [t["tag_name"] for t in org["_embedded"]["osdi:taggings"]]
        assert names == ["Organisation type: Union local", "Pledge: Job action"]
    tags = api("tags")
    validate("collection", tags.json())
    for item in embedded(tags, "tags"):
        validate("tag", item)
    assert api("tags/pledge-mobilize").json()["name"] == "Pledge: Mobilize members"


def test_collections_page_with_next_and_prev_links(api, petition):
    for i in range(7):
        sign(petition, f"Worker Number{i}", f"w{i}@example.org")
    first = api(f"petitions/{petition.pk}/signatures?per_page=3").json()
    validate("collection", first)
    assert (first["page"], first["per_page"], first["total_records"], first["total_pages"]) == (
        1,
        3,
        7,
        3,
    )
    assert "prev" not in first["_links"]
    assert "page=2" in first["_links"]["next"]["href"]
    last = api(f"petitions/{petition.pk}/signatures?per_page=3&page=3").json()
    assert len(last["_embedded"]["osdi:signatures"]) == 1
    assert "next" not in last["_links"] and "page=2" in last["_links"]["prev"]["href"]
    assert api("tags?per_page=1000").json()["per_page"] == 100
    assert api("tags").json()["per_page"] == 25
    bad = api("tags?page=abc")
    assert bad.status_code == 400 and "whole numbers" in bad.json()["error"]


def test_a_signer_without_consent_never_shows_an_email(api, petition):
    sign(petition, "Bo Silent", "bo@example.org", display="full")
    sign(petition, "Cy Keen", "cy@example.org", display="full", consent=True)
    body = api(f"petitions/{petition.pk}/signatures").content.decode()
    assert "bo@example.org" not in body and "cy@example.org" in body
    assert "Bo" in body  # the name, as Bo chose to show it


def test_an_endorsement_without_consent_shows_no_contact(api, own_day):
    make_endorsement(own_day, contact_name="Lena Ortiz", contact_email="lena@eastside.example")
    make_endorsement(
        own_day,
        organisation_name="Keen Org",
        contact_name="Kim Keen",
        contact_email="kim@keen.example",
        contact_consent=True,
    )
    body = api("organizations").content.decode()
    assert "lena@eastside.example" not in body and "Lena" not in body
    assert "kim@keen.example" in body and "Kim Keen" in body


def test_another_locals_token_gets_a_json_404_for_this_locals_petition(client, petition, own_day):
    theirs = LocalFactory()
    other = services.api_token_create(local=theirs, name="x", created_by=organizer(theirs))
    auth = {"HTTP_AUTHORIZATION": f"Bearer {other.raw}"}
    for path in (
        f"petitions/{petition.pk}",
        f"petitions/{petition.pk}/signatures",
        f"events/{own_day.pk}",
    ):
        response = client.get("/osdi/v1/" + path, **auth)
        assert response.status_code == 404
        assert response.json() == {"error": "Not found."}
    assert client.get("/osdi/v1/petitions", **auth).json()["total_records"] == 0


def test_unlisted_petitions_are_hidden_from_every_collection(api, home, local, petition):
    hidden = make_petition(home, slug="quiet", local=local, code_name="Blue Kettle", unlisted=True)
    sign(hidden, "Una Seen", "una@example.org")
    listing = api("petitions").json()
    assert listing["total_records"] == 1
    assert listing["_embedded"]["osdi:petitions"][0]["title"] == "Water at the dock"
    assert api(f"petitions/{hidden.pk}").status_code == 404
    assert api(f"petitions/{hidden.pk}/signatures").status_code == 404


def test_a_sealed_petition_shows_its_count_and_no_signatures(api, petition):
    petition.seal_threshold = 50
    petition.save_revision().publish()
    sign(petition, "Sealed Person", "sealed@example.org", consent=True)
    petition_services.counts_refresh()
    assert PetitionCount.objects.get(petition=petition).confirmed == 1
    [item] = embedded(api("petitions"), "petitions")
    assert item["total_signatures"] == 1
    signatures = api(f"petitions/{petition.pk}/signatures")
    assert signatures.json()["total_records"] == 0
    assert "Sealed" not in signatures.content.decode()


def test_no_token_a_wrong_one_or_a_revoked_one_gets_a_json_401(client, token):
    missing = client.get("/osdi/v1/petitions")
    assert missing.status_code == 401 and "token is required" in missing.json()["error"]
    assert missing["WWW-Authenticate"].startswith("Bearer")
    wrong = client.get("/osdi/v1/petitions", HTTP_AUTHORIZATION="Bearer uh_nope")
    assert wrong.status_code == 401 and "not valid" in wrong.json()["error"]
    assert services.api_token_revoke(token=token.token)
    revoked = client.get("/osdi/v1/petitions", HTTP_AUTHORIZATION=f"Bearer {token.raw}")
    assert revoked.status_code == 401 and "revoked" in revoked.json()["error"]
    assert revoked["WWW-Authenticate"].startswith("Bearer")
    assert "no-store" in revoked["Cache-Control"]


@override_settings(EXCHANGE_TOKEN_LIMIT=3)
def test_past_its_rate_limit_a_token_gets_a_json_429_with_retry_after(api):
    assert [api("tags").status_code for _ in range(3)] == [200, 200, 200]
    refused = api("tags")
    assert refused.status_code == 429
    assert "Too many requests" in refused.json()["error"]
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert ApiTokenUse.objects.count() == 3  # a refused request is not a use


def test_each_use_is_recorded_with_its_path_and_no_address(api, token, petition):
    api(f"petitions/{petition.pk}?email=rosa@example.org", REMOTE_ADDR="203.0.113.9")
    use = ApiTokenUse.objects.get()
    assert use.token == token.token and use.path == f"/osdi/v1/petitions/{petition.pk}"
    fields = {f.name for f in ApiTokenUse._meta.get_fields()}
    assert fields == {"id", "token", "at", "path"}
    assert "203.0.113.9" not in str(ApiTokenUse.objects.values_list().get())
    token.token.refresh_from_db()
    assert token.token.last_used_at == use.at


def test_a_signer_without_consent_shows_no_email_in_the_api_nor_the_csv(client, api, petition):
    sign(petition, "Bo Silent", "bo@example.org")
    api_body = api(f"petitions/{petition.pk}/signatures").content.decode()
    client.force_login(steward(petition.local))
    csv_url = petition.url + petition.reverse_subpage("signers_csv").lstrip("/")
    csv_body = client.get(csv_url).content.decode()
    assert "Bo Silent" in csv_body and "Bo" in api_body
    assert "bo@example.org" not in api_body and "bo@example.org" not in csv_body
