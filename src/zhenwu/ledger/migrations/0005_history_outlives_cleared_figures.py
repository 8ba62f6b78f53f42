"""The history of a figure outlives the figure: each record keeps its own indicator, area and period.

Clearing a figure deletes its ``ReportedValue``; its history records keep ``reported`` as NULL
and are still found by area and period. Existing records are filled from their figure.
"""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_period(apps, schema_editor):
    """Fill the new columns of every existing record from the figure it belongs to (one UPDATE)."""
    if schema_editor.connection.vendor == "postgresql":
        # check foreign keys as each statement ends, so no trigger events are pending when the
        # columns are made NOT NULL below
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    ReportedValue = apps.get_model("ledger", "ReportedValue")
    ValueHistory = apps.get_model("ledger", "ValueHistory")
    figure = ReportedValue.objects.filter(pk=OuterRef("reported_id"))
    ValueHistory.objects.update(
        indicator_id=Subquery(figure.values("indicator_id")[:1]),
        area_id=Subquery(figure.values("area_id")[:1]),
        year=Subquery(figure.values("year")[:1]),
        month=Subquery(figure.values("month")[:1]),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("areas", "0001_initial"),
        ("ledger", "0004_target_changes"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="valuehistory",
            options={"ordering": ["at", "id"], "verbose_name": "修改记录", "verbose_name_plural": "修改记录"},
        ),
        migrations.AlterField(
            model_name="valuehistory",
            name="reported",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="history",
                to="ledger.reportedvalue",
            ),
        ),
        migrations.AlterField(
            model_name="valuehistory",
            name="new_status",
            field=models.CharField(
                blank=True,
                choices=[("draft", "填报中"), ("submitted", "已上报"), ("approved", "已审核")],
                help_text="清除后为空",
                max_length=10,
                verbose_name="新状态",
            ),
        ),
        migrations.AddField(
            model_name="valuehistory",
            name="indicator",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="ledger.indicator",
                verbose_name="指标",
            ),
        ),
        migrations.AddField(
            model_name="valuehistory",
            name="area",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="areas.area",
                verbose_name="区划",
            ),
        ),
        migrations.AddField(
            model_name="valuehistory",
            name="year",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="年度"),
        ),
        migrations.AddField(
            model_name="valuehistory",
            name="month",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="月份"),
        ),
        migrations.RunPython(copy_period, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="valuehistory",
            name="indicator",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="ledger.indicator",
                verbose_name="指标",
            ),
        ),
        migrations.AlterField(
            model_name="valuehistory",
            name="area",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="areas.area",
                verbose_name="区划",
            ),
        ),
        migrations.AlterField(
            model_name="valuehistory",
            name="year",
            field=models.PositiveSmallIntegerField(verbose_name="年度"),
        ),
        migrations.AlterField(
            model_name="valuehistory",
            name="month",
            field=models.PositiveSmallIntegerField(
                validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(12)],
                verbose_name="月份",
            ),
        ),
        migrations.AddIndex(
            model_name="valuehistory",
            index=models.Index(fields=["area", "year", "month"], name="history_period"),
        ),
    ]
