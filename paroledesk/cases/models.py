"""The request at the center: the person it is for, who filed it, its forms, evidence and
fees, and the parole it may bring. Filing writes these rows; deciding, notices, the
status inquiry and the sweep read and move them, always through this app's services.
"""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from django.conf import settings
from django.db import models

from paroledesk.core.countries import citizenship_choices, country_choices
from paroledesk.core.filing_rules import (
    Basis,
    Category,
    FeePayment,
    Kind,
    Location,
    RequestorRole,
    SponsorStatus,
)
from paroledesk.core.lifecycle import DECIDED_STATUSES, OPEN_STATUSES, Status
from paroledesk.core.names import likeness_key
from paroledesk.core.policy import Channel
from paroledesk.lib.fields import (
    BlindIndexField,
    EncryptedDateField,
    EncryptedTextField,
    choices,
)

# Sorted, so that the partial indexes below read the same to every migration check.
_OPEN = sorted(status.value for status in OPEN_STATUSES)
_DECIDED = sorted(status.value for status in DECIDED_STATUSES)
# Let a filtered count of a work list read only its index (PostgreSQL; ignored elsewhere).
_FILTERED = ["category", "expedited", "possible_duplicate"]

IDENTITY_PURPOSE = "beneficiary.identity"
LIKENESS_PURPOSE = "beneficiary.likeness"
FAMILY_PURPOSE = "request.family"


class Beneficiary(models.Model):
    """The person who would be paroled. One person may be the subject of many requests."""

    family_name = models.CharField(max_length=100)
    given_name = models.CharField(max_length=100)
    # Names compared without case or accents (core.names.name_key).
    name_key = models.CharField(max_length=210)
    # Encrypted at rest, bound to this row by seal_id (docs/security.md).
    seal_id = models.UUIDField(default=uuid.uuid4, editable=False)
    date_of_birth = EncryptedDateField()
    country_of_birth = models.CharField(max_length=2, choices=country_choices())
    country_of_citizenship = models.CharField(max_length=9, choices=citizenship_choices())
    passport_number = EncryptedTextField(blank=True, default="")
    a_number = EncryptedTextField(blank=True, default="")
    # Keyed hashes of the name and birth date: find a person without decrypting.
    # identity_index: the same person, exactly (re-parole, refiling).
    identity_index = BlindIndexField(
        sources=["name_key", "date_of_birth"], purpose=IDENTITY_PURPOSE
    )
    # likeness_index: the same person written another way (possible duplicates).
    likeness_index = BlindIndexField(
        sources=["likeness_key", "date_of_birth"], purpose=LIKENESS_PURPOSE
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["identity_index"], name="beneficiary_identity_index"),
            models.Index(fields=["likeness_index"], name="beneficiary_likeness_index"),
        ]
        verbose_name_plural = "beneficiaries"

    def __str__(self) -> str:
        return f"{self.family_name}, {self.given_name}"

    @property
    def likeness_key(self) -> str:
        """Computed from the names, never stored (only its blind index is)."""
        return likeness_key(self.family_name, self.given_name)

    @classmethod
    def identity_indexes(cls, name_key: str, date_of_birth: date) -> list[str]:
        """What identity_index holds for this person under each key in force."""
        return _index_field("identity_index").lookup_values(name_key, date_of_birth)

    @classmethod
    def likeness_indexes(cls, family: str, given: str, date_of_birth: date) -> list[str]:
        """What likeness_index holds for this person under each key in force."""
        return _index_field("likeness_index").lookup_values(
            likeness_key(family, given), date_of_birth
        )


def _index_field(name: str) -> BlindIndexField:
    field = Beneficiary._meta.get_field(name)
    assert isinstance(field, BlindIndexField)
    return field


# Expedited and medical requests go first when urgent work is asked for first.
URGENT = models.Q(expedited=True) | models.Q(category=Category.MEDICAL.value)


