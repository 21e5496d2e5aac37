"""The bargaining table: each article's history (union proposal, counters, TA), the TA sheet,
clause comparison with the differences marked, and the legal notes on clause language."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from contracts import services
from contracts.models import ArticleVersion, BargainingProposal
from tests.factories import LocalFactory, UserFactory, steward
from tests.helpers import pdf_text

pytestmark = pytest.mark.django_db

BASE = "/contract-language/proposals/"
LIBRARY = "/contract-language/"
TODAY = timezone.localdate()
EMPLOYER_TEXT = (
    "1. Quickline Logistics shall not admit immigration agents to non-public areas without "
    "a judicial warrant.\n\n"
    "2. The Employer shall notify the Union within 48 hours.\n\n"
    "3. Employees are paid while they wait."
)
UNION_TEXT = EMPLOYER_TEXT.replace("within 48 hours", "within 12 hours")


@pytest.fixture
def on_the_table(proposal, warrant_clause, leave_clause):
    """The proposal put on the table a month ago, both articles answered."""
    for position, clause in enumerate((warrant_clause, leave_clause), start=1):
        proposal.items.create(clause=clause, clause_key=clause.translation_key, position=position)
    proposal.answers = {
        "values": {"employer_name": "Quickline Logistics", "notice_hours": "1", "leave_days": "12"}
    }
    proposal.status = BargainingProposal.Status.PROPOSED
    proposal.proposed_on = TODAY - timedelta(days=30)
    proposal.save()
    return proposal


@pytest.fixture
def article(on_the_table):
    return on_the_table.items.get(position=1)


def history_url(article, suffix=""):
    return f"{BASE}{article.proposal_id}/articles/{article.pk}/{suffix}"


def post(client, article, action, **data):
    return client.post(
        history_url(article), {"action": action, **{f"{action}-{k}": v for k, v in data.items()}}
    )


def bargain_to_ta(client, article):
    """Union proposal → employer counter → union counter → TA, through the forms."""
    post(client, article, "employer", text=EMPLOYER_TEXT, exchanged_on=TODAY - timedelta(20))
    post(client, article, "union", text=UNION_TEXT, exchanged_on=TODAY - timedelta(10))
    return post(
        client,
        article,
        "ta",
        ta_on=TODAY - timedelta(5),
        union_initials="M.R.",
        employer_initials="JT",
    )


def test_counter_proposals_are_kept_in_order_and_each_shows_the_words_the_other_side_changed(
    client, article, local_steward
):
    client.force_login(local_steward)
    response = bargain_to_ta(client, article)
    assert response.status_code == 302
    versions = list(article.versions.all())
    assert [v.kind for v in versions] == [
        "union_proposal",
        "employer_counter",
        "union_counter",
        "tentative_agreement",
    ]
    assert [v.position for v in versions] == [1, 2, 3, 4]
    # The union's first version is the article as the proposal prints it.
    assert "notify the Union within 1 hours." in versions[0].text
    assert versions[0].exchanged_on == article.proposal.proposed_on
    assert versions[1].entered_by == local_steward
    # A TA freezes the last text on the table.
    assert versions[3].text == UNION_TEXT
    assert (versions[3].union_initials, versions[3].employer_initials) == ("M.R.", "JT")

    html = client.get(history_url(article)).content.decode()
    assert "no-store" in client.get(history_url(article))["Cache-Control"]
    employer = html.split("Employer counter-proposal")[1].split("Union counter-proposal")[0]
    assert "within <del>1</del><ins>48</ins> hours" in employer
    union = html.split("Union counter-proposal ·")[1].split("Tentative agreement ·")[0]
    assert "within <del>48</del><ins>12</ins> hours" in union
    assert html.index("Union proposal ·") < html.index("Employer counter-proposal ·")
    assert "Initialled by the union (M.R.) and the employer (JT)." in html

    table = client.get(f"{BASE}{article.proposal_id}/table/").content.decode()
    first, second = table.split("Article 1. Judicial warrant required")[1].split("Article 2.")
    assert "table-state--ta" in first and "TA sheet (PDF)" in first
    assert "table-state--ours" in second


def test_the_union_counter_form_is_prefilled_with_the_employers_text(
    client, article, local_steward
):
    client.force_login(local_steward)
    post(client, article, "employer", text=EMPLOYER_TEXT, exchanged_on=TODAY - timedelta(20))
    html = client.get(history_url(article)).content.decode()
    assert 'name="union-text"' in html and 'name="employer-text"' not in html
    form = html.split('name="union-text"')[1].split("</textarea>")[0]
    assert "within 48 hours" in form


def test_nothing_but_reopening_is_accepted_after_a_ta(client, article, local_steward):
    client.force_login(local_steward)
    bargain_to_ta(client, article)
    response = post(client, article, "employer", text="Anything else", exchanged_on=TODAY)
    assert response.status_code == 302  # that form is not offered for a TA'd article
    assert article.versions.count() == 4
    for kind, side in (("employer", "employer"), ("union", "union")):
        with pytest.raises(ValidationError) as refused:
            services.article_counter_add(
                user=local_steward, article=article, side=side, text="x", exchanged_on=TODAY
            )
        assert "its text is frozen" in " ".join(refused.value.messages), kind
    with pytest.raises(ValidationError):
        services.article_ta_record(
            user=local_steward,
            article=article,
            ta_on=TODAY,
            union_initials="AB",
            employer_initials="CD",
        )
    assert article.versions.count() == 4
    assert article.versions.last().text == UNION_TEXT

    # Reopening is a new union proposal that ends the TA (and the proposal's, if marked).
    proposal = article.proposal
    services.article_ta_record(
        user=local_steward,
        article=proposal.items.get(position=2),
        ta_on=TODAY,
        union_initials="MR",
        employer_initials="JT",
    )
    services.proposal_status_set(
        user=local_steward, proposal=proposal, status="tentative_agreement", on=TODAY
    )
    post(client, article, "reopen", text=UNION_TEXT + " Reopened.", exchanged_on=TODAY)
    assert article.versions.last().kind == "union_proposal"
    assert article.versions.count() == 5
    proposal.refresh_from_db()
    assert proposal.status == "proposed" and proposal.tentative_agreement_on is None


def test_the_employer_cannot_counter_twice_in_a_row(article, local_steward):
    services.article_counter_add(
        user=local_steward, article=article, side="employer", text="A", exchanged_on=TODAY
    )
    with pytest.raises(ValidationError) as refused:
        services.article_counter_add(
            user=local_steward, article=article, side="employer", text="B", exchanged_on=TODAY
        )
    assert "answer it first" in " ".join(refused.value.messages)
    assert article.versions.count() == 2


@pytest.mark.parametrize(
    "data,field,message",
    [
        (
            {"ta_on": TODAY, "union_initials": "MR", "employer_initials": ""},
            "ta-employer_initials",
            "This field is required.",
        ),
        (
            {"ta_on": TODAY, "union_initials": "12", "employer_initials": "JT"},
            "ta-union_initials",
            "Initials are a few letters",
        ),
        (
            {"ta_on": TODAY + timedelta(3), "union_initials": "MR", "employer_initials": "JT"},
            "ta-ta_on",
            "The date can&#x27;t be in the future.",
        ),
        (
            {"ta_on": "soon", "union_initials": "MR", "employer_initials": "JT"},
            "ta-ta_on",
            "Enter a valid date.",
        ),
    ],
)
def test_bad_ta_input_is_explained_beside_the_field_and_saves_nothing(
    client, article, local_steward, data, field, message
):
    client.force_login(local_steward)
    response = post(client, article, "ta", **data)
    assert response.status_code == 200
    html = response.content.decode()
    # The message sits in the field's own group, right before its input.
    group = html.split(f'name="{field}"')[0].rsplit('class="field"', 1)[1]
    assert message in group
    assert article.versions.count() == 0


def test_an_empty_counter_is_explained_beside_the_text(client, article, local_steward):
    client.force_login(local_steward)
    response = post(client, article, "employer", text="   ", exchanged_on=TODAY)
    group = response.content.decode().split('name="employer-text"')[0].rsplit('class="field"', 1)
    assert "This field is required." in group[1]
    assert article.versions.count() == 0


def test_the_proposal_is_marked_ta_only_when_every_article_is(client, article, local_steward):
    client.force_login(local_steward)
    bargain_to_ta(client, article)
    proposal = article.proposal
    with pytest.raises(ValidationError) as refused:
        services.proposal_status_set(
            user=local_steward, proposal=proposal, status="tentative_agreement", on=TODAY
        )
    assert "articles 2" in " ".join(refused.value.messages)
    second = proposal.items.get(position=2)
    post(client, second, "ta", ta_on=TODAY, union_initials="MR", employer_initials="JT")
    updated = services.proposal_status_set(
        user=local_steward, proposal=proposal, status="tentative_agreement", on=TODAY
    )
    assert updated.status == "tentative_agreement"


def test_ta_sheet_pdf_has_the_agreed_text_the_date_and_both_initials(
    client, article, local_steward
):
    client.force_login(local_steward)
    bargain_to_ta(client, article)
    response = client.get(history_url(article, "ta-sheet/"))
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert "Tentative agreement" in text
    assert "Article 1. Judicial warrant required" in text
    assert "The Employer shall notify the Union within 12 hours." in text
    assert "within 48 hours" not in text
    ta_on = TODAY - timedelta(5)
    assert f"Tentatively agreed on {ta_on:%B} {ta_on.day}, {ta_on.year}" in text
    assert "For the union: M.R. initials AWU" in text
    assert "Local 412, Mesa Distribution Workers For the employer: JT initials" in text
    assert text.endswith("JT initials Quickline Logistics Page 1 of 1")
    # Every agreed article: only article 1 is TA'd so far.
    whole = pdf_text(client.get(f"{BASE}{article.proposal_id}/ta-sheet/").content)
    assert "Article 1. Judicial warrant required" in whole and "Article 2." not in whole


def test_ta_sheet_of_a_spanish_proposal_is_in_spanish(on_the_table, local_steward):
    from wagtail.models import Locale

    from contracts.printing import ta_sheet_pdf
    from contracts.selectors import agreed_articles

    es = Locale.objects.get(language_code="es")
    on_the_table.language = "es"
    on_the_table.save()
    for item in on_the_table.items.all():
        item.clause = item.clause.get_translation(es)
        item.save()
    article = on_the_table.items.get(position=1)
    services.article_ta_record(
        user=local_steward,
        article=article,
        ta_on=TODAY,
        union_initials="MR",
        employer_initials="JT",
    )
    text = pdf_text(ta_sheet_pdf(on_the_table, agreed_articles(on_the_table)))
    assert "Acuerdo tentativo" in text
    assert "Artículo 1. Se requiere orden judicial" in text
    assert "no permitirá la entrada de agentes" in text
    assert "Por el sindicato:" in text and "Por la empresa:" in text
    assert "MR iniciales" in text and "JT iniciales" in text
    assert "Página 1 de" in text
    assert "For the union" not in text


def test_compare_marks_the_words_that_differ(client, warrant_clause, leave_clause):
    response = client.get(f"{LIBRARY}compare/", {"c": [warrant_clause.pk, leave_clause.pk]})
    html = response.content.decode()
    first, second = html.split('class="compare__column')[1:3]
    # Only the first clause speaks of warrants; only the second of seniority.
    marked_first = first.split('compare__text--diff doc-diff">')[1].split("</div>")[0]
    marked_second = second.split('compare__text--diff doc-diff">')[1].split("</div>")[0]
    assert "<del>" in marked_first and "<ins>" not in marked_first
    assert "without a judicial warrant" in marked_first.split("<del>", 1)[1]
    assert "<ins>" in marked_second and "<del>" not in marked_second
    assert "2. <ins>Seniority continues during</ins> the <ins>leave</ins>." in marked_second
    # Words both share are not marked: "[Employer's name] shall" starts both.
    assert marked_first.startswith("1. [Employer&#x27;s name] shall ")
    assert marked_second.startswith("1. [Employer&#x27;s name] shall ")


def test_printed_proposal_says_it_is_not_legal_advice_and_when_it_was_reviewed(
    on_the_table, warrant_clause, leave_clause
):
    from datetime import date

    from contracts.printing import proposal_docx, proposal_pdf

    from .helpers import docx_text

    for clause in (warrant_clause, leave_clause):
        clause.reviewed_on = date(2026, 3, 2)
        clause.jurisdiction = "private"
        clause.save()
    text = pdf_text(proposal_pdf(on_the_table))
    assert "Not legal advice. Language reviewed on March 2, 2026 for private sector (NLRA)." in text
    leave_clause.jurisdiction = "state_public"
    leave_clause.jurisdiction_state = "California"
    leave_clause.reviewed_on = date(2026, 5, 1)
    leave_clause.save()
    text = pdf_text(proposal_pdf(on_the_table))
    assert "Article 1: language reviewed on March 2, 2026 for private sector (NLRA)." in text
    assert (
        "Article 2: language reviewed on May 1, 2026 for public sector under California law."
        in text
    )
    assert "Not legal advice." in docx_text(proposal_docx(on_the_table))


def test_spanish_proposal_prints_the_legal_line_in_spanish(on_the_table, warrant_clause):
    from datetime import date

    from wagtail.models import Locale

    from contracts.printing import legal_note

    es = Locale.objects.get(language_code="es")
    spanish = warrant_clause.get_translation(es).specific
    spanish.reviewed_on = date(2026, 3, 2)
    note = legal_note([spanish], "es")
    assert note == (
        "No es asesoría legal. Lenguaje revisado el 2 de marzo de 2026 para el sector privado "
        "(NLRA)."
    )


def test_editors_see_clauses_past_their_review_date_on_the_admin_home(
    client, warrant_clause, leave_clause
):
    warrant_clause.review_by = TODAY - timedelta(days=3)
    warrant_clause.reviewed_on = TODAY - timedelta(days=400)
    warrant_clause.save()
    leave_clause.review_by = TODAY + timedelta(days=30)
    leave_clause.save()
    client.force_login(UserFactory(is_superuser=True, is_staff=True, mfa=True))
    html = client.get("/admin/").content.decode()
    assert "Contract language past its legal review date" in html
    panel = html.split("Contract language past its legal review date")[1].split("</section>")[0]
    assert "Judicial warrant required" in panel and "Overdue since" in panel
    assert "Leave for immigration hearings" not in panel
    # The edit page offers the legal review fields.
    edit = client.get(f"/admin/pages/{warrant_clause.pk}/edit/").content.decode()
    for name in ("jurisdiction", "jurisdiction_state", "reviewed_on", "review_by"):
        assert f'name="{name}"' in edit


def test_the_admin_home_of_someone_who_edits_no_library_has_no_review_panel(client, warrant_clause):
    from django.contrib.auth.models import Permission

    warrant_clause.review_by = TODAY - timedelta(days=3)
    warrant_clause.save()
    user = UserFactory(mfa=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "Dashboard" in html or "wagtail" in html.lower()
    assert "Contract language past its legal review date" not in html


def test_a_state_public_clause_must_name_its_state(warrant_clause):
    warrant_clause.jurisdiction = "state_public"
    warrant_clause.jurisdiction_state = ""
    with pytest.raises(ValidationError) as refused:
        warrant_clause.full_clean()
    assert "jurisdiction_state" in refused.value.error_dict


@pytest.mark.parametrize(
    "method,suffix,data",
    [
        ("get", "table/", {}),
        ("get", "articles/{item}/", {}),
        ("post", "articles/{item}/", {"action": "employer", "employer-text": "Take it"}),
        ("post", "articles/{item}/", {"action": "ta", "ta-union_initials": "X"}),
        ("get", "articles/{item}/ta-sheet/", {}),
        ("get", "ta-sheet/", {}),
    ],
)
def test_a_steward_of_another_local_gets_404_and_changes_nothing(
    client, article, local_steward, method, suffix, data
):
    services.article_ta_record(
        user=local_steward,
        article=article,
        ta_on=TODAY,
        union_initials="MR",
        employer_initials="JT",
    )
    client.force_login(steward(LocalFactory()))
    url = f"{BASE}{article.proposal_id}/" + suffix.format(item=article.pk)
    response = getattr(client, method)(url, {**data, f"{data.get('action')}-exchanged_on": TODAY})
    assert response.status_code == 404
    assert "Quickline" not in response.content.decode(errors="replace")
    assert article.versions.count() == 2
    assert not ArticleVersion.objects.exclude(article=article).exists()


def test_an_article_with_a_history_at_the_table_is_not_removed(article, local_steward):
    services.article_counter_add(
        user=local_steward, article=article, side="employer", text="A", exchanged_on=TODAY
    )
    with pytest.raises(ValidationError) as refused:
        services.proposal_clause_remove(
            user=local_steward, proposal=article.proposal, item_id=article.pk
        )
    assert "bargained at the table" in " ".join(refused.value.messages)
    assert article.versions.count() == 2


def test_the_first_counter_needs_every_blank_answered(article, local_steward):
    proposal = article.proposal
    proposal.answers = {"values": {"notice_hours": "1"}}  # the employer's name is missing
    proposal.save()
    with pytest.raises(ValidationError) as refused:
        services.article_counter_add(
            user=local_steward, article=article, side="employer", text="A", exchanged_on=TODAY
        )
    assert "Answer every blank first" in " ".join(refused.value.messages)
    assert article.versions.count() == 0


def test_a_drafted_proposal_is_not_bargained_yet(client, proposal, warrant_clause, local_steward):
    item = proposal.items.create(clause=warrant_clause, clause_key=warrant_clause.translation_key)
    client.force_login(local_steward)
    html = client.get(history_url(item)).content.decode()
    assert "nothing can be entered at the table now" in html
    assert 'name="employer-text"' not in html
    response = post(client, item, "employer", text="A", exchanged_on=TODAY)
    assert response.status_code == 302
    assert item.versions.count() == 0
