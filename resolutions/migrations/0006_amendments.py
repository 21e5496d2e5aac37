"""Amendments become rows that cite printed line numbers; the reports' free-form
`floor_amendments` JSON is converted into them, then removed.

The old report form recorded, per paragraph, what the meeting did to it:
`{"block": <block key>, "action": "replace" | "delete" | "insert_after", "text": ...}`.
Each entry becomes an adopted Amendment decided by the report that listed it (the old form
only recorded amendments the meeting made), in the order the report listed them:

- replace / delete of a paragraph cite all of that paragraph's printed lines, with the
  paragraph's words as the cited text, so the rows rebuild exactly the text the old code did;
- insert_after added a new paragraph after one: it becomes an insert after that paragraph's
  last line, its text starting on a new line (the nearest a line-based insert comes to a new
  paragraph without changing the paragraph numbers the meeting saw).
- Anything else (a plain string, an unknown paragraph or action): the entry cites no line we
  can trust, so it becomes an insert after the document's last line with its text kept word
  for word, where it adds nothing in the middle of the text and the steward sees it in the
  amendment list. The adopted PDFs printed before are kept unchanged in their rows.

Line numbers are computed here with a frozen copy of documents.lines at 72 characters: a
migration must not change its result when that module later does.
"""

import re

import django.db.models.deletion
from django.db import migrations, models


LINE_WIDTH = 72
_WORD = re.compile(r"\S+")


def _line_count(text):
    count = 0
    for part in text.split("\n"):
        start = None
        for word in _WORD.finditer(part):
            if start is None:
                start = word.start()
            elif word.end() - start > LINE_WIDTH:
                count += 1
                start = word.start()
        count += 1
    return count


def _block_lines(body):
    """{block key: (first line, last line, paragraph number, text)} and the last line."""
    lines, number = {}, 0
    for block in body or []:
        count = _line_count(block.get("text", ""))
        lines[block.get("key")] = (
            number + 1,
            number + count,
            block.get("number", ""),
            block.get("text", ""),
        )
        number += count
    return lines, number


def _converted(entry, lines, last):
    if isinstance(entry, dict):
        action = entry.get("action")
        text = str(entry.get("text") or "").strip()
        found = lines.get(entry.get("block"))
        if found is not None:
            first_line, last_line, paragraph, words = found
            if action == "delete":
                return dict(kind="delete", first_line=first_line, last_line=last_line,
                            paragraph=paragraph, cited_text=words, new_text="")
            if action == "replace" and text:
                return dict(kind="replace", first_line=first_line, last_line=last_line,
                            paragraph=paragraph, cited_text=words, new_text=text)
            if action == "insert_after" and text:
                return dict(kind="insert", first_line=last_line, last_line=last_line,
                            paragraph=paragraph, cited_text=_last_line_text(words),
                            new_text="\n" + text)
        text = text or " ".join(str(v) for v in entry.values() if v)
    else:
        text = str(entry or "").strip()
    if not text:
        return None
    paragraph, cited = "", ""
    for first_line, last_line, number, words in lines.values():
        if last_line == last:
            paragraph, cited = number, _last_line_text(words)
    return dict(kind="insert", first_line=max(last, 1), last_line=max(last, 1),
                paragraph=paragraph, cited_text=cited, new_text=text)


def _last_line_text(words):
    """The words on a paragraph's last printed line (the greedy break, as above)."""
    part = words.split("\n")[-1]
    start = None
    for word in _WORD.finditer(part):
        if start is None:
            start = word.start()
        elif word.end() - start > LINE_WIDTH:
            start = word.start()
    return part[start:].strip() if start is not None else ""


def floor_amendments_to_rows(apps, schema_editor):
    AdoptionReport = apps.get_model("resolutions", "AdoptionReport")
    Amendment = apps.get_model("resolutions", "Amendment")
    positions = {}
    reports = AdoptionReport.objects.select_related("adaptation").order_by("created_at", "pk")
    for report in reports.iterator():
        entries = report.floor_amendments or []
        if not isinstance(entries, list):
            entries = [entries]
        lines, last = _block_lines(report.adaptation.adapted_body)
        for entry in entries:
            fields = _converted(entry, lines, last)
            if fields is None:
                continue
            position = positions.get(report.adaptation_id, 0) + 1
            positions[report.adaptation_id] = position
            Amendment.objects.create(
                adaptation_id=report.adaptation_id,
                report=report,
                position=position,
                status="adopted",
                **fields,
            )


ACTIONS = {"replace": "replace", "delete": "delete", "insert": "insert_after"}


