"""The day of action as a Wagtail page: editing its options, search, translation, rate limit."""

import time

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from campaigns.models import DayOfActionPage, Endorsement
from core.formguard import token_issue
from tests.factories import UserFactory

from .test_endorse import FORM

pytestmark = pytest.mark.django_db


def test_editors_edit_the_form_options_as_checkboxes(client, day):
    client.force_login(UserFactory(mfa=True, is_superuser=True, is_staff=True))
    response = client.get(f"/admin/pages/{day.pk}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'type="checkbox" name="organisation_types" value="faith"' in body
    assert 'type="checkbox" name="pledge_levels" value="job_action"' in body


def test_options_must_be_known_and_origins_must_be_origins(day):
    day.organisation_types = []
    with pytest.raises(ValidationError) as error:
        day.full_clean()
    assert "organisation_types" in error.value.message_dict
    day.organisation_types = ["faith", "spaceship"]
    with pytest.raises(ValidationError):
        day.full_clean()
    day.organisation_types = ["faith"]
    day.counter_allowed_origins = "https://ok.example\njavascript:alert(1)"
    with pytest.raises(ValidationError) as error:
        day.full_clean()
    assert "counter_allowed_origins" in error.value.message_dict


def test_spanish_page_uses_the_options_set_on_the_english_page(client, day):
    day.organisation_types = ["student"]
    day.save_revision().publish()
    spanish = day.get_translation(Locale.objects.get(language_code="es")).specific
    assert spanish.source_day.pk == day.pk
    body = client.get(spanish.url + "endorse/").content.decode()
    assert 'value="student"' in body and 'value="faith"' not in body


def test_site_search_finds_the_day_by_its_call(client, day):
    response = client.get("/search/", {"q": "walk out together"})
    assert response.status_code == 200
    assert day.title in response.content.decode()


def test_index_lists_the_days(client, index, day):
    body = client.get(index.url).content.decode()
    assert day.title in body
    assert isinstance(day, DayOfActionPage)


def test_too_many_submissions_from_one_address_are_refused(client, day):
    # Twenty form loads from one address (each its own time-to-fill token), then one more.
    def form(name: str) -> dict:
        return {**FORM, "organisation_name": name, "started": token_issue(at=time.time() - 30)}

    for i in range(20):
        response = client.post(day.url + "endorse/", form(f"Org {i}"))
        assert response.status_code == 302
    response = client.post(day.url + "endorse/", form("One too many"))
    assert response.status_code == 200
    assert "Too many submissions" in response.content.decode()
    assert Endorsement.objects.count() == 20


def test_a_day_of_action_can_be_created_in_the_admin(client, index):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    client.force_login(UserFactory(mfa=True, is_superuser=True, is_staff=True))
    data = nested_form_data(
        {
            "title": "Walkout for our neighbours",
            "slug": "walkout",
            "date": "2027-05-01",
            "intro": "Everyone out at noon.",
            "call": rich_text("<p>We walk out together.</p>"),
            "demands": streamfield([("demand", {"title": "No raids at work", "detail": ""})]),
            "how_to_take_part": rich_text("<p>Sign on.</p>"),
            "endorsements_open": "on",
            "ask_members_represented": "on",
            "reminders_enabled": "on",
            "reminder_days_before": "2",
            "counter_allowed_origins": "",
            "action-publish": "publish",
        }
    )
    # Checkbox lists go as repeated keys, not as nested form data.
    data["organisation_types"] = ["union_local", "student"]
    data["pledge_levels"] = ["endorse", "job_action"]
    response = client.post(f"/admin/pages/add/campaigns/dayofactionpage/{index.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    page = DayOfActionPage.objects.get(slug="walkout")
    assert page.live
    assert page.organisation_types == ["union_local", "student"]
    assert page.pledge_levels == ["endorse", "job_action"]
    assert page.demands[0].value["title"] == "No raids at work"
