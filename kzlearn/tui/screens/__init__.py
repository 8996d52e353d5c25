"""The screens, one a module: pick a deck, set up, answer, see the summary; dialogs.

Each is loaded on first use (the quiz's start loads only the quiz screen).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kzlearn.tui.screens.dialogs import ConfirmScreen, HelpScreen
    from kzlearn.tui.screens.picker import PickerScreen
    from kzlearn.tui.screens.quiz import QuizScreen
    from kzlearn.tui.screens.setup import SetupScreen
    from kzlearn.tui.screens.signin import SignInScreen
    from kzlearn.tui.screens.summary import SummaryScreen

__all__ = [
    "ConfirmScreen",
    "HelpScreen",
    "PickerScreen",
    "QuizScreen",
    "SetupScreen",
    "SignInScreen",
    "SummaryScreen",
]

_MODULES = {
    "ConfirmScreen": "dialogs",
    "HelpScreen": "dialogs",
    "PickerScreen": "picker",
    "QuizScreen": "quiz",
    "SetupScreen": "setup",
    "SignInScreen": "signin",
    "SummaryScreen": "summary",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
