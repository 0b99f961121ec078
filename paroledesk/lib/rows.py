"""Rows gathered from one or many changes and inserted with one statement per table."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from typing import Any, TypeVar, cast
from uuid import UUID
from weakref import WeakKeyDictionary

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone
from django_countries.fields import CountryField

# Field classes whose value goes to the database as it is, when it is of the type
# listed (or None): saving such a field reads the attribute and, for such a value,
# hands the database exactly that. Subclasses may convert (encrypted fields), so
# only these exact classes take the short way, and only with such values; any
# other value goes the way save() takes. A CountryField keeps its code as text in
# the instance's __dict__ already (its descriptor cleans it on assignment).
_NONE = type(None)
_TEXT, _NUMBER = (str, _NONE), (int, _NONE)
_AS_IS: dict[type[models.Field[Any, Any]], tuple[type, ...]] = {
    models.CharField: _TEXT,
    models.EmailField: _TEXT,
    models.TextField: _TEXT,
    CountryField: _TEXT,
    models.IntegerField: _NUMBER,
    models.PositiveIntegerField: _NUMBER,
    models.PositiveSmallIntegerField: _NUMBER,
    models.BigIntegerField: _NUMBER,
    models.ForeignKey: _NUMBER,  # the ids here are all whole numbers
    models.OneToOneField: _NUMBER,
    models.BooleanField: (bool, _NONE),
}
_M = TypeVar("_M", bound=models.Model)
# For measuring the two ways against each other (docs/adr/0010-insert-path.md):
# PAROLEDESK_ROWS_INSERT=bulk_create inserts with Django's bulk_create.
_BULK_CREATE = os.environ.get("PAROLEDESK_ROWS_INSERT") == "bulk_create"
_PER_STATEMENT = 500
# PAROLEDESK_ROWS_NEW=keywords makes rows as model(**values).
_KEYWORDS = os.environ.get("PAROLEDESK_ROWS_NEW") == "keywords"


@functools.cache
def _row_spec(
    model: type[models.Model],
) -> tuple[tuple[str, str, models.ForeignKey[Any, Any] | None, Callable[[], Any]], ...]:
    """Each concrete field in order: its name, attname, relation if any, and its default."""
    return tuple(
        (
            field.name,
            field.attname,
            field if isinstance(field, models.ForeignKey) else None,
            field.get_default,
        )
        for field in model._meta.concrete_fields
    )


@dataclass(frozen=True)
class _PkOf:
    """A column that holds another row's id, known once that row is inserted."""

    row: models.Model


def pk_of(row: models.Model) -> Any:
    """The id of ``row`` as a value for Rows.new, for a column that is not a foreign key
    (the event log's subject_id): filled in when the rows are inserted."""
    return row.pk if row.pk is not None else _PkOf(row)


