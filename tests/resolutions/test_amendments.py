"""Amendments that cite printed line numbers: applying them, the adopted text rebuilt from the
adopted ones only, its PDF's appendix and vote box, the amendment sheet, and bad input."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from documents.engine import RenderedBlock
from documents.lines import number_lines
from resolutions import amend, services
from resolutions.models import Amendment
from tests.helpers import pdf_text

from .test_reports import draft, whole_paragraph

LONG = [
    RenderedBlock(
        key=f"b{n}",
        kind="whereas" if n < 3 else "resolved",
        number=str(n + 1),
        text=(
            f"{'WHEREAS' if n < 3 else 'RESOLVED'} paragraph {n + 1} says that the members of "
            "the local stand together on every shift, in every department, against anyone "
            "who would raid the workplace, and that an administrative form is not a warrant "
            "signed by a judge;"
        ),
    )
    for n in range(6)
]


@dataclass
class Cite:
    position: int
    kind: str
    first_line: int
    last_line: int
    cited_text: str
    new_text: str = ""


def line(n):
    return number_lines(LONG)[n - 1]


def test_an_amendment_citing_line_12_changes_the_words_on_line_12():
    twelve = line(12)
    assert twelve.text  # the document has a line 12, in some paragraph
    amendment = Cite(1, "replace", 12, 12, twelve.text, "AMENDED WORDS")
    result = amend.apply_amendments(LONG, [amendment])
    changed = [
        (before, after) for before, after in zip(LONG, result, strict=True) if before != after
    ]
    assert len(changed) == 1
    before, after = changed[0]
    assert before.key == twelve.block_key and after.number == before.number
    assert (
        after.text
        == (
            before.text[: twelve.start].rstrip()
            + " AMENDED WORDS "
            + before.text[twelve.end :].lstrip()
        ).strip()
    )
    assert twelve.text not in after.text
    # The lines around line 12 are untouched.
    everything = "\n".join(b.text for b in result)
    assert line(11).text in everything and line(13).text in everything


def test_strike_and_insert_by_line_keep_keys_and_numbers():
    struck, insert_after = line(3), line(7)
    result = amend.apply_amendments(
        LONG,
        [
            Cite(1, "delete", 3, 3, struck.text),
            Cite(2, "insert", 7, 7, insert_after.text, "and on every night shift"),
        ],
    )
    assert [(b.key, b.number) for b in result] == [(b.key, b.number) for b in LONG]
    text = {b.key: b.text for b in result}
    assert struck.text not in text[struck.block_key]
    assert insert_after.text + " and on every night shift" in text[insert_after.block_key]


def test_cited_words_that_no_longer_match_are_refused():
    with pytest.raises(amend.AmendmentError, match="Amendment 4 cites line 12 as “old words”"):
        amend.apply_amendments(LONG, [Cite(4, "replace", 12, 12, "old words", "new")])


def test_two_adopted_amendments_touching_one_line_are_refused():
    a = Cite(1, "replace", 10, 12, "", "x")
    b = Cite(2, "delete", 12, 13, "")
    with pytest.raises(amend.AmendmentError, match="change the same line"):
        amend.check_overlaps([a, b])
    # An insert after the last line of a change, and a change just after it, do not collide.
    amend.check_overlaps([a, Cite(3, "insert", 12, 12, ""), Cite(4, "delete", 13, 13, "")])


def test_a_citation_across_two_paragraphs_is_refused():
    lines = number_lines(LONG)
    last_of_first = max(n.number for n in lines if n.block_key == "b0")
    with pytest.raises(amend.AmendmentError, match="more than one paragraph"):
        amend.cite(lines, last_of_first, last_of_first + 1)


def cited_lines(amendment, one="line", several="lines") -> str:
    """How the appendix names an amendment's lines: "line 2", "lines 2–3"."""
    if amendment.first_line == amendment.last_line:
        return f"{one} {amendment.first_line}"
    return f"{several} {amendment.lines}"


