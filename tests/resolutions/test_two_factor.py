"""A saved adaptation may name the local's contacts: its stewards need two-factor first."""

import pytest

from documents.engine import Answers
from resolutions import services
from resolutions.models import Adaptation
from tests.documents.helpers import ANSWERS
from tests.factories import steward


@pytest.fixture
def saved(resolution, local, steward_user):
    return services.adaptation_save(
        user=steward_user, resolution=resolution, local=local, answers=Answers(values=ANSWERS)
    )


@pytest.mark.parametrize("suffix", ["", "pdf/", "docx/", "report/"])
def test_a_steward_without_two_factor_is_sent_to_set_it_up_before_a_saved_draft(
    client, local, saved, suffix
):
    client.force_login(steward(local, mfa=False))
    response = client.get(saved.url() + suffix)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    assert ANSWERS["employer"] not in response.content.decode()


def test_the_adapt_page_does_not_open_a_saved_draft_without_two_factor(
    client, resolution, local, saved
):
    client.force_login(steward(local, mfa=False))
    response = client.get(resolution.url + f"adapt/?adaptation={saved.pk}")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_a_steward_without_two_factor_cannot_change_a_saved_draft(client, local, saved):
    client.force_login(steward(local, mfa=False))
    response = client.post(saved.url(), {"action": "presented"})
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    assert Adaptation.objects.get(pk=saved.pk).status == Adaptation.Status.DRAFT


def test_the_resolution_page_lists_no_saved_drafts_without_two_factor(
    client, resolution, local, saved
):
    client.force_login(steward(local, mfa=False))
    html = client.get(resolution.url).content.decode()
    assert saved.url() not in html
    client.force_login(steward(local, mfa=True))
    assert saved.url() in client.get(resolution.url).content.decode()
