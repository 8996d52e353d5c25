"""The screens, one a module: pick a deck, set up, answer, see the summary; dialogs."""

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
