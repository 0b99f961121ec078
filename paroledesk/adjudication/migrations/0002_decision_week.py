"""An index for the dashboard's decisions per week: the last weeks read from it alone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("adjudication", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="decision",
            index=models.Index(fields=["decided_on", "outcome"], name="decision_week"),
        ),
    ]
