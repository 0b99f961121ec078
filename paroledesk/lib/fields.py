"""Model fields stored encrypted, and blind indexes that still find rows by their values.

An encrypted field holds an AES-GCM envelope (paroledesk.core.crypto) sealed
with the field sub-key and bound to the model, the field and the row's
``seal_id``: a value copied to another column or row does not decrypt. Values
are sealed when a model instance is saved and opened the first time the
attribute is read, so code that reads ``beneficiary.date_of_birth`` sees a date.

They cannot be searched (filtering on one raises TypeError, since every
envelope differs): search on a BlindIndexField instead. ``values()`` and
``values_list()`` give the sealed bytes; read through model instances.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from django.conf import settings
from django.core import checks
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import NOT_PROVIDED
from django.db.models.query_utils import DeferredAttribute

from paroledesk.core.crypto import Keyring

SEAL_ID = "seal_id"

_ST = TypeVar("_ST")
_GT = TypeVar("_GT")

# Django's field classes are generic only in the type stubs; the stubs' plugin
# reads the attribute types of a model from these parameters.
if TYPE_CHECKING:
    _Field = models.Field
    _CharField = models.CharField[str, str]
else:

    class _Field(models.Field, Generic[_ST, _GT]):
        pass

    _CharField = models.CharField


@functools.lru_cache(maxsize=4)
def _keyring(masters: tuple[bytes, ...]) -> Keyring:
    return Keyring(masters)


def data_keyring() -> Keyring:
    """The keys configured in settings.PAROLEDESK_DATA_KEYS (derived once per key set)."""
    return _keyring(tuple(settings.PAROLEDESK_DATA_KEYS))


class Sealed(bytes):
    """An envelope as read from or bound for the database, not opened yet."""


class _OpenOnRead(DeferredAttribute):
    # A data descriptor (it has __set__), so every read comes here and the
    # envelope loaded from the database is opened once, on first use.
    field: EncryptedField[Any, Any]

    def __get__(self, instance: models.Model | None, cls: type[models.Model] | None = None) -> Any:
        if instance is None:
            return self
        value = super().__get__(instance, cls)
        if isinstance(value, Sealed):
            value = self.field.unseal(instance, value)
            instance.__dict__[self.field.attname] = value
        return value

    def __set__(self, instance: models.Model, value: Any) -> None:
        instance.__dict__[self.field.attname] = value


class EncryptedField(_Field[_ST, _GT]):
    """The common part: sealing on save, opening on read. Subclasses convert to bytes."""

    descriptor_class = _OpenOnRead
    # Keeps the schema editor from giving the column an empty string as its
    # default: every value in the column must be an envelope.
    empty_strings_allowed = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # A default is given to new instances only, never to the database: a
        # database default would have to be sealed, and sealing needs the row.
        self.instance_default = kwargs.pop("default", NOT_PROVIDED)
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def get_default(self) -> Any:
        if self.instance_default is NOT_PROVIDED:
            return super().get_default()
        if callable(self.instance_default):
            return self.instance_default()
        return self.instance_default

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("editable") is False:
            del kwargs["editable"]
        if self.instance_default is not NOT_PROVIDED:
            kwargs["default"] = self.instance_default
        return name, path, args, kwargs

    def get_internal_type(self) -> str:
        return "BinaryField"

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        found = super().check(**kwargs)
        names = {field.name for field in self.model._meta.get_fields()}
        if SEAL_ID not in names:
            found.append(
                checks.Error(
                    f"{self.model.__name__} has an encrypted field but no {SEAL_ID} field.",
                    hint="Add seal_id = models.UUIDField(default=uuid.uuid4, editable=False).",
                    obj=self,
                    id="paroledesk.E001",
                )
            )
        return found

    def to_bytes(self, value: Any) -> bytes:
        raise NotImplementedError

    def from_bytes(self, raw: bytes) -> Any:
        raise NotImplementedError

    @functools.cached_property
    def _context_prefix(self) -> str:
        return f"field:{self.model._meta.model_name}.{self.name}:"

    def _context(self, instance: models.Model) -> bytes:
        return f"{self._context_prefix}{getattr(instance, SEAL_ID)}".encode()

    def seal(self, instance: models.Model, value: Any) -> Sealed:
        blob = data_keyring().seal(
            self.to_bytes(value), use="fields", context=self._context(instance)
        )
        return Sealed(blob)

    def unseal(self, instance: models.Model, blob: bytes) -> Any:
        return self.from_bytes(
            data_keyring().open(blob, use="fields", context=self._context(instance))
        )

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        # Sealed afresh on every save, so saving a row is all re-encryption under
        # a new key takes (docs/security.md, "Rotating the key").
        value = getattr(model_instance, self.attname)
        return None if value is None else self.seal(model_instance, value)

    def get_prep_value(self, value: Any) -> Any:
        if value is None or isinstance(value, Sealed):
            return value
        raise TypeError(
            f"{self.model.__name__}.{self.name} is encrypted: it is written by saving an "
            "instance and cannot be searched (use its blind index)."
        )

    def get_db_prep_value(
        self, value: Any, connection: BaseDatabaseWrapper, prepared: bool = False
    ) -> Any:
        value = self.get_prep_value(value)
        return None if value is None else bytes(value)

    def from_db_value(self, value: Any, expression: Any, connection: BaseDatabaseWrapper) -> Any:
        return None if value is None else Sealed(bytes(value))


class EncryptedTextField(EncryptedField[str, str]):
    def to_bytes(self, value: Any) -> bytes:
        if not isinstance(value, str):
            raise TypeError(f"{self.name} takes text, not {type(value).__name__}.")
        return value.encode()

    def from_bytes(self, raw: bytes) -> str:
        return raw.decode()


class EncryptedDateField(EncryptedField[date | str, date]):
    def to_bytes(self, value: Any) -> bytes:
        if isinstance(value, str):
            value = date.fromisoformat(value)
        if isinstance(value, datetime) or not isinstance(value, date):
            raise TypeError(f"{self.name} takes a date, not {type(value).__name__}.")
        return value.isoformat().encode()

    def from_bytes(self, raw: bytes) -> date:
        return date.fromisoformat(raw.decode())


class EncryptedJSONField(EncryptedField[Any, Any]):
    def to_bytes(self, value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()

    def from_bytes(self, raw: bytes) -> Any:
        return json.loads(raw)


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


class BlindIndexField(_CharField):
    """A keyed hash of other fields of the row, kept up to date on every save.

    Equal values give equal indexes under one key, so an equality search is an
    index lookup; without the key an index reveals nothing about the values.
    When the row is saved with update_fields, list this field with its sources.
    """

    max_length_hex: ClassVar[int] = 64

    def __init__(self, *args: Any, sources: Sequence[str] = (), purpose: str = "", **kwargs: Any):
        self.sources = list(sources)
        self.purpose = purpose
        kwargs["max_length"] = self.max_length_hex
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        kwargs.pop("editable", None)
        kwargs["sources"] = self.sources
        kwargs["purpose"] = self.purpose
        return name, path, args, kwargs

    def _value(self, parts: Sequence[object]) -> str:
        return "|".join(_text(part) for part in parts)

    def lookup_values(self, *parts: object) -> list[str]:
        """The index of these source values under every key in force, for filter(__in=...)."""
        return data_keyring().blind_indexes(self._value(parts), purpose=self.purpose)

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        parts = [getattr(model_instance, source) for source in self.sources]
        index = data_keyring().blind_index(self._value(parts), purpose=self.purpose)
        setattr(model_instance, self.attname, index)
        return index


def rows_reseal(rows: models.QuerySet[Any]) -> int:
    """Save each row's encrypted fields and blind indexes again, under the current key.

    Used after a key rotation; only those columns are written, nothing else changes.
    """
    names = [
        field.name
        for field in rows.model._meta.concrete_fields
        if isinstance(field, EncryptedField | BlindIndexField)
    ]
    count = 0
    for row in rows.iterator(chunk_size=500):
        row.save(update_fields=names)
        count += 1
    return count


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """A model field's choices from an enumeration: its values, each in words."""
    return [(member.value, member.value.replace("_", " ").capitalize()) for member in enum]
