"""What a request is made of: the people on it, the forms, the evidence and the fees."""

from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from django.conf import settings
from django.db import models
from django_countries.fields import CountryField

from paroledesk.core.filing import (
    Basis,
    Category,
    FeePayment,
    Kind,
    Location,
    RequestorRole,
    SponsorStatus,
)
from paroledesk.core.lifecycle import Status
from paroledesk.core.policy import Channel
from paroledesk.intake.fields import (
    BlindIndexField,
    EncryptedDateField,
    EncryptedJSONField,
    EncryptedTextField,
)


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value.replace("_", " ").capitalize()) for member in enum]


class Beneficiary(models.Model):
    """The person who would be paroled. One person may be the subject of many requests."""

    family_name = models.CharField(max_length=100)
    given_name = models.CharField(max_length=100)
    # Names compared without case or accents, for the possible-duplicate check.
    name_key = models.CharField(max_length=210)
    # Encrypted at rest, bound to this row by seal_id (docs/security.md).
    seal_id = models.UUIDField(default=uuid.uuid4, editable=False)
    date_of_birth = EncryptedDateField()
    country_of_birth = CountryField()
    country_of_citizenship = CountryField()
    passport_number = EncryptedTextField(blank=True, default="")
    a_number = EncryptedTextField(blank=True, default="")
    # A keyed hash of name_key and birth date: finds the same person without decrypting.
    identity_index = BlindIndexField(
        sources=["name_key", "date_of_birth"], purpose="beneficiary.identity"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["identity_index"], name="beneficiary_identity_index")]
        verbose_name_plural = "beneficiaries"

    def __str__(self) -> str:
        return f"{self.family_name}, {self.given_name}"

    @classmethod
    def identity_indexes(cls, name_key: str, date_of_birth: date) -> list[str]:
        """What identity_index holds for this person under each key in force."""
        field = cls._meta.get_field("identity_index")
        assert isinstance(field, BlindIndexField)
        return field.lookup_values(name_key, date_of_birth)


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
    current_country = CountryField()
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
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="filed_requests"
    )
    # The officer who holds the open assignment, kept here so the work queues
    # are one index scan (see docs/benchmarks.md).
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_requests",
    )
    decided_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["receipt_number"], name="request_receipt_unique"),
            models.CheckConstraint(
                condition=models.Q(requested_days__gt=0), name="request_days_positive"
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "assigned_officer", "received_on", "id"], name="request_queue"
            ),
            models.Index(fields=["filed_by", "-received_on"], name="request_filer"),
        ]

    def __str__(self) -> str:
        return self.receipt_number

    @property
    def status_enum(self) -> Status:
        return Status(self.status)


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

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=RequestorRole.REPRESENTATIVE.value)
                | ~models.Q(bar_number="")
                | ~models.Q(accreditation_number=""),
                name="requestor_representative_g28",
            )
        ]

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


class Fee(models.Model):
    """A fee owed on a request: the filing fee at intake, the parole fee on a grant."""

    request = models.ForeignKey(ParoleRequest, on_delete=models.CASCADE, related_name="fees")
    kind = models.CharField(max_length=10, choices=choices(FeeKind))
    # "due" is a parole fee not yet paid; the filing fee is always settled at intake.
    payment = models.CharField(max_length=20, choices=[*choices(FeePayment), ("due", "Due")])
    amount_usd = models.PositiveIntegerField()
    exemption = models.CharField(max_length=60, blank=True)
    policy_effective_from = models.DateField(help_text="The date the fee in force took effect.")
    due_on = models.DateField(null=True, blank=True)
    paid_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "kind"], name="fee_one_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind} fee ${self.amount_usd} ({self.payment})"


class ReceiptSequence(models.Model):
    """The last sequence number issued per prefix and workday, raised under a row lock."""

    prefix = models.CharField(max_length=3)
    fiscal_year = models.PositiveSmallIntegerField()
    workday = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["prefix", "fiscal_year", "workday"], name="receipt_sequence_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix} FY{self.fiscal_year:02d} day {self.workday}: {self.last}"


class IdempotencyKey(models.Model):
    """The first answer to a filing sent with an Idempotency-Key, replayed for the same key.

    Bulk import uses the same table with a key made from each line's content, so
    importing a file twice files nothing twice.
    """

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    body_sha256 = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    response = models.JSONField()
    request = models.ForeignKey(
        ParoleRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "key"], name="idempotency_owner_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.owner_id}:{self.key} -> {self.status_code}"


class FilingDraft(models.Model):
    """A filing being written in the wizard: saved on every step, resumed later, submitted once."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="filing_drafts"
    )
    # The filing document as far as it is written, in the contract's shape. It holds
    # the same personal data as Beneficiary, so it is encrypted at rest too.
    seal_id = models.UUIDField(default=uuid.uuid4, editable=False)
    data = EncryptedJSONField(default=dict)
    step = models.CharField(max_length=30, default="filer")
    submitted_request = models.OneToOneField(
        ParoleRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["owner", "-updated_at"], name="draft_owner_recent")]

    def __str__(self) -> str:
        return f"Draft {self.pk} by {self.owner_id} at step {self.step}"
