from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "zhenwu.ledger"
    verbose_name = "指标台账"
