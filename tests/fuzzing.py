"""How much the property tests and fuzzers run, and how a test bounds work without a clock.

Few examples by default, so that the README's test command stays short on a slow machine;
SYMCOUNT_FUZZ=long multiplies every count by LONG_FACTOR (CI's long run). Two hypothesis profiles,
"symcount" and "symcount-long", are registered here and loaded by tests/conftest.py (and by the hostile fuzz
script, which runs outside pytest): no deadline (a test never asserts on seconds), and the health
checks about slow data generation off (they time it).

No test measures seconds: a bound on work is a count. `Calls` counts the Python function calls
(and calls of built-in functions) made while it is active, a number that depends on the input and
the code, not on how fast or how loaded the machine is.
"""
from __future__ import annotations

import os
import sys

from hypothesis import HealthCheck, settings

LONG = os.environ.get("SYMCOUNT_FUZZ", "") == "long"
LONG_FACTOR = 10
DEFAULT_EXAMPLES = 50  # for a @given test that names no count of its own

settings.register_profile(
    "symcount", deadline=None, max_examples=DEFAULT_EXAMPLES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
settings.register_profile("symcount-long", parent=settings.get_profile("symcount"),
                          max_examples=DEFAULT_EXAMPLES * LONG_FACTOR)
PROFILE = "symcount-long" if LONG else "symcount"


def load() -> None:
    settings.load_profile(PROFILE)


def examples(n: int) -> int:
    """n examples in a default run, LONG_FACTOR * n in the long run."""
    return n * LONG_FACTOR if LONG else n


def scale(n: int) -> int:
    """An input size: n in the long run, n / LONG_FACTOR in a default run (a reproducer at full size is
    a long run's job; a default run checks the same outputs on a tenth of the input, and the tests that
    count calls at n and 2n show that the work grows linearly)."""
    return n if LONG else max(1, n // LONG_FACTOR)


def fuzz(n: int) -> settings:
    """The settings of a property test that runs `examples(n)` examples (with the profile's rest)."""
    return settings(settings.get_profile(PROFILE), max_examples=examples(n))


class Calls:
    """Counts function calls (Python and built-in) made in its `with` block, in this thread:

        with Calls() as calls:
            work()
        assert calls.count < 1_000_000
    """

    def __init__(self) -> None:
        self.count = 0

    def _profile(self, frame, event, arg) -> None:
        if event == "call" or event == "c_call":
            self.count += 1

    def __enter__(self) -> "Calls":
        self._old = sys.getprofile()
        sys.setprofile(self._profile)
        return self

    def __exit__(self, *exc) -> None:
        sys.setprofile(self._old)
