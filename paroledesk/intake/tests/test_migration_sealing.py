"""Migration 0005 seals the statements of requests filed before it, and can be undone."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from paroledesk.intake.models import ParoleRequest

BEFORE = [("intake", "0004_encrypted_identity")]
AFTER = [("intake", "0005_encrypted_statements")]
STATEMENT = "He was threatened at the checkpoint in Herat on May 2."


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


@pytest.mark.django_db(transaction=True)
def test_statements_filed_before_are_sealed_and_unsealed_again(alice):
    old = migrate(BEFORE)
    person = old.get_model("intake", "Beneficiary").objects.create(
        family_name="Haidari",
        given_name="Farid",
        name_key="haidari|farid",
        date_of_birth=date(1988, 3, 14),
        country_of_birth="AF",
        country_of_citizenship="AF",
    )
    old.get_model("intake", "ParoleRequest").objects.create(
        receipt_number="IOE2704000001",
        kind="initial",
        channel="online",
        received_on=date(2026, 11, 30),
        beneficiary_id=person.pk,
        location="outside_us",
        current_country="PK",
        basis="urgent_humanitarian",
        category="medical",
        statement=STATEMENT,
        why_no_visa="No interview for a year.",
        requested_days=180,
        expedite_reason="",
        filed_by_id=alice.pk,
    )
    try:
        migrate(AFTER)
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement, new_facts FROM intake_parolerequest")
            (sealed, new_facts) = cursor.fetchone()
        assert STATEMENT.encode() not in bytes(sealed)
        assert new_facts is not None  # an empty value is sealed too: every value is an envelope
        request = ParoleRequest.objects.get()
        assert (request.statement, request.new_facts) == (STATEMENT, "")

        migrate(BEFORE)
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM intake_parolerequest")
            assert cursor.fetchone() == (STATEMENT,)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