def report_with(adaptation, user, decisions, **extra):
    return services.adoption_report_create(
        user=user,
        adaptation=adaptation,
        outcome="adopted",
        meeting_date=date(2026, 2, 3),
        body="membership",
        visibility="public",
        votes_for=212,
        votes_against=3,
        abstentions=4,
        moved_by="Rosa Delgado",
        seconded_by="Sam Okafor",
        decisions=decisions,
        **extra,
    )


def test_adopted_text_is_rebuilt_from_the_adopted_amendments_only(resolution, local, steward_user):
    adaptation, user = draft(resolution, local, steward_user)
    adopted = whole_paragraph(
        adaptation, user, 1, "replace", "WHEREAS every worker, documented or not, is one of us;"
    )
    rejected = whole_paragraph(adaptation, user, 2, "delete")
    struck_words = rejected.cited_text
    report = report_with(adaptation, user, {adopted.pk: "adopted", rejected.pk: "rejected"})
    adopted.refresh_from_db()
    rejected.refresh_from_db()
    assert (adopted.status, rejected.status) == ("adopted", "rejected")
    assert adopted.report == rejected.report == report
    assert report.outcome == "adopted_as_amended"

    text = pdf_text(bytes(report.adopted_pdf))
    clean, appendix = text.split(" Amendments The meeting adopted these amendments")
    assert "WHEREAS every worker, documented or not, is one of us;" in clean
    assert " ".join(adopted.cited_text.split()) not in clean
    assert " ".join(struck_words.split()) in clean  # the rejected strike is not applied
    # The vote box, filled from the report.
    for words in ("Moved by Rosa Delgado", "Seconded by Sam Okafor", "Votes for 212"):
        assert words in clean
    assert "Votes against 3" in clean and "Membership meeting" in clean
    assert "February 3, 2026" in clean
    # The appendix: the adopted amendment with its lines, not the rejected one.
    assert f"Amendment 1 · {cited_lines(adopted)} · paragraph {adopted.paragraph}" in appendix
    assert "WHEREAS every worker, documented or not, is one of us;" in appendix
    assert "Amendment 2" not in appendix


def test_overlapping_adopted_amendments_are_refused_at_report(resolution, local, steward_user):
    adaptation, user = draft(resolution, local, steward_user)
    a = whole_paragraph(adaptation, user, 1, "replace", "WHEREAS one;")
    b = whole_paragraph(adaptation, user, 1, "delete")
    with pytest.raises(ValidationError, match="change the same line"):
        report_with(adaptation, user, {a.pk: "adopted", b.pk: "adopted"})
    assert not adaptation.reports.exists()
    assert set(adaptation.amendments.values_list("status", flat=True)) == {"proposed"}


def test_an_amendment_on_lines_the_text_lacks_is_refused_beside_the_field(
    client, resolution, local, steward_user
):
    adaptation, _user = draft(resolution, local, steward_user)
    client.force_login(steward_user)
    url = adaptation.url("amendments")
    last = len(number_lines(adaptation.blocks))
    response = client.post(
        url,
        {
            "kind": "replace",
            "first_line": str(last + 5),
            "new_text": "x",
            "committee_recommendation": "none",
        },
    )
    body = response.content.decode()
    assert f"The text has lines 1 to {last}" in body
    response = client.post(
        url, {"kind": "replace", "first_line": "1", "committee_recommendation": "none"}
    )
    assert "Write the words the amendment puts in." in response.content.decode()
    response = client.post(
        url, {"kind": "delete", "first_line": "x", "committee_recommendation": "adopt"}
    )
    assert "Enter a whole number." in response.content.decode()
    assert not Amendment.objects.exists()


