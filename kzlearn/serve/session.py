"""What ``kzlearn serve`` runs for each browser: the quiz app over the served packs.

Started by the server alone, never by a student: the packs come on the command line, the
progress store and the class in the environment (a URL's password stays out of the process
list), and a student can give nothing but keystrokes to the app.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["CLASS_VARIABLE", "DB_VARIABLE", "main"]

DB_VARIABLE = "KZLEARN_SERVE_DB"
CLASS_VARIABLE = "KZLEARN_SERVE_CLASS"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app over the packs named in ``argv``; returns the exit status."""
    import os

    from kzlearn.cli.common import resolve_packs
    from kzlearn.errors import KzlearnError
    from kzlearn.models import Item
    from kzlearn.safetext import safe_line
    from kzlearn.tui.served import ServedApp

    names = list(sys.argv[1:] if argv is None else argv)
    location = os.environ.get(DB_VARIABLE)
    if not names or not location:
        print("kzlearn.serve.session: run by `kzlearn serve` only", file=sys.stderr)
        return 2
    items: dict[str, list[Item]] = {}
    try:
        packs = resolve_packs(names, items=items)
    except KzlearnError as error:
        print(f"kzlearn: {safe_line(str(error))}", file=sys.stderr)
        return 1
    app = ServedApp(
        packs, location=location, class_name=os.environ.get(CLASS_VARIABLE) or None, items=items
    )
    app.run()
    if app.crash is not None:
        print(f"kzlearn: {safe_line(str(app.crash))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
