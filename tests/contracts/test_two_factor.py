"""A bargaining proposal may name the local's contacts: its stewards need two-factor first."""

import pytest

from contracts.models import BargainingProposal
from tests.factories import steward

pytestmark = pytest.mark.django_db

BASE = "/contract-language/proposals/"


@pytest.mark.parametrize("suffix", ["", "{pk}/", "{pk}/pdf/", "{pk}/docx/"])
def test_a_steward_without_two_factor_is_sent_to_set_it_up_before_a_proposal(
    client, local, proposal, suffix
):
    client.force_login(steward(local, mfa=False))
    response = client.get(BASE + suffix.format(pk=proposal.pk))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    assert "Quickline" not in response.content.decode()


def test_a_steward_without_two_factor_cannot_change_a_proposal(
    client, local, proposal, warrant_clause
):
    client.force_login(steward(local, mfa=False))
    response = client.post(
        f"{BASE}{proposal.pk}/clauses/", {"action": "add", "clause": warrant_clause.pk}
    )
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    response = client.post(
        f"{BASE}{proposal.pk}/status/", {"status": "proposed", "date": "2026-02-01"}
    )
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    proposal = BargainingProposal.objects.get(pk=proposal.pk)
    assert proposal.items.count() == 0
    assert proposal.status == BargainingProposal.Status.DRAFTED


def test_the_library_does_not_list_proposals_without_two_factor(client, library, local, proposal):
    client.force_login(steward(local, mfa=False))
    html = client.get("/contract-language/").content.decode()
    assert "Proposal to Quickline Logistics" not in html
    client.force_login(steward(local, mfa=True))
    assert "Proposal to Quickline Logistics" in client.get("/contract-language/").content.decode()
