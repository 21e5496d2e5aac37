"""The reports' free-form floor amendments become line-cited Amendment rows (0006)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from documents.engine import RenderedBlock
from documents.lines import number_lines
from resolutions import amend
from resolutions.models import Adaptation, Amendment

BEFORE = [("resolutions", "0005_adopted_pdf_in_database")]
AFTER = [("resolutions", "0006_amendments")]

BODY = [
    RenderedBlock(key="w1", kind="whereas", number="1", text="WHEREAS we work here;"),
    RenderedBlock(
        key="w2",
        kind="whereas",
        number="2",
        text="WHEREAS immigration agents may not enter the non-public areas of a workplace "
        "without a warrant signed by a judge;",
    ),
    RenderedBlock(key="r1", kind="resolved", number="3", text="RESOLVED that we ask them."),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_floor_amendments_become_line_cited_amendments(resolution, local):
    try:
        old = migrate(BEFORE)
        OldAdaptation = old.get_model("resolutions", "Adaptation")
        OldReport = old.get_model("resolutions", "AdoptionReport")
        entries = [
            {"block": "w2", "action": "replace", "text": "WHEREAS no agent enters without one;"},
            {"block": "w1", "action": "delete", "text": ""},
            {"block": "r1", "action": "insert_after", "text": "RESOLVED that we tell everyone."},
            "The chair ruled that paragraph 4 reads “shall” for “may”.",
            {"block": "gone", "action": "replace", "text": "Text of a paragraph since removed"},
        ]
        adaptation = OldAdaptation.objects.create(
            resolution_id=resolution.pk,
            resolution_key=resolution.translation_key,
            local_id=local.pk,
            adapted_body=[b.to_dict() for b in BODY],
            floor_amendments=entries,
            status="adopted_as_amended",
        )
        report = OldReport.objects.create(
            adaptation=adaptation,
            outcome="adopted_as_amended",
            meeting_date=datetime.date(2026, 2, 3),
            body="membership",
            floor_amendments=entries,
        )
        migrate(AFTER)
    finally:
        migrate_to_latest()

    rows = list(Amendment.objects.filter(adaptation_id=adaptation.pk))
    lines = number_lines(BODY)
    w2 = [n.number for n in lines if n.block_key == "w2"]
    assert len(w2) == 2  # paragraph 2 prints on two lines
    assert [(a.position, a.kind, a.first_line, a.last_line, a.paragraph) for a in rows] == [
        (1, "replace", w2[0], w2[-1], "2"),
        (2, "delete", 1, 1, "1"),
        (3, "insert", len(lines), len(lines), "3"),
        (4, "insert", len(lines), len(lines), "3"),
        (5, "insert", len(lines), len(lines), "3"),
    ]
    assert all(a.status == "adopted" and a.report_id == report.pk for a in rows)
    assert rows[3].new_text == "The chair ruled that paragraph 4 reads “shall” for “may”."
    assert rows[4].new_text == "Text of a paragraph since removed"
    # The converted rows rebuild the text the old per-paragraph amendments made.
    adopted = amend.printable(
        amend.apply_amendments(Adaptation.objects.get(pk=adaptation.pk).blocks, rows[:3])
    )
    assert [(b.number, b.text) for b in adopted] == [
        ("1", "WHEREAS no agent enters without one;"),
        ("2", "RESOLVED that we ask them.\nRESOLVED that we tell everyone."),
    ]
