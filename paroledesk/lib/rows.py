"""Rows gathered from one or many changes and inserted with one statement per table."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import models

_M = TypeVar("_M", bound=models.Model)
# Rows per INSERT statement at most; on SQLite, whose statements take fewer
# parameters, bulk_create makes them fewer.
PER_STATEMENT = 500


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
    filings' rows per transaction and inserts them with one statement per table
    (per PER_STATEMENT rows), which is most of what makes it fast
    (docs/benchmarks.md). A table goes in after the tables it points to, so a
    request goes in before the rows that point to it, and each row's id is set
    from the database's answer.

    Rows go in through Django's bulk_create (docs/adr/0010-insert-path.md),
    which prepares each field's value as Model.save() does (pre_save, then
    get_db_prep_save: defaults, auto dates, sealed and blind-index fields all
    apply), but no save() method or signal runs, so these models must keep
    none that matters to a new row.
    """

    def __init__(self) -> None:
        self._tables: dict[type[models.Model], list[models.Model]] = {}
        self._after: dict[type[models.Model], Callable[[list[Any]], None]] = {}
        # The rows given an id of another row still to be inserted (pk_of).
        self._waiting: list[models.Model] = []

    def after_insert(self, model: type[_M], callback: Callable[[list[_M]], None]) -> None:
        """Call ``callback`` with the rows of ``model`` once they are inserted (once per
        insert, however often it is asked for)."""
        self._after[model] = callback

    def new(self, model: type[_M], **values: Any) -> _M:
        """``model(**values)``, gathered to be inserted. A related row may be given
        unsaved: it is linked by id when the rows are inserted."""
        row = model(**values)
        self._tables.setdefault(model, []).append(row)
        if any(isinstance(value, _PkOf) for value in values.values()):
            self._waiting.append(row)
        return row

    def insert(self) -> dict[type[models.Model], list[models.Model]]:
        """Save every row gathered, inside the caller's transaction; the rows by model."""
        inserted = {model: self._tables[model] for model in _dependencies_first(self._tables)}
        waiting = set(map(id, self._waiting))
        for model, rows in inserted.items():
            _ids_filled_in(row for row in rows if id(row) in waiting)
            model._default_manager.bulk_create(rows, batch_size=PER_STATEMENT)
        self._tables, self._waiting = {}, []
        for model, callback in self._after.items():
            if found := inserted.get(model):
                callback(found)
        return inserted


def _ids_filled_in(rows: Iterable[models.Model]) -> None:
    """Put the id of each row named with pk_of in its place, now that it has one.

    (bulk_create links a row to the related rows it was given, such as a fee's
    request, itself.)
    """
    for row in rows:
        for attname, value in list(row.__dict__.items()):
            if isinstance(value, _PkOf):
                if value.row.pk is None:
                    raise ValueError(f"{type(row).__name__}.{attname} names a row not saved yet.")
                row.__dict__[attname] = value.row.pk


def _dependencies_first(models_: Iterable[type[models.Model]]) -> list[type[models.Model]]:
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