def rows_to_floor_amendments(apps, schema_editor):
    """Back to the JSON: each adopted amendment names the paragraph its first line is in."""
    AdoptionReport = apps.get_model("resolutions", "AdoptionReport")
    Amendment = apps.get_model("resolutions", "Amendment")
    for report in AdoptionReport.objects.select_related("adaptation").iterator():
        lines, _last = _block_lines(report.adaptation.adapted_body)
        entries = []
        for amendment in Amendment.objects.filter(report=report, status="adopted").order_by(
            "position"
        ):
            key = next(
                (k for k, (a, b, _n, _t) in lines.items() if a <= amendment.first_line <= b), ""
            )
            entries.append(
                {"block": key, "action": ACTIONS[amendment.kind],
                 "text": amendment.new_text.strip()}
            )
        report.floor_amendments = entries
        report.save(update_fields=["floor_amendments"])
        if report.superseded_at is None:
            adaptation = report.adaptation
            adaptation.floor_amendments = entries
            adaptation.save(update_fields=["floor_amendments"])


class Migration(migrations.Migration):

    dependencies = [
        ('resolutions', '0005_adopted_pdf_in_database'),
    ]

    operations = [
        migrations.AddField(
            model_name='adoptionreport',
            name='moved_by',
            field=models.CharField(blank=True, default='', max_length=120, verbose_name='moved by'),
        ),
        migrations.AddField(
            model_name='adoptionreport',
            name='seconded_by',
            field=models.CharField(blank=True, default='', max_length=120, verbose_name='seconded by'),
        ),
        migrations.CreateModel(
            name='Amendment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveIntegerField(verbose_name='order in the resolution')),
                ('kind', models.CharField(choices=[('replace', 'Strike and replace'), ('delete', 'Strike'), ('insert', 'Insert after the line')], max_length=10, verbose_name='kind')),
                ('first_line', models.PositiveIntegerField(verbose_name='first line')),
                ('last_line', models.PositiveIntegerField(verbose_name='last line')),
                ('paragraph', models.CharField(blank=True, default='', max_length=10, verbose_name='paragraph')),
                ('cited_text', models.TextField(blank=True, default='', verbose_name='cited words')),
                ('new_text', models.TextField(blank=True, default='', verbose_name='new words')),
                ('moved_by', models.CharField(blank=True, default='', max_length=120, verbose_name='moved by')),
                ('seconded_by', models.CharField(blank=True, default='', max_length=120, verbose_name='seconded by')),
                ('committee_recommendation', models.CharField(choices=[('none', 'No recommendation'), ('adopt', 'Adopt'), ('reject', 'Reject'), ('refer', 'Refer')], default='none', max_length=10, verbose_name='committee recommendation')),
                ('status', models.CharField(choices=[('proposed', 'Proposed'), ('adopted', 'Adopted'), ('rejected', 'Rejected'), ('withdrawn', 'Withdrawn')], default='proposed', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('adaptation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='amendments', to='resolutions.adaptation', verbose_name='adaptation')),
                ('report', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.RESTRICT, related_name='amendments', to='resolutions.adoptionreport', verbose_name='decided by report')),
            ],
            options={
                'verbose_name': 'amendment',
                'verbose_name_plural': 'amendments',
                'ordering': ['position', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('adaptation', 'position'), name='resolutions_amendment_position_unique'), models.CheckConstraint(condition=models.Q(('first_line__gte', 1), ('last_line__gte', models.F('first_line'))), name='resolutions_amendment_line_range'), models.CheckConstraint(condition=models.Q(models.Q(('kind', 'insert'), ('last_line', models.F('first_line'))), models.Q(('kind', 'insert'), _negated=True), _connector='OR'), name='resolutions_amendment_insert_after_one_line'), models.CheckConstraint(condition=models.Q(models.Q(('kind', 'delete'), ('new_text', '')), models.Q(('kind__in', ['replace', 'insert']), models.Q(('new_text', ''), _negated=True)), _connector='OR'), name='resolutions_amendment_kind_new_text'), models.CheckConstraint(condition=models.Q(models.Q(('status__in', ['adopted', 'rejected']), ('report__isnull', False)), models.Q(('status__in', ['proposed', 'withdrawn']), ('report__isnull', True)), _connector='OR'), name='resolutions_amendment_decided_by_report')],
            },
        ),
        migrations.RunPython(floor_amendments_to_rows, rows_to_floor_amendments),
        migrations.RemoveField(
            model_name='adaptation',
            name='floor_amendments',
        ),
        migrations.RemoveField(
            model_name='adoptionreport',
            name='floor_amendments',
        ),
    ]
