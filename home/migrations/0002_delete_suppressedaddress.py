# The suppression list moved to `core` (core.0001): the table stays, only the state moves.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0001_initial'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='SuppressedAddress')]
        ),
    ]
