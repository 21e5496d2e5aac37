"""The clause categories the library starts with. Editors add more in the admin."""

from django.db import migrations

CATEGORIES = [
    (
        "immigration-enforcement",
        "Immigration enforcement at the worksite",
        "Operativos de inmigración en el lugar de trabajo",
    ),
    (
        "no-match-reverification",
        "No-match letters and re-verification",
        "Cartas de discrepancia y reverificación",
    ),
    (
        "immigration-leave",
        "Leave for immigration proceedings",
        "Permiso para trámites migratorios",
    ),
    (
        "seniority-reinstatement",
        "Seniority and reinstatement",
        "Antigüedad y reinstalación",
    ),
    (
        "name-ssn-changes",
        "Name and Social Security number changes",
        "Cambios de nombre y de número de Seguro Social",
    ),
    (
        "know-your-rights-training",
        "Know-your-rights training on paid time",
        "Capacitación sobre sus derechos en horario pagado",
    ),
    ("non-discrimination", "Non-discrimination", "No discriminación"),
]


def seed(apps, schema_editor):
    ClauseCategory = apps.get_model("contracts", "ClauseCategory")
    for order, (slug, name, name_es) in enumerate(CATEGORIES, start=1):
        ClauseCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_es": name_es, "sort_order": order * 10}
        )


class Migration(migrations.Migration):
    dependencies = [("contracts", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
