"""Command-line options of bench/run.sh."""
import argparse
import os
import shlex
from dataclasses import dataclass

from .gateway_build import GATEWAY_DLL
from .units import MIB

ALLOCATORS = ("sparse", "malloc", "zstd")
NBDKIT_TEMPLATE = "nbdkit -f --exit-with-parent -i 127.0.0.1 -p {port} -P {pidfile} memory {size} allocator={allocator}"
OURS_TEMPLATE = ("dotnet {dll} -f --exit-with-parent -i 127.0.0.1 -p {{port}} -P {{pidfile}} memory {{size}} "
                 "allocator={{allocator}}")


@dataclass(frozen=True)
class Mode:
    rounds: int
    fio_runtime_seconds: int
    image_mib: int


FULL = Mode(rounds=3, fio_runtime_seconds=5, image_mib=1024)
QUICK = Mode(rounds=1, fio_runtime_seconds=2, image_mib=256)


@dataclass(frozen=True)
class Target:
    """An NBD server that is already running, such as 3 silos and a gateway."""
    uri: str
    pids: list[int]
    label: str


@dataclass(frozen=True)
class Options:
    allocators: list[str]
    rounds: int
    fio_runtime_seconds: int
    image_bytes: int
    disk_size: str
    quick: bool
    ours_template: str
    ours_label: str
    build: bool
    targets: list[Target]
    document: str | None


def parse_options(argv: list[str], repository: str) -> Options:
    parser = argparse.ArgumentParser(
        prog="bench/run.sh",
        description="Runs nbdkit memory and ClusterRamDisk side by side on loopback and prints, per allocator, "
                    "the median of each figure over the rounds and the ratio ClusterRamDisk/nbdkit.")
    parser.add_argument("--allocators", default=",".join(ALLOCATORS),
                        help="comma-separated allocators to compare (default: %(default)s)")
    parser.add_argument("--rounds", type=int, help=f"rounds per allocator (default {FULL.rounds}, quick {QUICK.rounds})")
    parser.add_argument("--fio-runtime", type=int, metavar="SECONDS",
                        help=f"seconds per fio job (default {FULL.fio_runtime_seconds}, "
                             f"quick {QUICK.fio_runtime_seconds})")
    parser.add_argument("--image-size", type=int, metavar="MIB",
                        help=f"size of the random and mixed images (default {FULL.image_mib}, quick {QUICK.image_mib})")
    parser.add_argument("--size", default="2G", help="virtual disk size, as nbdkit takes it (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="one short round: a smoke test of the whole benchmark")
    parser.add_argument("--ours-cmd", default=os.environ.get("BENCH_OURS_CMD"), metavar="TEMPLATE",
                        help="command for our server with {port} {pidfile} {size} {allocator} placeholders "
                             "(default: the Release gateway, built first; env BENCH_OURS_CMD). "
                             f"Pointing it at nbdkit ('{NBDKIT_TEMPLATE}') checks the benchmark itself")
    parser.add_argument("--ours-label", default="ClusterRamDisk", help="column name of our server")
    parser.add_argument("--no-build", action="store_true", help="do not publish the gateway first (use the last one published)")
    parser.add_argument("--target", metavar="URI", action="append", default=[],
                        help="also measure an NBD server that is already running on loopback (e.g. 3 silos and a "
                             "gateway); its disk is zeroed before each workload group; needs one --allocators "
                             "value (the one it runs) and --target-pids; repeat all three options to compare "
                             "several such servers in one run")
    parser.add_argument("--target-pids", metavar="PID,...", action="append", default=[],
                        help="processes of the --target server whose trees' resident memory is summed")
    parser.add_argument("--target-label", metavar="LABEL", action="append", default=[],
                        help="column name of the --target server (default: cluster)")
    parser.add_argument("--output", default=os.path.join(repository, "docs", "benchmarks.md"), metavar="FILE",
                        help="markdown file that receives the table (default: docs/benchmarks.md)")
    parser.add_argument("--no-doc", action="store_true", help="print the table only, do not write --output")
    arguments = parser.parse_args(argv)

    allocators = [name.strip() for name in arguments.allocators.split(",") if name.strip()]
    unknown = [name for name in allocators if name not in ALLOCATORS]
    if unknown or not allocators:
        parser.error(f"--allocators takes {', '.join(ALLOCATORS)}; got {arguments.allocators!r}")
    targets = _targets(parser, arguments, allocators)
    mode = QUICK if arguments.quick else FULL
    rounds = arguments.rounds or mode.rounds
    fio_runtime = arguments.fio_runtime or mode.fio_runtime_seconds
    image_mib = arguments.image_size or mode.image_mib
    if min(rounds, fio_runtime, image_mib) < 1:
        parser.error("--rounds, --fio-runtime and --image-size must be positive")

    return Options(
        allocators=allocators,
        rounds=rounds,
        fio_runtime_seconds=fio_runtime,
        image_bytes=image_mib * MIB,
        disk_size=arguments.size,
        quick=arguments.quick,
        ours_template=arguments.ours_cmd or OURS_TEMPLATE.format(dll=shlex.quote(os.path.join(repository, GATEWAY_DLL))),
        ours_label=arguments.ours_label,
        build=not arguments.no_build and not arguments.ours_cmd,
        targets=targets,
        document=None if arguments.no_doc else arguments.output,
    )


def _targets(parser: argparse.ArgumentParser, arguments: argparse.Namespace, allocators: list[str]) -> list[Target]:
    uris = arguments.target
    if not uris:
        return []
    pids = [[int(pid) for pid in group.split(",") if pid.strip()] for group in arguments.target_pids]
    labels = arguments.target_label or (["cluster"] if len(uris) == 1 else [])
    if len(allocators) != 1 or len(pids) != len(uris) or not all(pids):
        parser.error("--target needs exactly one --allocators value and one --target-pids per --target")
    if len(labels) != len(uris) or len(set(labels)) != len(labels):
        parser.error("several --target servers need one distinct --target-label each")
    return [Target(uri, group, label) for uri, group, label in zip(uris, pids, labels)]
