"""Migrations on the big ledger tables keep a live PostgreSQL writable.

An upgrade runs ``zhenwu manage migrate`` while towns are saving figures. An ordinary
``CREATE INDEX`` on the value table blocks every save until it is built; so does a new foreign key
(validated under lock) or a new NOT NULL column without a default (a full scan under lock). This test
reads every migration and refuses such an operation on ``BIG_TABLES`` — a new migration must use
``AddIndexOnline`` / ``RemoveIndexOnline`` (zhenwu.deployment.online_migrations) in a migration with
``atomic = False``, or a nullable column / a column with a constant default (metadata-only on
PostgreSQL 11+). ``bench/migrate_online.py`` measures it on a million values.
"""

from __future__ import annotations

import pytest
from django.db import connection, migrations, models
from django.db.backends.postgresql.base import DatabaseWrapper as PostgreSQL
from django.db.migrations.loader import MigrationLoader

from zhenwu.deployment.online_migrations import BIG_TABLES, AddFieldOnline, AddIndexOnline, RemoveIndexOnline

# Migrations allowed to lock a big table, each with the reason.
ACCEPTED = {
    ("ledger", "0001_initial"): "creates the tables",
    ("ledger", "0005_history_outlives_cleared_figures"): (
        "fills the history's period from its figure and makes it NOT NULL; from before the first release, "
        "so no county's live ledger runs it"
    ),
}
HARMLESS = (migrations.AlterModelOptions, migrations.AlterModelTable, migrations.AlterModelManagers)


def locking_reason(operation, key=None) -> str | None:
    """Why this operation would block writes to its big table; None when it does not."""
    if isinstance(operation, (AddIndexOnline, RemoveIndexOnline, *HARMLESS)):
        return None
    if isinstance(operation, migrations.AddIndex | migrations.RemoveIndex):
        return "建索引/删索引会锁表：请用 AddIndexOnline / RemoveIndexOnline"
    if isinstance(operation, migrations.AddField):
        field = operation.field
        if isinstance(field, models.ForeignKey) and field.db_constraint:
            return "新外键约束在锁表时校验全表"
        if isinstance(field.db_default, models.Expression):
            return "数据库默认值是表达式，要锁表改写全表"
        if field.db_index or field.unique:
            return "新列带索引，索引按普通方式建立会锁表"
        if field.get_internal_type() in PostgreSQL.data_type_check_constraints and not isinstance(
            operation, AddFieldOnline
        ):
            return "新列带 CHECK 约束，PostgreSQL 锁表校验全表：请用 AddFieldOnline"
        return None
    if isinstance(operation, migrations.AlterField) and not changes_column(key, operation):
        return None
    return f"{type(operation).__name__} 可能锁表或改写全表"


def changes_column(key, operation) -> bool:
    """Whether an AlterField changes the column (type, null, index, constraint) and not only choices or labels."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    before = loader.project_state(key, at_end=False).apps.get_model(key[0], operation.model_name)
    old = before._meta.get_field(operation.name)
    new = operation.field.clone()
    new.set_attributes_from_name(operation.name)
    new.model = old.model
    editor = connection.SchemaEditorClass(connection, collect_sql=True)  # Django's own "is it a no-op?"
    return editor._field_should_be_altered(old, new)


def big_table_operations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key, migration in sorted(loader.disk_migrations.items()):
        for operation in migration.operations:
            model_name = getattr(operation, "model_name", None) or getattr(operation, "name", "")
            if (key[0], str(model_name).lower()) in BIG_TABLES:
                yield key, migration, operation


def test_no_migration_locks_the_big_ledger_tables():
    faults = [
        f"{app}.{name}: {type(operation).__name__} — {reason}"
        for (app, name), _migration, operation in big_table_operations()
        if (app, name) not in ACCEPTED and (reason := locking_reason(operation, (app, name)))
    ]
    assert faults == []


def test_online_index_migrations_run_outside_a_transaction():
    keys = [
        key for key, migration, operation in big_table_operations() if isinstance(operation, AddIndexOnline)
    ]
    loader = MigrationLoader(None, ignore_no_migrations=True)
    assert keys, "the value table's covering indexes are built online"
    assert all(loader.disk_migrations[key].atomic is False for key in keys)


def test_the_check_refuses_an_ordinary_index_and_a_foreign_key():
    index = models.Index(fields=["year"], name="x")
    assert locking_reason(migrations.AddIndex("reportedvalue", index))
    assert locking_reason(AddIndexOnline("reportedvalue", index)) is None
    fk = models.ForeignKey("areas.Area", null=True, on_delete=models.PROTECT)
    assert locking_reason(migrations.AddField("reportedvalue", "town", fk))
    assert locking_reason(migrations.AddField("reportedvalue", "n", models.IntegerField(default=1))) is None
    positive = models.PositiveIntegerField(default=1)
    assert locking_reason(migrations.AddField("reportedvalue", "n", positive))
    assert locking_reason(AddFieldOnline("reportedvalue", "n", positive)) is None
    assert locking_reason(migrations.AddField("reportedvalue", "n", models.IntegerField(db_index=True)))


@pytest.mark.django_db(transaction=True)
def test_the_covering_indexes_exist_after_migrating():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "ledger_reportedvalue")
    assert {"value_year_cover", "value_month_cover"} <= set(constraints)
    assert "value_period" not in constraints
