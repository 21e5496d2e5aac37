"""Adapting: anonymous downloads store nothing; stewards save drafts for their own locals."""

import io
import re

from docx import Document

from resolutions.models import Adaptation
from tests.factories import LocalFactory, UserFactory, steward
from tests.helpers import pdf_text

from .helpers import adapt_data, pages


def adapt_url(resolution):
    return resolution.url + resolution.reverse_subpage("adapt")


def test_anonymous_preview_shows_text_and_marked_changes(client, resolution):
    response = client.post(adapt_url(resolution), adapt_data())
    assert response.status_code == 200
    html = response.content.decode()
    assert "<ins>UHCW Local 1017</ins>" in html
    assert "<del>[Local]</del>" in html
    assert "we form a sanctuary team of 6" in html
    assert "{{" not in html.split('id="adapt-preview"')[1]
    assert Adaptation.objects.count() == 0


def test_anonymous_pdf_download_has_local_name_numbers_and_stores_nothing(client, resolution):
    response = client.post(adapt_url(resolution), adapt_data(action="pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    text = pdf_text(response.content)
    assert "UHCW Local 1017" in text
    assert (
        "1. WHEREAS UHCW Local 1017 represents the workers of Harbor Valley Medical Center;" in text
    )
    assert "5. RESOLVED that this was adopted on February 3, 2027." in text
    assert "{{" not in text and "[Local]" not in text
    assert pages(response.content) == 1
    assert Adaptation.objects.count() == 0


def test_anonymous_docx_download_has_the_same_text(client, resolution):
    response = client.post(adapt_url(resolution), adapt_data(action="docx"))
    assert response.status_code == 200
    paragraphs = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    # Paragraph 4 is numbered by Word's list numbering (documents.printing), not typed.
    assert "RESOLVED that we demand Harbor Valley Medical Center refuse entry;" in paragraphs
    assert not any(re.match(r"\d+\.\t", p) for p in paragraphs)
    assert not any("{{" in p for p in paragraphs)


def test_missing_answer_is_shown_beside_the_field_and_nothing_downloads(client, resolution):
    response = client.post(adapt_url(resolution), adapt_data(action="pdf", v_meeting_date=""))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Please answer “Meeting date”." in response.content.decode()


def test_overlong_answer_is_refused(client, resolution):
    response = client.post(adapt_url(resolution), adapt_data(action="pdf", v_employer="x" * 500))
    assert response["Content-Type"].startswith("text/html")
    assert "Keep “Employer” to 200 characters or fewer" in response.content.decode()


def test_tampered_block_or_alternative_ids_get_a_clear_message(client, resolution):
    response = client.post(adapt_url(resolution), adapt_data(action="pdf", **{"o_forged": "on"}))
    assert "does not match the model text" in response.content.decode()
    data = adapt_data(action="pdf")
    data[next(k for k in data if k.startswith("a_"))] = "forged-option"
    response = client.post(adapt_url(resolution), data)
    assert response["Content-Type"].startswith("text/html")
    assert "Select a valid choice" in response.content.decode()


def test_steward_profile_fills_the_blanks(client, resolution, local, steward_user):
    client.force_login(steward_user)
    response = client.get(adapt_url(resolution) + f"?local={local.pk}")
    html = response.content.decode()
    assert f'value="{local.display_name}"' in html
    assert 'value="Harbor Valley Medical Center"' in html


def test_steward_saves_a_draft_pinned_to_the_live_revision(client, resolution, local, steward_user):
    client.force_login(steward_user)
    response = client.post(adapt_url(resolution), adapt_data(local, action="save"))
    adaptation = Adaptation.objects.get()
    assert response.status_code == 302 and response["Location"] == adaptation.url()
    assert adaptation.local == local
    assert adaptation.revision_id == resolution.live_revision_id
    assert adaptation.status == Adaptation.Status.DRAFT
    assert adaptation.blocks[0].text.startswith("WHEREAS UHCW Local 1017")
    # Changing it is an explicit update of this draft, by its id.
    client.post(
        adapt_url(resolution),
        adapt_data(local, action="update", v_team_size="9", adaptation=str(adaptation.pk)),
    )
    assert Adaptation.objects.count() == 1
    assert "team of 9" in " ".join(b.text for b in Adaptation.objects.get().blocks)


def test_adapting_for_someone_elses_local_is_forbidden_and_saves_nothing(
    client, resolution, steward_user
):
    other = LocalFactory()
    client.force_login(steward_user)
    response = client.post(adapt_url(resolution), adapt_data(other, action="save"))
    assert response.status_code == 403
    assert client.get(adapt_url(resolution) + f"?local={other.pk}").status_code == 403
    assert Adaptation.objects.count() == 0


def test_signed_in_member_without_a_role_cannot_save(client, resolution, local):
    client.force_login(UserFactory())
    response = client.post(adapt_url(resolution), adapt_data(local, action="save"))
    assert response.status_code == 403
    assert Adaptation.objects.count() == 0


def test_live_preview_fragment(client, resolution):
    url = resolution.url + resolution.reverse_subpage("adapt_preview")
    response = client.post(url, adapt_data())
    assert response.status_code == 200
    assert "<ins>UHCW Local 1017</ins>" in response.content.decode()
    bad = client.post(url, adapt_data(v_meeting_date="soon"))
    assert bad.status_code == 422
    assert "as a date" in bad.content.decode()
    assert client.get(url).status_code == 405


def test_adaptation_pages_are_for_the_locals_people_only(client, resolution, local, steward_user):
    client.force_login(steward_user)
    client.post(adapt_url(resolution), adapt_data(local, action="save"))
    adaptation = Adaptation.objects.get()
    assert client.get(adaptation.url()).status_code == 200
    pdf = client.get(adaptation.url("adaptation_file", kind="pdf"))
    text = pdf_text(pdf.content)
    assert local.display_name in text and local.name in text
    assert "1. WHEREAS UHCW Local 1017" in text and "Votes for" in text
    client.force_login(steward(LocalFactory()))
    assert client.get(adaptation.url()).status_code == 403
    assert client.get(adaptation.url("adaptation_file", kind="pdf")).status_code == 403
    assert client.get(adaptation.url("report")).status_code == 403
    client.logout()
    assert client.get(adaptation.url()).status_code == 302


def test_anonymous_downloads_are_limited_per_address(client, resolution, monkeypatch):
    from resolutions import views

    monkeypatch.setattr(views, "DOCUMENTS_PER_WINDOW", 2)
    statuses = [
        client.post(adapt_url(resolution), adapt_data(action="docx")).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    # Previews cost no document and stay available.
    assert client.post(adapt_url(resolution), adapt_data()).status_code == 200


def test_model_pdf_is_served_from_the_cache_for_the_same_revision(client, resolution, monkeypatch):
    from resolutions import views

    first = client.get(resolution.url + "pdf/").content
    monkeypatch.setattr(views, "render_document_pdf", lambda **kwargs: b"not rendered again")
    assert client.get(resolution.url + "pdf/").content == first
    resolution.save_revision().publish()  # a new revision prints afresh
    assert client.get(resolution.url + "pdf/").content == b"not rendered again"


def test_an_anonymous_download_with_a_reused_token_gets_the_form_back_with_a_fresh_one(
    client, resolution, settings
):
    settings.FORMGUARD_REUSE_LIMIT = 2
    data = adapt_data(action="pdf")
    assert [client.post(adapt_url(resolution), data).status_code for _ in range(2)] == [200, 200]
    refused = client.post(adapt_url(resolution), data)
    body = refused.content.decode()
    assert refused.status_code == 400
    assert refused["Content-Type"].startswith("text/html")
    assert "This form has been sent too many times from your network" in body
    assert 'value="Harbor Valley Medical Center"' in body
    assert re.search(r'name="started" value="([^"]+)"', body).group(1) != data["started"]


def test_an_anonymous_download_without_a_token_is_refused(client, resolution):
    data = adapt_data(action="pdf")
    del data["started"]
    response = client.post(adapt_url(resolution), data)
    assert response.status_code == 400
    assert "faster than a person can fill in the form" in response.content.decode()
