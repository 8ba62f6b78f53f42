from django.apps import AppConfig
from django.urls import register_converter

from zhenwu.lib import periods


class LedgerConfig(AppConfig):
    name = "zhenwu.ledger"
    verbose_name = "指标台账"

    def ready(self):
        # The ledger keeps the reporting calendar; every app's paths name years and months as
        # <year:year> and <month:month>, so year 0, 10000 or month 13 in a URL is a 404 before
        # any view computes a date with it. Registered here, before any URL module is imported.
        register_converter(periods.YearConverter, "year")
        register_converter(periods.MonthConverter, "month")