def test_steward_records_changes_withdraws_and_prints_the_sheet(
    client, resolution, local, steward_user
):
    adaptation, _user = draft(resolution, local, steward_user)
    client.force_login(steward_user)
    lines = number_lines(adaptation.blocks)
    url = adaptation.url("amendments")
    page = client.get(url).content.decode()
    assert f'id="line-{len(lines)}"' in page and lines[0].text in page
    response = client.post(
        url,
        {
            "kind": "insert",
            "first_line": "2",
            "new_text": "and on every shift",
            "moved_by": "Luis Ortega",
            "seconded_by": "Mei Chen",
            "committee_recommendation": "adopt",
        },
    )
    assert response.status_code == 302
    first = Amendment.objects.get()
    assert first.cited_text == lines[1].text and first.last_line == 2
    response = client.post(
        url, {"kind": "delete", "first_line": "1", "committee_recommendation": "reject"}
    )
    assert response.status_code == 302
    # Positions follow the text: the strike of line 1 comes first.
    assert list(adaptation.amendments.values_list("first_line", "position")) == [(1, 1), (2, 2)]
    edit = adaptation.url("amendment_edit", amendment_pk=first.pk)
    client.post(
        edit,
        {
            "kind": "insert",
            "first_line": "2",
            "new_text": "and on every night shift",
            "moved_by": "Luis Ortega",
            "committee_recommendation": "adopt",
        },
    )
    first.refresh_from_db()
    assert first.new_text == "and on every night shift" and first.seconded_by == ""
    sheet = pdf_text(client.get(adaptation.url("amendment_sheet")).content)
    assert "Amendments: Keep ICE out of our workplace" in sheet
    assert "after 2" in sheet and "and on every night shift" in sheet and "Luis Ortega" in sheet
    assert sheet.count("Adopted Rejected") == 2  # blank boxes for each amendment
    assert sheet.index("Strike:") < sheet.index("and on every night shift")  # line order
    client.post(edit, {"action": "withdraw"})
    first.refresh_from_db()
    assert first.status == "withdrawn"
    assert "night shift" not in pdf_text(client.get(adaptation.url("amendment_sheet")).content)


def test_someone_elses_adaptation_has_no_amendments_page(client, resolution, local, steward_user):
    from tests.factories import LocalFactory, steward

    adaptation, _user = draft(resolution, local, steward_user)
    other = steward(LocalFactory())
    client.force_login(other)
    response = client.get(adaptation.url("amendments"))
    assert response.status_code == 403
    assert lines_absent(response, adaptation)


def lines_absent(response, adaptation) -> bool:
    return adaptation.blocks[0].text not in response.content.decode()


def test_a_spanish_adaptation_prints_its_amendment_sheet_and_appendix_in_spanish(
    resolution_es, local, steward_user
):
    from resolutions.printing import amendment_sheet_pdf

    adaptation, user = draft(resolution_es, local, steward_user)
    amendment = whole_paragraph(adaptation, user, 1, "replace", "CONSIDERANDO que somos uno;")
    sheet = pdf_text(amendment_sheet_pdf(adaptation, [amendment]))
    assert "Enmiendas: Fuera ICE de nuestro lugar de trabajo" in sheet
    assert "Suprimir y reemplazar" in sheet and "Aprobada Rechazada" in sheet
    report = report_with(adaptation, user, {amendment.pk: "adopted"})
    text = pdf_text(bytes(report.adopted_pdf))
    assert "Enmiendas La reunión aprobó estas enmiendas" in text
    assert f"Enmienda 1 · {cited_lines(amendment, 'línea', 'líneas')}" in text
    assert "Propuesta por Rosa Delgado" in text and "Secundada por Sam Okafor" in text


def test_demo_first_adaptation_has_an_adopted_and_a_rejected_amendment(home, settings, tmp_path):
    import io

    from demo import resolutions as resolutions_demo
    from demo.pages import seed_unions, seed_users
    from resolutions.models import Adaptation

    settings.MEDIA_ROOT = str(tmp_path)
    seed_users(seed_unions())
    resolutions_demo.seed(home=home, stdout=io.StringIO())
    resolutions_demo.seed(home=home, stdout=io.StringIO())  # idempotent: no second set
    first = Adaptation.objects.get(
        resolution__number="R-2027-01", resolution__locale__language_code="en"
    )
    amendments = list(first.amendments.all())
    assert [(a.kind, a.status, a.moved_by) for a in amendments] == [
        ("replace", "adopted", "Luis Ortega"),
        ("delete", "rejected", "Dana Price"),
    ]
    assert {a.report_id for a in amendments} == {first.report.pk}
    assert first.status == "adopted_as_amended"
    text = pdf_text(bytes(first.adopted_pdf))
    clean, appendix = text.split(" Amendments The meeting adopted these amendments")
    assert "whatever our papers say, and we will answer it together;" in clean
    assert "no worker's file, schedule or address" in clean  # the rejected strike
    assert "Moved by Rosa Delgado" in clean and "Seconded by Sam Okafor" in clean
    assert "moved by Luis Ortega, seconded by Mei Chen" in appendix


