"""A local keeps several drafts of one resolution (per meeting or employer, per language);
saving never overwrites one it was not shown and asked to update."""

from documents.selectors import counts_for
from resolutions import selectors
from resolutions.models import Adaptation

from .helpers import adapt_data


def adapt_url(page):
    return page.url + page.reverse_subpage("adapt")


def texts(adaptation):
    return " ".join(b.text for b in adaptation.blocks)


def test_a_spanish_draft_does_not_overwrite_the_english_one(
    client, resolution, resolution_es, local, steward_user
):
    client.force_login(steward_user)
    client.post(
        adapt_url(resolution),
        adapt_data(local, action="save", label="February meeting", v_team_size="6"),
    )
    english = Adaptation.objects.get()
    response = client.post(
        adapt_url(resolution_es),
        adapt_data(local, action="save", label="Reunión de marzo", v_team_size="9"),
    )
    assert response.status_code == 302
    assert Adaptation.objects.count() == 2
    english.refresh_from_db()
    assert english.resolution == resolution and english.label == "February meeting"
    assert "team of 6" in texts(english)
    spanish = Adaptation.objects.exclude(pk=english.pk).get()
    assert spanish.resolution == resolution_es and "9" in texts(spanish)
    # Still one local as far as the counts go.
    key = resolution.translation_key
    assert counts_for([key], counts=selectors.Counts)[key].adapted == 1


def test_the_adapt_page_shows_existing_drafts_and_a_second_unnamed_save_changes_nothing(
    client, resolution, resolution_es, local, steward_user
):
    client.force_login(steward_user)
    client.post(adapt_url(resolution), adapt_data(local, action="save", v_team_size="6"))
    english = Adaptation.objects.get()

    html = client.get(adapt_url(resolution_es) + f"?local={local.pk}").content.decode()
    assert english.url() in html  # the Spanish page lists the English draft
    assert "English" in html

    response = client.post(
        adapt_url(resolution_es), adapt_data(local, action="save", v_team_size="9")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "ya tiene un borrador sin nombre" in html  # beside the name field, in Spanish
    assert Adaptation.objects.count() == 1
    english.refresh_from_db()
    assert english.resolution == resolution and "team of 6" in texts(english)


def test_update_changes_only_the_draft_that_was_opened(client, resolution, local, steward_user):
    client.force_login(steward_user)
    client.post(adapt_url(resolution), adapt_data(local, action="save", label="Board"))
    client.post(adapt_url(resolution), adapt_data(local, action="save", label="Membership"))
    board = Adaptation.objects.get(label="Board")
    membership = Adaptation.objects.get(label="Membership")

    html = client.get(adapt_url(resolution) + f"?adaptation={board.pk}").content.decode()
    assert "Update this draft" in html and "Save as a new draft" in html
    client.post(
        adapt_url(resolution),
        adapt_data(
            local, action="update", adaptation=str(board.pk), label="Board", v_team_size="9"
        ),
    )
    board.refresh_from_db()
    membership.refresh_from_db()
    assert "team of 9" in texts(board)
    assert "team of 9" not in texts(membership)
