"""Markdown tables of the medians: one for figures where higher is better, one where lower is better, so each
ratio column can say in its header which way is good. Each median shows the range of its rounds in brackets, so
noise is not read as a difference."""
from .campaign import Samples
from .metrics import Metric


def allocator_tables(samples: Samples, allocator: str, baseline: str, contenders: list[str]) -> str:
    measured = samples.metrics_of(allocator)
    sections = []
    for higher_is_better, caption in ((True, "higher is better"), (False, "lower is better")):
        rows = [metric for metric in measured if metric.higher_is_better == higher_is_better]
        if rows:
            sections.append(_table(samples, allocator, baseline, contenders, rows, caption))
    return "\n".join(sections)


def _table(samples: Samples, allocator: str, baseline: str, contenders: list[str], rows: list[Metric],
           caption: str) -> str:
    header = ["workload", "unit", baseline]
    for contender in contenders:
        header += [contender, f"ratio {contender}/{baseline} ({caption})"]
    lines = [_row(header), _row(["---", "---"] + ["---:"] * (len(header) - 2))]
    for metric in rows:
        reference = samples.median(allocator, metric, baseline)
        cells = [metric.title, metric.unit, _figure(samples, allocator, metric, baseline)]
        for contender in contenders:
            value = samples.median(allocator, metric, contender)
            cells += [_figure(samples, allocator, metric, contender), _ratio(value, reference)]
        lines.append(_row(cells))
    return "\n".join(lines) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _figure(samples: Samples, allocator: str, metric: Metric, side: str) -> str:
    values = samples.values(allocator, metric, side)
    if not values:
        return "n/a"
    median = _number(samples.median(allocator, metric, side), metric.decimals)
    if len(values) == 1:
        return median
    return f"{median} [{_number(min(values), metric.decimals)}–{_number(max(values), metric.decimals)}]"


def _number(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


def _ratio(value: float | None, reference: float | None) -> str:
    if value is None or not reference:
        return "n/a"
    return f"{value / reference:.2f}"