def test_a_correction_decides_the_amendments_again(resolution, local, steward_user):
    adaptation, user = draft(resolution, local, steward_user)
    amendment = whole_paragraph(adaptation, user, 1, "replace", "WHEREAS we are one;")
    first = report_with(adaptation, user, {amendment.pk: "adopted"})
    corrected = services.adoption_report_correct(
        user=user,
        adaptation=adaptation,
        outcome="adopted",
        meeting_date=date(2026, 2, 3),
        body="membership",
        visibility="public",
        votes_for=200,
        decisions={amendment.pk: "rejected"},
    )
    amendment.refresh_from_db()
    first.refresh_from_db()
    assert (amendment.status, amendment.report_id) == ("rejected", corrected.pk)
    assert corrected.outcome == "adopted" and first.superseded_by_id == corrected.pk
    new_text = pdf_text(bytes(corrected.adopted_pdf))
    assert "WHEREAS we are one;" not in new_text and "Votes for 200" in new_text
    assert "WHEREAS we are one;" in pdf_text(bytes(first.adopted_pdf))  # history kept


def test_a_tabled_motion_brings_its_amendments_back_to_be_voted(resolution, local, steward_user):
    adaptation, user = draft(resolution, local, steward_user)
    voted = whole_paragraph(adaptation, user, 1, "replace", "WHEREAS we are one;")
    unvoted = whole_paragraph(adaptation, user, 2, "delete")
    with pytest.raises(ValidationError, match="Mark amendment 2 adopted or rejected"):
        report_with(adaptation, user, {voted.pk: "adopted"})
    services.adoption_report_create(
        user=user,
        adaptation=adaptation,
        outcome="tabled",
        meeting_date=date(2026, 2, 3),
        body="membership",
        visibility="private",
        decisions={voted.pk: "adopted", unvoted.pk: "proposed"},
    )
    voted.refresh_from_db()
    unvoted.refresh_from_db()
    assert (voted.status, unvoted.status, unvoted.report_id) == ("adopted", "proposed", None)
    services.adaptation_present_again(user=user, adaptation=adaptation)
    assert list(adaptation.amendments.values_list("status", "report")) == [
        ("proposed", None),
        ("proposed", None),
    ]
    assert [a.pk for a in services.reportable_amendments(adaptation)] == [voted.pk, unvoted.pk]


def test_an_amendment_whose_lines_changed_is_flagged_and_refused_at_report(
    client, resolution, local, steward_user
):
    from documents.engine import Answers
    from tests.documents.helpers import ANSWERS

    adaptation, user = draft(resolution, local, steward_user)
    amendment = whole_paragraph(adaptation, user, 0, "replace", "WHEREAS we are one;")
    client.force_login(steward_user)
    page = client.get(adaptation.url("amendments")).content.decode()
    assert "changed after this amendment was recorded" not in page
    # New answers change the first paragraph's words after the amendment cited them.
    services.adaptation_update(
        user=user,
        adaptation=adaptation,
        answers=Answers(values=dict(ANSWERS, local_name="Local 99 of Somewhere Else")),
    )
    page = client.get(adaptation.url("amendments")).content.decode()
    assert "changed after this amendment was recorded" in page
    response = client.post(
        adaptation.url("report"), {**report_form(), f"amendment_{amendment.pk}": "adopted"}
    )
    assert "Amendment 1 cites line 1" in response.content.decode()
    assert not adaptation.reports.exists()


def report_form():
    from .test_reports import report_data

    return report_data()
