# Written by hand, as 0004 was: the plaintext columns are renamed, the encrypted
# ones added empty, every row sealed in Python (the key is in settings, never in
# SQL), and only then the plaintext columns dropped. Reversible.
#
# What a requestor writes about the danger (the statement, why no visa can be
# had, new facts after a denial, why to expedite) can say more about a person
# than their birth date does, so it is kept sealed like it.

import importlib
import uuid

from django.db import migrations, models

from paroledesk.intake.fields import EncryptedTextField

# The encrypted field, nullable while the rows are sealed: as 0004 made it.
_nullable = importlib.import_module("paroledesk.intake.migrations.0004_encrypted_identity")._nullable

# field: (the plaintext field as it was, made nullable; the encrypted field as it ends)
SEALED = {
    "statement": (models.TextField(null=True), EncryptedTextField()),
    "why_no_visa": (models.TextField(null=True), EncryptedTextField()),
    "new_facts": (models.TextField(blank=True, null=True), EncryptedTextField(blank=True, default="")),
    "expedite_reason": (
        models.TextField(blank=True, null=True),
        EncryptedTextField(blank=True, default=""),
    ),
}


def seal_rows(apps, schema_editor):
    requests = apps.get_model("intake", "parolerequest")
    for row in requests.objects.all().iterator():
        row.seal_id = uuid.uuid4()
        for name in SEALED:
            setattr(row, name, getattr(row, f"plain_{name}") or "")
        row.save(update_fields=["seal_id", *SEALED])


def open_rows(apps, schema_editor):
    requests = apps.get_model("intake", "parolerequest")
    for row in requests.objects.all().iterator():
        for name in SEALED:
            setattr(row, f"plain_{name}", getattr(row, name))
        row.save(update_fields=[f"plain_{name}" for name in SEALED])


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0004_encrypted_identity"),
    ]

    operations = [
        *[
            operation
            for name, (plain, _) in SEALED.items()
            for operation in (
                migrations.RenameField(
                    model_name="parolerequest", old_name=name, new_name=f"plain_{name}"
                ),
                migrations.AlterField(
                    model_name="parolerequest", name=f"plain_{name}", field=plain
                ),
            )
        ],
        migrations.AddField(
            model_name="parolerequest",
            name="seal_id",
            field=models.UUIDField(editable=False, null=True),
        ),
        *[
            migrations.AddField(model_name="parolerequest", name=name, field=_nullable(sealed))
            for name, (_, sealed) in SEALED.items()
        ],
        migrations.RunPython(seal_rows, open_rows, elidable=False),
        *[
            migrations.RemoveField(model_name="parolerequest", name=f"plain_{name}")
            for name in SEALED
        ],
        migrations.AlterField(
            model_name="parolerequest",
            name="seal_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        *[
            migrations.AlterField(model_name="parolerequest", name=name, field=sealed)
            for name, (_, sealed) in SEALED.items()
        ],
    ]
