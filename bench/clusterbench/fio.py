"""fio jobs through its NBD engine, and the figures read from its JSON output."""
import json
import os
from dataclasses import dataclass
from typing import Callable

from . import metrics
from .metrics import Metric
from .tools import run_quietly
from .units import MIB


Extractor = Callable[[dict], float]


@dataclass(frozen=True)
class FioJob:
    name: str
    rw: str
    block_size: str
    iodepth: int
    figures: dict[Metric, Extractor]

    @property
    def direction(self) -> str:
        return "read" if "read" in self.rw else "write"


def _iops(stats: dict) -> float:
    return stats["iops"]


def _mib_per_second(stats: dict) -> float:
    return stats["bw_bytes"] / MIB


def _mean_completion_microseconds(stats: dict) -> float:
    return stats["clat_ns"]["mean"] / 1000


def _p99_completion_microseconds(stats: dict) -> float:
    return stats["clat_ns"]["percentile"]["99.000000"] / 1000


JOBS = [
    FioJob("randwrite-4k-qd32", "randwrite", "4k", 32, {metrics.RANDWRITE_4K_QD32: _iops}),
    FioJob("randread-4k-qd32", "randread", "4k", 32, {metrics.RANDREAD_4K_QD32: _iops}),
    FioJob("randread-4k-qd1", "randread", "4k", 1, {
        metrics.RANDREAD_4K_QD1_MEAN: _mean_completion_microseconds,
        metrics.RANDREAD_4K_QD1_P99: _p99_completion_microseconds,
    }),
    FioJob("write-1m-qd8", "write", "1m", 8, {metrics.WRITE_1M_QD8: _mib_per_second}),
    FioJob("read-1m-qd8", "read", "1m", 8, {metrics.READ_1M_QD8: _mib_per_second}),
]


def run_job(job: FioJob, uri: str, region_bytes: int, runtime_seconds: int, workdir: str) -> dict[Metric, float]:
    # JSON goes to a file: the NBD engine prints "connected to NBD server" on stdout ahead of it.
    output_path = os.path.join(workdir, f"fio-{job.name}.json")
    run_quietly([
        "fio", f"--name={job.name}", "--ioengine=nbd", f"--uri={uri}",
        f"--rw={job.rw}", f"--bs={job.block_size}", f"--iodepth={job.iodepth}",
        f"--size={region_bytes}", "--time_based", f"--runtime={runtime_seconds}", "--ramp_time=1",
        "--norandommap", "--output-format=json", f"--output={output_path}",
    ])
    try:
        with open(output_path, encoding="utf-8") as output:
            result = json.load(output)["jobs"][0]
    finally:
        os.remove(output_path)
    if result["error"]:
        raise RuntimeError(f"fio job {job.name} reported error {result['error']}")
    stats = result[job.direction]
    return {metric: extract(stats) for metric, extract in job.figures.items()}
