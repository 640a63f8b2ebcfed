"""Entry point: prepare images and servers, run the campaign, print the tables and write docs/benchmarks.md."""
import os
import shlex
import shutil
import signal
import sys
import tempfile

from . import benchmark_doc, images
from .campaign import run_campaign
from .gateway_build import PUBLISH_DESCRIPTION, publish_gateway
from .options import NBDKIT_TEMPLATE, Options, parse_options
from .report import allocator_tables
from .servers import LaunchedSide, Side, TargetSide
from .tools import ToolFailed
from .workload_groups import CopyGroup, FioGroup, Images, MixedImageGroup

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BASELINE_LABEL = "nbdkit"
REQUIRED_TOOLS = ("nbdkit", "nbdcopy", "nbdinfo", "fio")


def main(argv: list[str]) -> int:
    options = parse_options(argv, REPOSITORY)
    _turn_termination_into_interrupt()
    try:
        _check_tools(options)
        if options.build:
            print(f"publishing the gateway ({PUBLISH_DESCRIPTION})", file=sys.stderr, flush=True)
            publish_gateway(REPOSITORY)
        _benchmark(options, argv)
    except KeyboardInterrupt:
        print("interrupted; every server started has been stopped", file=sys.stderr)
        return 130
    except (RuntimeError, ToolFailed, OSError) as failure:
        print(f"bench: {failure}", file=sys.stderr)
        return 1
    return 0


def _benchmark(options: Options, argv: list[str]) -> None:
    baseline = LaunchedSide(BASELINE_LABEL, NBDKIT_TEMPLATE, options.disk_size)
    contenders: list[Side] = [LaunchedSide(options.ours_label, options.ours_template, options.disk_size)]
    contenders += [TargetSide(target.label, target.uri, target.pids) for target in options.targets]
    sides: list[Side] = [baseline, *contenders]

    with tempfile.TemporaryDirectory(prefix="clusterbench-") as workdir:
        test_images = Images(os.path.join(workdir, "random.img"), os.path.join(workdir, "mixed.img"),
                             options.image_bytes)
        print(f"writing images to {workdir}", file=sys.stderr, flush=True)
        images.write_random_image(test_images.random_path, test_images.size)
        if "zstd" in options.allocators:
            images.write_mixed_image(test_images.mixed_path, test_images.size)
        groups = [CopyGroup(test_images), FioGroup(test_images, options.fio_runtime_seconds),
                  MixedImageGroup(test_images)]
        samples = run_campaign(sides, options.allocators, groups, options.rounds, workdir)

    contender_labels = [side.label for side in contenders]
    for allocator in options.allocators:
        print(f"\nallocator={allocator} (median of {options.rounds} round(s))\n")
        print(allocator_tables(samples, allocator, BASELINE_LABEL, contender_labels))
    if options.document:
        command = shlex.join(["bench/run.sh", *argv])
        benchmark_doc.write(options.document, benchmark_doc.compose(
            options, command, samples, BASELINE_LABEL, contender_labels, REPOSITORY))
        print(f"wrote {options.document}", file=sys.stderr)


def _check_tools(options: Options) -> None:
    needed = list(REQUIRED_TOOLS) + (["dotnet"] if options.build else [])
    missing = [tool for tool in needed if shutil.which(tool) is None]
    if missing:
        raise RuntimeError(f"missing tools: {', '.join(missing)} (Debian: nbdkit libnbd-bin fio)")


def _turn_termination_into_interrupt() -> None:
    """SIGTERM and SIGHUP unwind like Ctrl-C, so every `with` block stops its server and the images are removed;
    SIGINT is set too because a shell starts background jobs with it ignored."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt
    for termination in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(termination, interrupt)