class Rows:
    """Rows built first and then inserted together.

    A filing gathers its eight rows; a bulk import gathers a few hundred
    filings' rows per transaction and inserts them with one statement per table,
    which is most of what makes it fast (docs/benchmarks.md). Tables are inserted
    in the order their first row was added, so a request goes in before the rows
    that point to it, and each row's id is set from the database's answer.

    Rows go in through _TableInsert, which saves each field's value as
    Model.save() would (pre_save, then get_db_prep_save: defaults, auto dates,
    sealed and blind-index fields all apply), but no save() method or signal
    runs, so these models must keep none.
    """

    def __init__(self) -> None:
        self._tables: dict[type[models.Model], list[models.Model]] = {}
        self._after: dict[type[models.Model], Callable[[list[Any]], None]] = {}

    def after_insert(self, model: type[_M], callback: Callable[[list[_M]], None]) -> None:
        """Call ``callback`` with the rows of ``model`` once they are inserted (once per
        insert, however often it is asked for)."""
        self._after[model] = callback

    def new(self, model: type[_M], **values: Any) -> _M:
        """A row of ``model`` with these field values, gathered to be inserted.

        The same as ``model(**values)``, made the quicker way Django makes rows
        it reads (all fields in order, as positional arguments): a filing makes
        eight rows, a bulk import hundreds of thousands, and the keyword way
        costs about twice as much. A related row may be given unsaved, as with
        the keyword way; it is linked by id when the rows are inserted.
        """
        if _KEYWORDS:
            made = model(**values)
            self._tables.setdefault(model, []).append(made)
            return made
        related: list[tuple[models.ForeignKey[Any, Any], models.Model]] = []
        args: list[Any] = []
        for name, attname, relation, default in _row_spec(model):
            if relation is not None and name in values:
                target = values.pop(name)
                if target is None:
                    args.append(None)
                else:
                    args.append(getattr(target, relation.target_field.attname))
                    related.append((relation, target))
            elif attname in values:
                args.append(values.pop(attname))
            else:
                args.append(default())
        if values:
            raise TypeError(f"{model.__name__} has no field {', '.join(sorted(values))}.")
        row = model(*args)
        for field, target in related:
            field.set_cached_value(row, target)
            if field.one_to_one:  # as Django's descriptor does: the other side knows it too
                field.remote_field.set_cached_value(target, row)
        self._tables.setdefault(model, []).append(row)
        return row

    def insert(self) -> dict[type[models.Model], list[models.Model]]:
        """Save every row gathered, inside the caller's transaction; the rows by model."""
        db = connections[DEFAULT_DB_ALIAS]
        inserted = {model: self._tables[model] for model in _dependencies_first(self._tables)}
        for model, rows in inserted.items():
            if _BULK_CREATE:
                _ids_filled_in(rows)
                model._default_manager.bulk_create(rows, batch_size=_PER_STATEMENT)
            else:
                _table_insert(model, db).insert(rows)
        self._tables = {}
        for model, callback in self._after.items():
            if found := inserted.get(model):
                callback(found)
        return inserted

    def of(self, model: type[_M]) -> list[_M]:
        """The rows of ``model`` gathered so far."""
        return cast(list[_M], list(self._tables.get(model, [])))


