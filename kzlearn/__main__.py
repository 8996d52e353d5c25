"""``python -m kzlearn``."""

from kzlearn.cli import main

raise SystemExit(main())