class ParoleRequest(models.Model):
    """One Form I-131 request for parole, from receipt to the end of parole."""

    receipt_number = models.CharField(max_length=13)
    kind = models.CharField(max_length=12, choices=choices(Kind))
    channel = models.CharField(max_length=8, choices=choices(Channel))
    status = models.CharField(max_length=30, choices=choices(Status), default=Status.RECEIVED)
    received_on = models.DateField()
    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.PROTECT, related_name="requests")
    related_request = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        help_text="Re-parole: the request whose grant is renewed. Refiling: the denied request.",
    )
    location = models.CharField(max_length=10, choices=choices(Location))
    current_country = models.CharField(max_length=2, choices=country_choices())
    basis = models.CharField(max_length=30, choices=choices(Basis))
    category = models.CharField(max_length=20, choices=choices(Category))
    # What the requestor writes about the danger and the need, encrypted at rest
    # and bound to this row by seal_id (docs/security.md).
    seal_id = models.UUIDField(default=uuid.uuid4, editable=False)
    statement = EncryptedTextField()
    why_no_visa = EncryptedTextField()
    requested_days = models.PositiveIntegerField()
    new_facts = EncryptedTextField(blank=True, default="")
    expedite_reason = EncryptedTextField(blank=True, default="")
    # Whether an expedite was asked for, in the clear for the officers' queues (the
    # reason itself stays sealed above).
    expedited = models.BooleanField(default=False)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="filed_requests"
    )
    # The family_group its filer gave (sealed: it may name the family), and a keyed hash
    # of it with the filer: the filer's requests with the same one are one family,
    # each still its own request and fee.
    family_group = EncryptedTextField(blank=True, default="")
    family_key = BlindIndexField(sources=["filed_by_id", "family_group"], purpose=FAMILY_PURPOSE)
    # The officer who holds the open assignment, kept here so the work queues
    # are one index scan (see docs/benchmarks.md).
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_requests",
    )
    # The clock waits while the request waits on the requestor (cases.clock):
    # the business days of the waits that ended, and since when it waits now.
    waited_business_days = models.PositiveIntegerField(default=0)
    waiting_since = models.DateField(null=True, blank=True)
    # The last day of the decision window, pushed back by the waits that ended, so that
    # the overdue work is found by the database (cases.clock.due_on keeps it).
    decision_due_on = models.DateField(null=True, blank=True)
    decided_on = models.DateField(null=True, blank=True)
    # One of a pair of PossibleDuplicate (either side), for the work lists to filter on.
    possible_duplicate = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["receipt_number"], name="request_receipt_unique"),
            models.CheckConstraint(
                condition=models.Q(requested_days__gt=0), name="request_days_positive"
            ),
        ]
        # The work lists read a page in index order and count from an index, without
        # scanning the wide rows (docs/benchmarks.md, "The work lists at 100,000").
        indexes = [
            models.Index(
                fields=["status", "assigned_officer", "received_on", "id"], name="request_queue"
            ),
            models.Index(fields=["filed_by", "-received_on"], name="request_filer"),
            # With the officer, so that overdue work counted per officer reads only this index.
            models.Index(
                fields=["status", "decision_due_on"],
                include=["assigned_officer"],
                name="request_due",
            ),
            models.Index(fields=["filed_by", "family_key"], name="request_family"),
            # The work lists walk these in their order and stop after a page, instead of
            # sorting every request of the list (docs/benchmarks.md, issue 9): waiting
            # for an officer, oldest first;
            models.Index(
                fields=["received_on", "id"],
                condition=models.Q(status=Status.RECEIVED.value),
                include=_FILTERED,
                name="request_waiting",
            ),
            # everyone's open work, oldest first (evidence and overdue lists);
            models.Index(
                fields=["received_on", "id"],
                condition=models.Q(status__in=_OPEN),
                include=_FILTERED,
                name="request_open_age",
            ),
            # one officer's open work, oldest first;
            models.Index(
                fields=["assigned_officer", "received_on", "id"],
                condition=models.Q(status__in=_OPEN),
                name="request_open_officer",
            ),
            # the decided, latest first: everyone's, and one officer's.
            models.Index(
                fields=["decided_on", "id"],
                condition=models.Q(status__in=_DECIDED),
                include=_FILTERED,
                name="request_decided",
            ),
            models.Index(
                fields=["assigned_officer", "decided_on", "id"],
                condition=models.Q(status__in=_DECIDED),
                name="request_decided_officer",
            ),
        ]

    def __str__(self) -> str:
        return self.receipt_number

    @property
    def status_enum(self) -> Status:
        return Status(self.status)

    @classmethod
    def family_keys(cls, filed_by_id: int, family_group: str) -> list[str]:
        """What family_key holds for this filer's group under each key in force."""
        field = cls._meta.get_field("family_key")
        assert isinstance(field, BlindIndexField)
        return field.lookup_values(filed_by_id, family_group)


class Requestor(models.Model):
    """Who filed: the beneficiary, a relative, a representative (with a G-28), an organization."""

    request = models.OneToOneField(
        ParoleRequest, on_delete=models.CASCADE, related_name="requestor"
    )
    role = models.CharField(max_length=20, choices=choices(RequestorRole))
    family_name = models.CharField(max_length=100, blank=True)
    given_name = models.CharField(max_length=100, blank=True)
    organization_name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    relationship = models.CharField(max_length=100, blank=True)
    # Form G-28: a representative's bar or accreditation number.
    bar_number = models.CharField(max_length=40, blank=True)
    accreditation_number = models.CharField(max_length=40, blank=True)

    def __str__(self) -> str:
        return self.organization_name or f"{self.family_name}, {self.given_name}"