class _TableInsert:
    """How rows of one model are inserted: the statement and each column's value.

    Django's bulk_create does the same work, but works out each field's handling
    again for every value; at a few hundred rows a statement that was about two
    thirds of an import's time. Here it is worked out once per model.
    """

    def __init__(self, model: type[models.Model], db: BaseDatabaseWrapper) -> None:
        self.db = db
        opts = model._meta
        self.pk = opts.pk
        self.fields = [field for field in opts.concrete_fields if field is not self.pk]
        self.relations = [field for field in self.fields if isinstance(field, models.ForeignKey)]
        # Table and column names come from the model, quoted; values go as parameters.
        quote = db.ops.quote_name
        columns = ", ".join(quote(str(field.column)) for field in self.fields)
        self.head = f"INSERT INTO {quote(opts.db_table)} ({columns}) VALUES "  # noqa: S608
        self.tail = f" RETURNING {quote(str(self.pk.column))}"
        self.placeholders = "(" + ", ".join(["%s"] * len(self.fields)) + ")"
        limit = db.features.max_query_params or 65_535
        self.per_statement = max(1, min(500, limit // len(self.fields)))
        self.now = timezone.now()  # set again by each insert
        self.now_in_db: Any = None
        self.values = [self._value_of(field) for field in self.fields]

    def _value_of(self, field: models.Field[Any, Any]) -> Callable[[models.Model], Any]:
        """How to read the column's value from a row: as save() would, or a known short way."""
        attname, kind, db = field.attname, type(field), self.db

        def as_saved(row: models.Model) -> Any:
            return field.get_db_prep_save(field.pre_save(row, True), db)

        if (plain := _AS_IS.get(kind)) and not getattr(field, "multiple", False):

            def as_is(row: models.Model) -> Any:
                value = row.__dict__[attname]
                return value if type(value) in plain else as_saved(row)

            return as_is
        auto_now = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        if kind is models.DateField and not auto_now:
            adapt_date = db.ops.adapt_datefield_value

            def a_date(row: models.Model) -> Any:
                value = row.__dict__[attname]
                if value is None or type(value) is date:
                    return adapt_date(value)  # None stays None
                return as_saved(row)

            return a_date
        if kind is models.UUIDField and not db.features.has_native_uuid_field:

            def a_uuid(row: models.Model) -> Any:
                value = row.__dict__[attname]
                return value.hex if type(value) is UUID else as_saved(row)

            return a_uuid
        if kind is models.DateTimeField:
            adapt_moment = db.ops.adapt_datetimefield_value
            if auto_now:  # what pre_save does: the time of saving, kept on the row

                def saved_at(row: models.Model) -> Any:
                    row.__dict__[attname] = self.now
                    return self.now_in_db

                return saved_at

            def a_moment(row: models.Model) -> Any:
                value = row.__dict__[attname]
                if type(value) is datetime and timezone.is_aware(value):
                    return adapt_moment(value)
                return None if value is None else as_saved(row)

            return a_moment
        return as_saved

    def insert(self, rows: Sequence[models.Model]) -> None:
        # One time of saving for the rows of one insert, as one save() has one.
        self.now = timezone.now()
        self.now_in_db = self.db.ops.adapt_datetimefield_value(self.now)
        for row in rows:
            self._link(row)
        chunks = iter(rows)
        while chunk := list(islice(chunks, self.per_statement)):
            params = [value(row) for row in chunk for value in self.values]
            sql = self.head + ", ".join([self.placeholders] * len(chunk)) + self.tail
            with self.db.cursor() as cursor:
                cursor.execute(sql, params)
                ids = [found for (found,) in cursor.fetchall()]
            for row, pk in zip(chunk, ids, strict=True):
                setattr(row, self.pk.attname, pk)
                row._state.adding = False
                row._state.db = self.db.alias

    def _link(self, row: models.Model) -> None:
        for attname, value in list(row.__dict__.items()):
            if isinstance(value, _PkOf):
                if value.row.pk is None:
                    raise ValueError(f"{type(row).__name__}.{attname} names a row not saved yet.")
                row.__dict__[attname] = value.row.pk
        # A row built around another not yet saved (a request's fee) takes its id
        # now that it has one; one still without an id is a mistake, as in save().
        for field in self.relations:
            if row.__dict__.get(field.attname) is not None or not field.is_cached(row):
                continue
            target = field.get_cached_value(row)
            if target is None:
                continue
            target_id = getattr(target, field.target_field.attname)
            if target_id is None:
                raise ValueError(
                    f"{type(row).__name__}.{field.name} points to a row not saved yet."
                )
            row.__dict__[field.attname] = target_id


def _ids_filled_in(rows: Sequence[models.Model]) -> None:
    """Put the id of each row named with pk_of in its place, now that it has one.

    bulk_create links rows to the related rows given (a request's fee) itself.
    """
    for row in rows:
        for attname, value in list(row.__dict__.items()):
            if isinstance(value, _PkOf):
                if value.row.pk is None:
                    raise ValueError(f"{type(row).__name__}.{attname} names a row not saved yet.")
                row.__dict__[attname] = value.row.pk


def _dependencies_first(models_: list[type[models.Model]] | Any) -> list[type[models.Model]]:
    """The models in the order given, except that one comes after those it points to: a row
    can only take the id of a row inserted before it. Other ids (pk_of) follow the order
    the rows were gathered in."""
    given = list(models_)
    placed: list[type[models.Model]] = []

    def place(model: type[models.Model], seen: frozenset[type[models.Model]]) -> None:
        if model in placed or model in seen:
            return
        for field in model._meta.concrete_fields:
            target = field.related_model if isinstance(field, models.ForeignKey) else None
            if target is not None and target is not model and target in given:
                place(target, seen | {model})
        placed.append(model)

    for model in given:
        place(model, frozenset())
    return placed


# The plan of each model, per database connection (each thread has its own).
_plans: WeakKeyDictionary[BaseDatabaseWrapper, dict[type[models.Model], _TableInsert]] = (
    WeakKeyDictionary()
)


def _table_insert(model: type[models.Model], db: BaseDatabaseWrapper) -> _TableInsert:
    plans = _plans.setdefault(db, {})
    if (plan := plans.get(model)) is None:
        plan = plans[model] = _TableInsert(model, db)
    return plan
