"""Migration operations that build and drop indexes without stopping writes on a live PostgreSQL.

``CREATE INDEX`` holds a lock that blocks every insert and update of the table while the index is
built — minutes on a ledger of millions of figures, during which nobody can save. On PostgreSQL
these operations use ``CONCURRENTLY`` instead (the migration needs ``atomic = False``); on SQLite,
a single-user database, they are the ordinary operations. The migration state is the same either
way, so replacing ``AddIndex`` by ``AddIndexOnline`` in an applied migration changes nothing.
"""

from __future__ import annotations

from django.db import NotSupportedError, migrations

# The tables that grow with every month reported: a migration touching them must not lock them.
BIG_TABLES = {("ledger", "reportedvalue"), ("ledger", "valuehistory")}


def _concurrently(schema_editor, operation) -> bool:
    if schema_editor.connection.vendor != "postgresql":
        return False
    if schema_editor.connection.in_atomic_block:
        raise NotSupportedError(f"{type(operation).__name__} 须在 atomic = False 的迁移中执行")
    return True


def _drop_invalid_index(schema_editor, name: str) -> None:
    """Drop an index an interrupted ``CREATE INDEX CONCURRENTLY`` left invalid, so a retry can build it."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_index JOIN pg_class ON pg_class.oid = pg_index.indexrelid "
            "WHERE pg_class.relname = %s AND NOT pg_index.indisvalid",
            [name],
        )
        if cursor.fetchone():
            schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {schema_editor.quote_name(name)}")


class AddFieldOnline(migrations.AddField):
    """``AddField`` whose CHECK constraint (a PositiveIntegerField's ``>= 0``) is validated without a lock (PostgreSQL).

    A column added with its CHECK makes PostgreSQL scan the whole table while holding the lock that
    stops every read and write. Here the column comes first (with a constant default: no rewrite),
    the constraint follows ``NOT VALID`` and is validated under a lock that lets saves go on.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if not _concurrently(schema_editor, self):
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        field = model._meta.get_field(self.name)
        check = field.db_check(schema_editor.connection)
        connection = schema_editor.connection
        connection.data_type_check_constraints = {}  # this instance only: add the column without its CHECK
        try:
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        finally:
            del connection.data_type_check_constraints
        if check:
            table, name = model._meta.db_table, f"{model._meta.db_table}_{field.column}_check"
            quote = schema_editor.quote_name
            schema_editor.execute(
                f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} CHECK ({check}) NOT VALID"
            )
            schema_editor.execute(f"ALTER TABLE {quote(table)} VALIDATE CONSTRAINT {quote(name)}")


class AddIndexOnline(migrations.AddIndex):
    """``AddIndex`` that lets the table be written while the index is built (PostgreSQL)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if not _concurrently(schema_editor, self):
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        model = to_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            _drop_invalid_index(schema_editor, self.index.name)
            schema_editor.add_index(model, self.index, concurrently=True)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if not _concurrently(schema_editor, self):
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        model = from_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            schema_editor.remove_index(model, self.index, concurrently=True)


class RemoveIndexOnline(migrations.RemoveIndex):
    """``RemoveIndex`` that does not wait for, and then block, the table's readers and writers (PostgreSQL)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if not _concurrently(schema_editor, self):
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        model = from_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            index = from_state.models[app_label, self.model_name_lower].get_index_by_name(self.name)
            schema_editor.remove_index(model, index, concurrently=True)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if not _concurrently(schema_editor, self):
            return super().database_backwards(app_label, schema_editor, from_state, to_state)
        model = to_state.apps.get_model(app_label, self.model_name)
        if self.allow_migrate_model(schema_editor.connection.alias, model):
            index = to_state.models[app_label, self.model_name_lower].get_index_by_name(self.name)
            _drop_invalid_index(schema_editor, index.name)
            schema_editor.add_index(model, index, concurrently=True)