class Affidavit(models.Model):
    """Form I-134, the sponsor's affidavit of support for one beneficiary."""

    request = models.ForeignKey(ParoleRequest, on_delete=models.CASCADE, related_name="affidavits")
    beneficiary = models.ForeignKey(Beneficiary, on_delete=models.PROTECT, related_name="+")
    sponsor_family_name = models.CharField(max_length=100)
    sponsor_given_name = models.CharField(max_length=100)
    sponsor_status = models.CharField(max_length=20, choices=choices(SponsorStatus))
    annual_income_usd = models.PositiveIntegerField()
    household_size = models.PositiveSmallIntegerField()

    def __str__(self) -> str:
        return f"I-134 by {self.sponsor_family_name}, {self.sponsor_given_name}"


class EvidenceKind(StrEnum):
    PASSPORT = "passport"
    EMERGENCY = "emergency"
    MEDICAL = "medical"
    RELATIONSHIP = "relationship"
    SPONSOR_INCOME = "sponsor_income"
    VISA_ATTEMPT = "visa_attempt"
    PRIOR_DECISION = "prior_decision"
    G28 = "g28"
    RFE_RESPONSE = "rfe_response"
    OTHER = "other"


class EvidenceDocument(models.Model):
    """An uploaded file. The bytes live encrypted in storage under storage_name."""

    request = models.ForeignKey(ParoleRequest, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=choices(EvidenceKind))
    # A name can tell what a file is about ("HIV test.pdf"): encrypted like the bytes.
    seal_id = models.UUIDField(default=uuid.uuid4, editable=False)
    original_name = EncryptedTextField()
    content_type = models.CharField(max_length=50)
    size_bytes = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    storage_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} document {self.pk}"


class FeeKind(StrEnum):
    FILING = "filing"
    PAROLE = "parole"


FEE_DUE = "due"  # a parole fee not yet paid; the filing fee is always settled at intake


class Fee(models.Model):
    """A fee owed on a request: the filing fee at intake, the parole fee on a grant."""

    request = models.ForeignKey(ParoleRequest, on_delete=models.CASCADE, related_name="fees")
    kind = models.CharField(max_length=10, choices=choices(FeeKind))
    payment = models.CharField(max_length=20, choices=[*choices(FeePayment), (FEE_DUE, "Due")])
    amount_usd = models.PositiveIntegerField()
    exemption = models.CharField(max_length=60, blank=True)
    policy_effective_from = models.DateField(help_text="The date the fee in force took effect.")
    due_on = models.DateField(null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "kind"], name="fee_one_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind} fee ${self.amount_usd} ({self.payment})"


class GrantEnd(StrEnum):
    EXPIRED = "expired"  # its period ran out
    DEPARTED = "departed"  # the parolee left
    TERMINATED = "terminated"  # ended early on written notice


class Grant(models.Model):
    """An approval's parole: the fee, the arrival that starts it, and its end."""

    request = models.OneToOneField(ParoleRequest, on_delete=models.PROTECT, related_name="grant")
    granted_by = models.CharField(max_length=20, default="uscis_hq")
    parole_days = models.PositiveIntegerField()
    authorized_on = models.DateField()
    parole_fee_exception = models.CharField(max_length=60, blank=True)
    arrived_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True, help_text="Set at arrival (Form I-94).")
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=20, blank=True, choices=choices(GrantEnd))

    class Meta:
        indexes = [models.Index(fields=["ends_on"], name="grant_ends")]

    def __str__(self) -> str:
        return f"Parole on {self.request} for {self.parole_days} days"


class WorkPermit(models.Model):
    """A work permit recorded for a parolee (Form I-765, category (c)(11)): valid until the
    earlier of a year or the end of parole, with the fee in force when it was granted."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="work_permits")
    category = models.CharField(max_length=10, default="(c)(11)")
    renewal = models.BooleanField(default=False)
    fee_usd = models.PositiveIntegerField()
    valid_from = models.DateField()
    valid_until = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"Work permit {self.category} on {self.grant.request}, until {self.valid_until}"


class AddressChange(models.Model):
    """A parolee's new address in the United States (Form AR-11), sealed at rest."""

    request = models.ForeignKey(
        ParoleRequest, on_delete=models.CASCADE, related_name="address_changes"
    )
    seal_id = models.UUIDField(default=uuid.uuid4, editable=False)
    address = EncryptedTextField()
    moved_on = models.DateField()
    reported_on = models.DateField()
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"New address for {self.request}, from {self.moved_on}"


class PossibleDuplicate(models.Model):
    """A request filed for someone who, by name and birth date, may be the person of another
    open request. For officers only: the filer is told only of their own other requests."""

    request = models.ForeignKey(ParoleRequest, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(ParoleRequest, on_delete=models.CASCADE, related_name="+")
    found_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "other"], name="duplicate_pair_unique")
        ]
        indexes = [models.Index(fields=["other"], name="duplicate_other")]

    def __str__(self) -> str:
        return f"{self.request_id} may duplicate {self.other_id}"
