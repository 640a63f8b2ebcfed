"""Workload groups: each runs against one fresh server, so every group starts from an all-zero disk."""
import time
from dataclasses import dataclass
from typing import Protocol

from . import fio, metrics
from .metrics import Metric
from .nbdcopy import copy_throughput_mib_per_second, copy_untimed
from .process_tree import resident_bytes_of_trees
from .servers import Server, disk_size
from .units import MIB

# Lets freshly written pages and the runtime's own buffers settle before resident memory is read.
_SETTLE_SECONDS = 1.0


@dataclass(frozen=True)
class Images:
    random_path: str
    mixed_path: str
    size: int


class WorkloadGroup(Protocol):
    name: str

    def applies_to(self, allocator: str) -> bool: ...

    def run(self, server: Server, workdir: str) -> dict[Metric, float]: ...


def _resident_mib(server: Server) -> float:
    time.sleep(_SETTLE_SECONDS)
    return resident_bytes_of_trees(server.memory_roots) / MIB


class CopyGroup:
    name = "nbdcopy"

    def __init__(self, images: Images):
        self._images = images

    def applies_to(self, allocator: str) -> bool:
        return True

    def run(self, server: Server, workdir: str) -> dict[Metric, float]:
        figures = {metrics.IDLE_RSS: _resident_mib(server)}
        image, size = self._images.random_path, self._images.size
        figures[metrics.FIRST_FILL] = copy_throughput_mib_per_second(image, server.uri, size)
        figures[metrics.FIRST_FILL_RSS] = _resident_mib(server)
        figures[metrics.OVERWRITE] = copy_throughput_mib_per_second(image, server.uri, size)
        figures[metrics.READ_WHOLE_DISK] = copy_throughput_mib_per_second(server.uri, "null:", disk_size(server.uri))
        return figures


class FioGroup:
    """The jobs work on the region the random image filled, so reads return real data rather than holes."""
    name = "fio"

    def __init__(self, images: Images, runtime_seconds: int):
        self._images = images
        self._runtime_seconds = runtime_seconds

    def applies_to(self, allocator: str) -> bool:
        return True

    def run(self, server: Server, workdir: str) -> dict[Metric, float]:
        copy_untimed(self._images.random_path, server.uri)
        figures: dict[Metric, float] = {}
        for job in fio.JOBS:
            figures.update(fio.run_job(job, server.uri, self._images.size, self._runtime_seconds, workdir))
        return figures


class MixedImageGroup:
    """What compression buys: zeros, text-like and random data in equal parts."""
    name = "mixed image"

    def __init__(self, images: Images):
        self._images = images

    def applies_to(self, allocator: str) -> bool:
        return allocator == "zstd"

    def run(self, server: Server, workdir: str) -> dict[Metric, float]:
        return {
            metrics.MIXED_FILL: copy_throughput_mib_per_second(self._images.mixed_path, server.uri, self._images.size),
            metrics.MIXED_FILL_RSS: _resident_mib(server),
        }
