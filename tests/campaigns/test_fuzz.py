"""Fuzzed input to the public form gets the day's form back with its errors; fuzzed links
get a 404 and the day's page still shows the day."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns.models import Endorsement

from .test_endorse import FORM

FIELDS = list(FORM) + ["website"]
junk = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(["", " ", "\x00", "=cmd|' /C calc'!A0", "9" * 40, "-1", "1e9", "<script>"]),
)


@pytest.mark.django_db
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(overrides=st.dictionaries(st.sampled_from(FIELDS), junk, max_size=len(FIELDS)))
def test_fuzzed_endorsement_form_never_500s(client, day, overrides):
    before = Endorsement.objects.count()
    response = client.post(day.url + "endorse/", {**FORM, **overrides})
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert Endorsement.objects.count() in (before, before + 1)
        return
    body = response.content.decode()
    assert Endorsement.objects.count() == before
    assert "No work, no school, no shopping" in body  # the day's form again, not a bare error
    assert 'class="errorlist' in body


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    token=st.text(alphabet="0123456789abcdef-", min_size=1, max_size=90),
    action=st.text(max_size=20),
    pledge=st.text(max_size=20),
    query=st.text(max_size=200),
)
def test_fuzzed_links_and_searches_never_500(client, day, token, action, pledge, query):
    response = client.post(
        day.url + f"endorsement/{token}/", {"action": action, "pledge_level": pledge}
    )
    assert response.status_code == 404
    page = client.get(day.url, {"q": query})
    assert page.status_code == 200
    assert "No work, no school, no shopping" in page.content.decode()
