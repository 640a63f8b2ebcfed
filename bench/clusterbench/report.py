"""Markdown tables of the medians: one for figures where higher is better, one where lower is better, so each
ratio column can say in its header which way is good."""
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
        cells = [metric.title, metric.unit, _number(reference, metric.decimals)]
        for contender in contenders:
            value = samples.median(allocator, metric, contender)
            cells += [_number(value, metric.decimals), _ratio(value, reference)]
        lines.append(_row(cells))
    return "\n".join(lines) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _number(value: float | None, decimals: int) -> str:
    return "n/a" if value is None else f"{value:,.{decimals}f}"


def _ratio(value: float | None, reference: float | None) -> str:
    if value is None or not reference:
        return "n/a"
    return f"{value / reference:.2f}"
