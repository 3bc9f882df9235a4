"""The memory sampler of benchmarks/batch_throughput.py: tenths of a run and their growth."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from rss_sampler import RssSampler, resident_mib

pytestmark = pytest.mark.skipif(not Path("/proc/self/statm").exists(),
                                reason="needs Linux /proc to read resident memory")


def test_memory_held_after_the_first_tenth_shows_as_growth():
    sampler = RssSampler(interval=0.01).start()
    time.sleep(0.05)
    held = bytearray(64 * 2 ** 20)  # 64 MiB, touched by the zero fill
    time.sleep(0.6)
    sampler.stop()
    assert len(held) == 64 * 2 ** 20
    assert resident_mib() > 64
    tenths = sampler.by_tenth()
    assert len(tenths) == 10
    assert tenths[-1] - tenths[0] > 50
    assert sampler.growth_after_first_tenth() > 50


def test_a_flat_run_shows_no_growth():
    sampler = RssSampler(interval=0.01).start()
    time.sleep(0.3)
    sampler.stop()
    assert abs(sampler.growth_after_first_tenth()) < 8
    assert RssSampler().by_tenth() == []
