"""Adopted PDFs kept as files in media move into their rows, and the files go (0005)."""

import datetime
import hashlib
from pathlib import Path

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from resolutions.models import Adaptation, AdoptionReport

BEFORE = [("resolutions", "0004_adaptation_labels")]
PDF = b"%PDF-1.7 adopted by the membership"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrate_to_latest():
    """Forward through 0005 and every later migration: the models the test reads after are
    today's, and the tests after it need today's schema."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_files_in_media_move_into_the_rows_and_leave_media(settings, tmp_path, resolution, local):
    settings.MEDIA_ROOT = str(tmp_path)
    digest = hashlib.sha256(PDF).hexdigest()
    adaptation = Adaptation.objects.create(
        resolution=resolution,
        resolution_key=resolution.translation_key,
        local=local,
        adopted_pdf=PDF,
        adopted_pdf_sha256=digest,
    )
    report = AdoptionReport.objects.create(
        adaptation=adaptation,
        outcome="adopted",
        meeting_date=datetime.date(2026, 2, 3),
        body="membership",
        adopted_pdf=PDF,
        adopted_pdf_sha256=digest,
    )
    try:
        old = migrate(BEFORE)  # back to files: what a running deployment holds today
        files = sorted(p for p in Path(tmp_path).rglob("*.pdf"))
        assert len(files) == 2 and all(p.read_bytes() == PDF for p in files)
        old_adaptation = old.get_model("resolutions", "Adaptation").objects.get(pk=adaptation.pk)
        assert old_adaptation.adopted_pdf.name.startswith("resolutions/adopted/")
    finally:
        migrate_to_latest()
    adaptation.refresh_from_db()
    report.refresh_from_db()
    assert bytes(adaptation.adopted_pdf) == PDF == bytes(report.adopted_pdf)
    assert adaptation.adopted_pdf_sha256 == digest == report.adopted_pdf_sha256
    assert not list(Path(tmp_path).rglob("*.pdf"))
