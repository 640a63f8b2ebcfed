"""Timed nbdcopy runs."""
import time

from .tools import run_quietly
from .units import MIB


def copy_throughput_mib_per_second(source: str, destination: str, size: int) -> float:
    started = time.monotonic()
    run_quietly(["nbdcopy", source, destination])
    return size / MIB / (time.monotonic() - started)


def copy_untimed(source: str, destination: str) -> None:
    run_quietly(["nbdcopy", source, destination])
