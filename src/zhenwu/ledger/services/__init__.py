"""Every change to the ledger's figures and targets goes through here.

Each function checks the user's role over the area, makes the change in one transaction and
writes the history record itself, at the call site: who, when, old value, new value, why.
"""

from zhenwu.ledger.services.rules import inherit_rules, remove_deadline, set_deadline, set_rules
from zhenwu.ledger.services.targets import (
    Issued,
    change_owner,
    change_part,
    decompose_target,
    issue_targets,
    remove_part,
    revise_target,
    set_target,
)
from zhenwu.ledger.services.values import (
    AreaFigures,
    FigureCheck,
    LedgerError,
    LockedError,
    SaveResult,
    StaleFigure,
    approve_period,
    enter_many,
    enter_values,
    figure_checks,
    require,
    submit_period,
    unlock_period,
)

__all__ = [
    "AreaFigures",
    "FigureCheck",
    "Issued",
    "LedgerError",
    "LockedError",
    "SaveResult",
    "StaleFigure",
    "approve_period",
    "change_owner",
    "change_part",
    "decompose_target",
    "enter_many",
    "enter_values",
    "figure_checks",
    "inherit_rules",
    "issue_targets",
    "remove_deadline",
    "remove_part",
    "require",
    "revise_target",
    "set_deadline",
    "set_rules",
    "set_target",
    "submit_period",
    "unlock_period",
]
