"""The last day of each request's decision window, stored so the database finds overdue work."""

from django.conf import settings
from django.db import migrations, models


def fill_due_dates(apps, schema_editor):
    # The window is policy's, as in force on each receipt date (the one rule, in
    # cases.clock); the requests already filed get theirs from it here.
    from paroledesk.cases.clock import due_on  # noqa: PLC0415 - the app's rule, at run time

    requests = apps.get_model("cases", "ParoleRequest")
    changed = []
    for row in requests.objects.only("pk", "received_on", "waited_business_days").iterator():
        row.decision_due_on = due_on(row.received_on, row.waited_business_days)
        changed.append(row)
    requests.objects.bulk_update(changed, ["decision_due_on"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_after_grant"),
        ("policy", "0003_poverty_guidelines"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="parolerequest",
            name="decision_due_on",
            field=models.DateField(blank=True, null=True),
        ),
        migrations.AddIndex(
            model_name="parolerequest",
            index=models.Index(fields=["status", "decision_due_on"], name="request_due"),
        ),
        migrations.RunPython(fill_due_dates, migrations.RunPython.noop),
    ]
