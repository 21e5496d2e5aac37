"""Adopted PDFs move from files in media into the database (as petitions' delivery PDFs are):
a file in MEDIA_ROOT could be served to anyone who learns its name, and outlives its row."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import migrations, models, transaction

MODELS = ("Adaptation", "AdoptionReport")


def files_into_rows(apps, schema_editor):
    names = set()
    for model_name in MODELS:
        model = apps.get_model("resolutions", model_name)
        for row in model.objects.exclude(adopted_pdf_file="").only("pk", "adopted_pdf_file"):
            name = row.adopted_pdf_file.name
            if not default_storage.exists(name):
                continue  # nothing left to keep; the digest still records what was printed
            with default_storage.open(name, "rb") as handle:
                model.objects.filter(pk=row.pk).update(adopted_pdf=handle.read())
            names.add(name)
    # An adaptation and its current report share one file. Removed only once the copies
    # are committed: a failed migration leaves the files where they were.
    transaction.on_commit(lambda: [default_storage.delete(name) for name in sorted(names)])


def rows_into_files(apps, schema_editor):
    for model_name in MODELS:
        model = apps.get_model("resolutions", model_name)
        for row in model.objects.exclude(adopted_pdf=None):
            stem = f"adopted-{row.pk if model_name == 'Adaptation' else row.adaptation_id}"
            row.adopted_pdf_file.save(
                f"{stem}-{row.adopted_pdf_sha256[:12]}.pdf", ContentFile(bytes(row.adopted_pdf))
            )


class Migration(migrations.Migration):
    dependencies = [("resolutions", "0004_adaptation_labels")]

    operations = [
        *(
            migrations.RenameField(model_name, "adopted_pdf", "adopted_pdf_file")
            for model_name in ("adaptation", "adoptionreport")
        ),
        *(
            migrations.AddField(
                model_name=model_name,
                name="adopted_pdf",
                field=models.BinaryField(
                    blank=True, null=True, verbose_name="adopted text (PDF)"
                ),
            )
            for model_name in ("adaptation", "adoptionreport")
        ),
        migrations.RunPython(files_into_rows, rows_into_files),
        *(
            migrations.RemoveField(model_name, "adopted_pdf_file")
            for model_name in ("adaptation", "adoptionreport")
        ),
    ]
