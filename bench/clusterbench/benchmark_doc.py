"""docs/benchmarks.md: the latest tables with the command, machine and date that produced them."""
import datetime
import os
import subprocess

from .campaign import Samples
from .machine import describe_machine
from .options import NBDKIT_TEMPLATE, Options
from .report import allocator_tables
from .units import MIB


def compose(options: Options, command: str, samples: Samples, baseline: str, contenders: list[str],
            repository: str) -> str:
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks: ClusterRamDisk against nbdkit memory",
        "",
        "Written by `bench/run.sh`; run it again to refresh this page.",
        "",
        f"- date: {now}, commit {_commit(repository)}",
        f"- command: `{command}`",
        *(f"- {fact}" for fact in describe_machine()),
        f"- {baseline}: `{NBDKIT_TEMPLATE}`",
        f"- {options.ours_label}: `{options.ours_template}`",
    ]
    lines += [f"- {target.label}: already running at `{target.uri}`, "
              f"memory of pids {', '.join(map(str, target.pids))} and their children" for target in options.targets]
    lines += [
        f"- settings: disk {options.disk_size}, images {options.image_bytes // MIB} MiB, "
        f"fio {options.fio_runtime_seconds} s per job after 1 s ramp, median of {options.rounds} round(s)"
        + (" (quick mode)" if options.quick else ""),
        "",
        "Method: every workload group (nbdcopy; fio; the mixed image) runs on a fresh server on 127.0.0.1, the "
        "sides taking turns to go first. The random image is seeded random bytes; the mixed image is 1 MiB stripes "
        "of zeros, text-like words and random bytes, a third each. The fio jobs (`--ioengine=nbd`, one connection) "
        "work on the region the random image filled just before. Resident memory is VmRSS summed over the server "
        "process and all its children, 1 s after the copy. Each cell is the median over the rounds with their range in "
        "[brackets]: on a small shared machine one server can vary by a factor of 2 between rounds, so a ratio whose "
        "ranges overlap is not a difference.",
        "",
    ]
    for allocator in options.allocators:
        lines += [f"## allocator={allocator}", "", allocator_tables(samples, allocator, baseline, contenders)]
    return "\n".join(lines)


def write(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as document:
        document.write(text)


def _commit(repository: str) -> str:
    completed = subprocess.run(["git", "-C", repository, "describe", "--always", "--dirty"],
                               stdin=subprocess.DEVNULL, capture_output=True, text=True)
    return completed.stdout.strip() or "unknown"
