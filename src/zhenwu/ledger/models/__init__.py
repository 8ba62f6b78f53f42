"""The ledger's models, split by domain: indicators and catalogues, targets, reported values."""

from zhenwu.ledger.models.checklists import ChecklistItem, ChecklistMark, ChecklistPhoto, MarkStatus
from zhenwu.ledger.models.checks import CheckKind, CheckSeverity, ValidationRule
from zhenwu.ledger.models.indicators import (
    Aggregation,
    Catalogue,
    CatalogueEntry,
    CatalogueKind,
    Direction,
    Frequency,
    Indicator,
    Kind,
    Theme,
)
from zhenwu.ledger.models.rules import ReportingDeadline, ReportingRules, RulesChange, ScheduleBasis
from zhenwu.ledger.models.targets import ChangeKind, Target, TargetChange, TargetPart, TargetVersion
from zhenwu.ledger.models.values import (
    VALUE_ACTIONS,
    HistoryAction,
    ReportedValue,
    ValueHistory,
    ValueStatus,
)

__all__ = [
    "VALUE_ACTIONS",
    "Aggregation",
    "Catalogue",
    "CatalogueEntry",
    "CatalogueKind",
    "ChangeKind",
    "CheckKind",
    "CheckSeverity",
    "ChecklistItem",
    "ChecklistMark",
    "ChecklistPhoto",
    "Direction",
    "Frequency",
    "HistoryAction",
    "Indicator",
    "Kind",
    "MarkStatus",
    "ReportedValue",
    "ReportingDeadline",
    "ReportingRules",
    "RulesChange",
    "ScheduleBasis",
    "Target",
    "TargetChange",
    "TargetPart",
    "TargetVersion",
    "Theme",
    "ValidationRule",
    "ValueHistory",
    "ValueStatus",
]
