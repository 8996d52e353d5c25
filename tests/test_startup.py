"""The start of the terminal app: what it reads, and the collector it pauses (issue 13 §7;
its speed is measured by tests/benchmarks/bench_startup.py, never here)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kzlearn.cli.common import pack_paths
from kzlearn.errors import KzlearnError
from kzlearn.gcpause import gc_paused
from kzlearn.packs import bundled_deck_paths
from tests.conftest import DECKS


def test_the_start_pauses_the_collector_then_freezes_what_it_made() -> None:
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    try:
        with gc_paused(keep=True):
            assert not gc.isenabled()
            kept = [[index] for index in range(1000)]  # objects that live on, as modules do
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + len(kept)
        with pytest.raises(KzlearnError), gc_paused(keep=True):
            raise KzlearnError("a bad pack")
        assert gc.isenabled()  # a failed start leaves the collector on as well
    finally:
        gc.unfreeze()


def test_a_start_with_the_collector_off_leaves_it_off() -> None:
    gc.disable()
    try:
        with gc_paused(keep=True):
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_files_a_start_reads(tmp_path: Path) -> None:
    own = tmp_path / "mine.yaml"
    own.write_text(DECKS[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert pack_paths([str(own)]) == [own]
    assert pack_paths([]) == bundled_deck_paths()
    # A bundled pack's id: resolve_packs reads every bundled deck to find it.
    assert pack_paths([str(own), "kz-independence"]) == [own, *bundled_deck_paths()]
