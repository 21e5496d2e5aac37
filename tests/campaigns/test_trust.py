"""Issue 10, days of action: nothing leaks, nothing is lost, every step can be corrected."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.forms import BulkReviewForm
from campaigns.models import Endorsement
from tests.factories import AffiliationFactory, LocalFactory, UserFactory, organizer

from .conftest import make_endorsement

pytestmark = pytest.mark.django_db


# Item 17: Unicode digits are digits to str.isdigit and int(), but never part of our links.


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_a_link_with_unicode_digits_is_404_not_500(client, day):
    endorsement = make_endorsement(day)
    real = endorsement.link_token()
    arabic = real.translate(ARABIC_INDIC)  # the same number and digest, in other digits
    for token in (arabic, arabic.split("-")[0] + "-" + real.split("-")[1], "²-" + "0" * 40):
        response = client.get(day.url + f"endorsement/{token}/")
        assert response.status_code == 404, token
        response = client.post(day.url + f"endorsement/{token}/", {"action": "withdraw"})
        assert response.status_code == 404, token
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.APPROVED


def test_the_real_link_still_opens(client, day):
    endorsement = make_endorsement(day)
    response = client.get(day.url + f"endorsement/{endorsement.link_token()}/")
    assert response.status_code == 200
    assert "Eastside Tenants Union" in response.content.decode()


@pytest.mark.parametrize("value", ["²", "١١", "𝟏"])
def test_review_ids_with_unicode_digits_are_refused_not_500(value):
    form = BulkReviewForm({"action": "approve", "ids": [value]})
    assert not form.is_valid()
    assert form.errors["ids"] == ["Tick at least one endorsement."]


def test_bulk_post_with_unicode_digit_ids_is_400(client, day, organizer_user):
    endorsement = make_endorsement(day, status=Endorsement.Status.PENDING_REVIEW)
    client.force_login(organizer_user)
    url = reverse("campaigns:review", args=[day.pk])
    response = client.post(url, {"action": "approve", "ids": ["²", "١"]})
    assert response.status_code == 400
    endorsement.refresh_from_db()
    assert endorsement.status == Endorsement.Status.PENDING_REVIEW


# Item 13: the export and the import round-trip; a bad cell is named by row, column, value.


def export_text(client, day) -> str:
    response = client.get(reverse("campaigns:export", args=[day.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def upload(client, day, text):
    return client.post(
        reverse("campaigns:import", args=[day.pk]),
        {"file": SimpleUploadedFile("export.csv", text.encode(), content_type="text/csv")},
    )


def snapshot(day) -> list[dict]:
    return list(Endorsement.objects.filter(day=day).order_by("pk").values())


def test_reimporting_the_export_succeeds_and_changes_nothing(client, day, organizer_user):
    affiliation = AffiliationFactory(name="United Hospital and Care Workers", short_name="UHCW")
    LocalFactory(affiliation=affiliation, number="1017", region="California")
    S = Endorsement.Status
    make_endorsement(
        day,
        organisation_name="UHCW Local 1017",
        organisation_type="union_local",
        affiliation_name="UHCW",
        local_number="1017",
        pledge_level="job_action",
        statement="-we walk out\nat noon",
    )
    make_endorsement(
        day,
        organisation_name='=HYPERLINK("http://evil.example")',
        statement="+1 solidarity",
        contact_name="@Ana",
        members_represented=None,
    )
    make_endorsement(day, organisation_name="Waiting Org", status=S.PENDING_REVIEW)
    make_endorsement(day, organisation_name="Unconfirmed Org", status=S.PENDING_CONFIRMATION)
    make_endorsement(day, organisation_name="Refused Org", status=S.REJECTED)
    # Withdrew, then endorsed again: the export holds both rows for one organisation.
    make_endorsement(day, organisation_name="Twice Org", status=S.WITHDRAWN)
    make_endorsement(day, organisation_name="Twice Org", pledge_level="endorse")
    before = snapshot(day)
    client.force_login(organizer_user)
    text = export_text(client, day)
    assert "'=HYPERLINK" in text and "'+1 solidarity" in text and "'-we walk out" in text

    response = upload(client, day, text)
    preview = response.context["preview"]
    assert preview.ok, [row.errors for row in preview.rows]
    assert (preview.new_count, preview.update_count, preview.skipped_count) == (0, 5, 2)
    payload = response.context["confirm"].initial["payload"]
    response = client.post(reverse("campaigns:import", args=[day.pk]), {"payload": payload})
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Imported: 0 new, 0 updated, 5 unchanged, 2 rejected or withdrawn skipped."]
    assert snapshot(day) == before


def test_the_export_imported_into_another_day_keeps_the_values_without_apostrophes(
    client, day, index, organizer_user
):
    from demo.pages import child_page

    make_endorsement(day, organisation_name="=SUM(A1)", statement="-minus", contact_name="@Ana")
    make_endorsement(day, organisation_name="Unconfirmed Org", status="pending_confirmation")
    other = child_page(
        index,
        type(day),
        slug="another-day",
        title="Another day",
        date=day.date,
        call="<p>Again.</p>",
        owner_local=day.owner_local,
    )
    client.force_login(organizer_user)
    text = export_text(client, day)
    response = upload(client, other, text)
    preview = response.context["preview"]
    assert preview.ok, [row.errors for row in preview.rows]
    payload = response.context["confirm"].initial["payload"]
    client.post(reverse("campaigns:import", args=[other.pk]), {"payload": payload})
    copied = Endorsement.objects.get(day=other, organisation_name="=SUM(A1)")
    assert (copied.statement, copied.contact_name) == ("-minus", "@Ana")
    # Vouched for by the organizer who imports it, but not approved by the sheet.
    unconfirmed = Endorsement.objects.get(day=other, organisation_name="Unconfirmed Org")
    assert unconfirmed.status == Endorsement.Status.PENDING_REVIEW


def test_a_bad_cell_is_named_by_row_column_and_value(client, day, organizer_user):
    sheet = (
        "organisation,type,city,region,pledge_level,Status\n"
        "Good Org,community,Lakeshore,Illinois,endorse,approved\n"
        "Other Org,community,Lakeshore,Illinois,endorse,maybe later\n"
        "Third Org,spaceship,Lakeshore,Illinois,endorse,pending_review\n"
    )
    client.force_login(organizer_user)
    response = upload(client, day, sheet)
    preview = response.context["preview"]
    assert not preview.ok
    errors = {row.line: row.errors for row in preview.rows}
    assert errors[2] == []
    assert errors[3] == [
        "Row 3, column “Status”, value “maybe later”: not a status. Use approved, pending "
        "review, pending confirmation, rejected or withdrawn."
    ]
    assert len(errors[4]) == 1
    assert errors[4][0].startswith("Row 4, column “type”, value “spaceship”: ")
    body = response.content.decode()
    assert "Row 3, column “Status”, value “maybe later”" in body
    assert not Endorsement.objects.exists()


# Item 2: a second submission can't take an endorsement over by changing its contact.


def test_a_contact_change_is_shown_needs_the_contact_and_never_gets_the_old_link(
    client, day, organizer_user, django_capture_on_commit_callbacks
):
    from .test_endorse import FORM, endorse_url, link_in

    original = make_endorsement(day)  # approved, contact lena@eastside.example
    old_link = day.url + f"endorsement/{original.link_token()}/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(endorse_url(day), {**FORM, "contact_email": "taker@else.example"})
    original.refresh_from_db()
    assert original.contact_email == "lena@eastside.example"  # nothing until accepted
    assert original.status == Endorsement.Status.APPROVED
    [message] = mail.outbox
    assert message.to == ["lena@eastside.example"]
    assert "Contact email: lena@eastside.example → taker@else.example" in message.body
    assert "make taker@else.example the organisation's contact instead of you" in message.body
    assert "taker@else.example the organisation" in message.alternatives[0][0]
    assert link_in(message) == old_link

    page = client.get(old_link).content.decode()
    assert "Contact email: lena@eastside.example → taker@else.example" in page
    assert "make taker@else.example the organisation" in page

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(old_link, {"action": "apply_update"})
    assert response.status_code == 200
    assert "Your link no longer works" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    original.refresh_from_db()
    assert original.contact_email == "taker@else.example"
    assert original.status == Endorsement.Status.PENDING_CONFIRMATION
    assert client.get(old_link).status_code == 404  # the old link is dead
    [confirm] = mail.outbox
    assert confirm.to == ["taker@else.example"]
    new_link = link_in(confirm)
    assert new_link != old_link
    assert original.link_token() not in old_link

    # The new contact confirms their address; an organizer approves; the approval email
    # carries the new link, never the old one.
    client.post(new_link, {"action": "confirm"})
    original.refresh_from_db()
    assert original.status == Endorsement.Status.PENDING_REVIEW
    mail.outbox.clear()
    client.force_login(organizer_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("campaigns:review", args=[day.pk]),
            {"action": "approve", "ids": [str(original.pk)]},
        )
    [approved] = mail.outbox
    assert approved.to == ["taker@else.example"]
    assert link_in(approved) == new_link
    assert old_link not in approved.body and old_link not in approved.alternatives[0][0]


def test_discarding_a_contact_change_keeps_the_contact_and_the_link(client, day):
    from .test_endorse import FORM, endorse_url

    original = make_endorsement(day)
    link = day.url + f"endorsement/{original.link_token()}/"
    client.post(endorse_url(day), {**FORM, "contact_email": "taker@else.example"})
    client.post(link, {"action": "discard_update"})
    original.refresh_from_db()
    assert original.contact_email == "lena@eastside.example"
    assert original.status == Endorsement.Status.APPROVED
    assert client.get(link).status_code == 200


def test_an_import_that_changes_the_contact_changes_the_link(client, day, organizer_user):
    original = make_endorsement(day)
    old_token = original.link_token()
    sheet = (
        "organisation,type,city,region,pledge_level,members,statement,contact_name,"
        "contact_title,contact_email,status\n"
        "Eastside Tenants Union,community,Port Alder,California,mobilize,300,"
        "We will be in the streets.,New Person,Secretary,new@eastside.example,approved\n"
    )
    client.force_login(organizer_user)
    response = upload(client, day, sheet)
    payload = response.context["confirm"].initial["payload"]
    client.post(reverse("campaigns:import", args=[day.pk]), {"payload": payload})
    original.refresh_from_db()
    assert original.contact_email == "new@eastside.example"
    assert original.link_token() != old_token
    assert client.get(day.url + f"endorsement/{old_token}/").status_code == 404


# Item 7: a day's endorser contacts are for that day's organizers, not every organizer.


def day_urls(day):
    return [
        reverse("campaigns:review", args=[day.pk]) + "?status=",
        reverse("campaigns:dashboard", args=[day.pk]),
        reverse("campaigns:export", args=[day.pk]),
        reverse("campaigns:import", args=[day.pk]),
    ]


@pytest.fixture
def other_day(index, day):
    from demo.pages import child_page

    return child_page(
        index, type(day), slug="second-day", title="Second day", date=day.date, call="<p>x</p>"
    )


def test_an_organizer_of_another_local_sees_no_days_contacts(client, day, other_day):
    owner = LocalFactory()
    day.owner_local = owner
    day.save_revision().publish()
    make_endorsement(day, contact_email="secret@contact.example")
    make_endorsement(other_day, contact_email="other@contact.example")
    client.force_login(organizer(LocalFactory()))
    for target in (day, other_day):
        for url in day_urls(target):
            response = client.get(url)
            assert response.status_code == 403, url
            body = response.content
            assert b"secret@contact.example" not in body and b"other@contact.example" not in body
    response = client.get(reverse("campaigns:days"))
    assert response.status_code == 200
    assert "No work, no school" not in response.content.decode()
    assert "Second day" not in response.content.decode()
    # The import can't be used to write to someone else's day either.
    response = upload(
        client, day, "organisation,type,city,region,pledge\nX,community,A,B,endorse\n"
    )
    assert response.status_code == 403


@pytest.mark.parametrize("how", ["local", "affiliation", "granted"])
def test_the_days_organizers_see_its_contacts_and_only_its_days(client, day, other_day, how):
    local = LocalFactory()
    user = organizer(LocalFactory(affiliation=local.affiliation) if how == "affiliation" else local)
    if how == "local":
        day.owner_local = local
    elif how == "affiliation":
        day.owner_affiliation = local.affiliation
    else:
        user = organizer(LocalFactory())
        day.organizers.add(user)
    day.save_revision().publish()
    make_endorsement(
        day,
        status=Endorsement.Status.PENDING_REVIEW,
        contact_email="c@x.example",
        contact_consent=True,
    )
    make_endorsement(other_day, contact_email="other@contact.example")
    client.force_login(user)
    for url in day_urls(day):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"]
    export = client.get(reverse("campaigns:export", args=[day.pk]))
    assert b"c@x.example" in b"".join(export.streaming_content)
    listing = client.get(reverse("campaigns:days")).content.decode()
    assert "No work, no school" in listing and "Second day" not in listing
    for url in day_urls(other_day):
        assert client.get(url).status_code == 403, url


def test_editors_of_the_page_and_superusers_keep_access(client, day):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    editors = Group.objects.create(name="Day editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=editors,
        page=day.get_parent(),
        permission=Permission.objects.get(codename="change_page"),
    )
    editor = UserFactory(mfa=True)
    editor.groups.add(editors)
    make_endorsement(day, contact_email="c@x.example")
    for user in (editor, UserFactory(mfa=True, is_superuser=True, is_staff=True)):
        client.force_login(user)
        for url in day_urls(day):
            assert client.get(url).status_code == 200, url
        assert "No work, no school" in client.get(reverse("campaigns:days")).content.decode()


def test_a_granted_organizer_without_mfa_is_sent_to_set_it_up(client, day):
    user = organizer(LocalFactory(), mfa=False)
    day.organizers.add(user)
    day.save_revision().publish()
    client.force_login(user)
    response = client.get(reverse("campaigns:review", args=[day.pk]))
    assert response.status_code == 302 and "totp" in response["Location"]


# Item 15: one page from the public site to the organizer's work, and an admin home panel.


def test_the_organize_page_lists_ones_petitions_days_and_what_waits(client, day, other_day):
    from tests.petitions.conftest import make_petition

    local = LocalFactory()
    user = organizer(local)
    day.owner_local = local
    day.save_revision().publish()
    mine = make_petition(day.get_parent().get_parent(), slug="ours", local=local, title="Ours")
    make_petition(day.get_parent().get_parent(), slug="theirs", title="Theirs", translate=False)
    make_endorsement(day, status=Endorsement.Status.PENDING_REVIEW, organisation_name="A One")
    make_endorsement(day, status=Endorsement.Status.APPROVED, organisation_name="B Two")
    client.force_login(user)

    account = client.get(reverse("account_home")).content.decode()
    assert f'href="{reverse("organize")}"' in account

    response = client.get(reverse("organize"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "No work, no school, no shopping" in body and "Second day" not in body
    assert "1 endorsement waits for review" in body
    assert reverse("campaigns:review", args=[day.pk]) in body
    assert reverse("campaigns:export", args=[day.pk]) in body
    assert "Ours" in body and "Theirs" not in body
    assert mine.url + "signers/" in body and mine.url + "delivery/" in body

    # The Wagtail admin home is no longer blank for them.
    admin = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Days of action you organize" in admin
    assert reverse("campaigns:review", args=[day.pk]) in admin
    assert reverse("organize") in admin


def test_the_organize_page_needs_sign_in_and_mfa(client, day):
    response = client.get(reverse("organize"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(organizer(LocalFactory(), mfa=False))
    response = client.get(reverse("organize"))
    assert response.status_code == 302 and "totp" in response["Location"]


def test_the_public_day_page_is_the_same_for_its_organizer(client, day):
    local = LocalFactory()
    user = organizer(local)
    day.owner_local = local
    day.save_revision().publish()
    anonymous = client.get(day.url)
    client.force_login(user)
    signed_in = client.get(day.url)
    assert reverse("organize") not in signed_in.content.decode()
    assert reverse("campaigns:review", args=[day.pk]) not in signed_in.content.decode()
    assert anonymous.status_code == signed_in.status_code == 200


# Item 21: counts agree with their nouns, the dashboard's tables agree, the chart fits.


def test_one_approved_endorsement_is_one_endorsement(client, day, organizer_user):
    waiting = make_endorsement(day, status=Endorsement.Status.PENDING_REVIEW)
    client.force_login(organizer_user)
    url = reverse("campaigns:review", args=[day.pk])
    response = client.post(url, {"action": "approve", "ids": [str(waiting.pk)]}, follow=True)
    body = response.content.decode()
    assert "1 endorsement approved." in body and "1 endorsements" not in body
    counter = client.get(day.url + "counter/").content.decode()
    assert "organisations" not in counter and "organisation" in counter


def test_per_affiliation_table_counts_what_by_affiliation_counts(client, day, organizer_user):
    affiliation = AffiliationFactory(name="United Hospital and Care Workers", short_name="UHCW")
    LocalFactory(affiliation=affiliation, number="1017")
    common = {"organisation_type": "union_local", "affiliation_name": "UHCW"}
    make_endorsement(day, organisation_name="UHCW Local 1017", local_number="1017", **common)
    # A local of the affiliation that isn't on file still counts for the affiliation.
    make_endorsement(day, organisation_name="UHCW Local 999", local_number="999", **common)
    make_endorsement(
        day,
        organisation_name="UHCW Local 12",
        local_number="12",
        status=Endorsement.Status.PENDING_REVIEW,
        **common,
    )
    client.force_login(organizer_user)
    context = client.get(reverse("campaigns:dashboard", args=[day.pk])).context
    by_affiliation = {i["label"]: i["endorsements"] for i in context["by_affiliation"]}
    [row] = [r for r in context["rollup"] if r["affiliation"] == "UHCW"]
    assert by_affiliation["UHCW"] == len(row["locals_in"]) == 2
    assert sorted(row["locals_in"]) == ["1017", "999"] and row["locals_pending"] == ["12"]


def test_the_charts_last_axis_label_stays_inside_the_chart():
    from datetime import datetime, timedelta

    from campaigns.charts import cumulative_line

    start = datetime(2026, 12, 1, 8)
    for count in (2, 5, 7, 13, 30):
        points = [(start + timedelta(hours=i), i * 3) for i in range(count)]
        chart = cumulative_line(points)
        last = chart["labels"][-1]
        assert last["text"] == points[-1][0].strftime("%b %d %H:%M")  # the last point is named
        char = 7  # a generous width per character at the chart's 11px type
        for label in chart["labels"]:
            width = len(label["text"]) * char
            left = {"end": label["x"] - width, "middle": label["x"] - width / 2}[label["anchor"]]
            right = left + width
            assert left >= 0 and right <= chart["width"], (count, label)
        lefts = [
            label["x"] - len(label["text"]) * char * (1 if label["anchor"] == "end" else 0.5)
            for label in chart["labels"]
        ]
        rights = [
            label["x"] + (0 if label["anchor"] == "end" else len(label["text"]) * char / 2)
            for label in chart["labels"]
        ]
        assert all(r <= next_l for r, next_l in zip(rights, lefts[1:], strict=False)), count


def test_the_new_words_are_in_spanish_too(client, day):
    make_endorsement(day)
    es_day = day.localized_for("es")
    counter = client.get(es_day.url + "counter/").content.decode()
    assert "organización" in counter and "organizaciones" not in counter
    user = organizer(LocalFactory())
    client.force_login(user)
    body = client.get("/es/accounts/organize/").content.decode()
    assert "Días de acción" in body and "Tus locales todavía no tienen peticiones." in body
