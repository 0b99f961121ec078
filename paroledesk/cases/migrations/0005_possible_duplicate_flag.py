"""Each request of a possible-duplicate pair carries a flag the work lists filter on."""

from django.db import migrations, models


def flag_pairs(apps, schema_editor):
    requests = apps.get_model("cases", "ParoleRequest")
    pairs = apps.get_model("cases", "PossibleDuplicate")
    either = models.Q(pk__in=pairs.objects.values("request")) | models.Q(
        pk__in=pairs.objects.values("other")
    )
    requests.objects.filter(either).update(possible_duplicate=True)


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_decision_due_on")]

    operations = [
        migrations.AddField(
            model_name="parolerequest",
            name="possible_duplicate",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(flag_pairs, migrations.RunPython.noop),
    ]
