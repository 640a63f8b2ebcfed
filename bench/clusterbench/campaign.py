"""Rounds of every workload group on every side, the sides taking turns to go first."""
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass, field

from .metrics import Metric
from .servers import Side
from .workload_groups import WorkloadGroup


@dataclass
class Samples:
    """samples[allocator][metric][side label] -> one figure per round."""
    by_allocator: dict[str, dict[Metric, dict[str, list[float]]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(lambda: defaultdict(list))))

    def add(self, allocator: str, side: str, figures: dict[Metric, float]) -> None:
        for metric, value in figures.items():
            self.by_allocator[allocator][metric][side].append(value)

    def median(self, allocator: str, metric: Metric, side: str) -> float | None:
        values = self.by_allocator[allocator][metric][side]
        return statistics.median(values) if values else None

    def values(self, allocator: str, metric: Metric, side: str) -> list[float]:
        return self.by_allocator[allocator][metric][side]

    def metrics_of(self, allocator: str) -> list[Metric]:
        return list(self.by_allocator[allocator])


def run_campaign(sides: list[Side], allocators: list[str], groups: list[WorkloadGroup], rounds: int,
                 workdir: str) -> Samples:
    samples = Samples()
    for allocator in allocators:
        for round_index in range(rounds):
            # Rotating who goes first cancels drift (page cache, thermal, background work) between the sides.
            shift = round_index % len(sides)
            order = sides[shift:] + sides[:shift]
            for group in groups:
                if not group.applies_to(allocator):
                    continue
                for side in order:
                    with side.open(allocator, workdir) as server:
                        figures = group.run(server, workdir)
                    samples.add(allocator, side.label, figures)
                    _progress(allocator, round_index, rounds, group.name, side.label, figures)
    return samples


def _progress(allocator: str, round_index: int, rounds: int, group: str, side: str,
              figures: dict[Metric, float]) -> None:
    shown = ", ".join(f"{metric.title} {value:.{metric.decimals}f} {metric.unit}" for metric, value in figures.items())
    print(f"[{allocator} round {round_index + 1}/{rounds}] {group} on {side}: {shown}", file=sys.stderr, flush=True)
