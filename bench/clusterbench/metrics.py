"""Every figure the benchmark reports, with its unit and which direction is better."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Metric:
    title: str
    unit: str
    higher_is_better: bool
    decimals: int = 0


IDLE_RSS = Metric("resident memory at start, before any write", "MiB", higher_is_better=False)
FIRST_FILL = Metric("nbdcopy random image into a fresh disk (first fill)", "MiB/s", higher_is_better=True)
FIRST_FILL_RSS = Metric("resident memory after the first fill", "MiB", higher_is_better=False)
OVERWRITE = Metric("nbdcopy the same image again (overwrite)", "MiB/s", higher_is_better=True)
READ_WHOLE_DISK = Metric("nbdcopy the whole disk to null:", "MiB/s", higher_is_better=True)
RANDWRITE_4K_QD32 = Metric("fio 4k randwrite qd32", "IOPS", higher_is_better=True)
RANDREAD_4K_QD32 = Metric("fio 4k randread qd32", "IOPS", higher_is_better=True)
RANDREAD_4K_QD1_MEAN = Metric("fio 4k randread qd1, mean latency", "µs", higher_is_better=False, decimals=1)
RANDREAD_4K_QD1_P99 = Metric("fio 4k randread qd1, 99th percentile latency", "µs", higher_is_better=False, decimals=1)
WRITE_1M_QD8 = Metric("fio 1 MiB write qd8", "MiB/s", higher_is_better=True)
READ_1M_QD8 = Metric("fio 1 MiB read qd8", "MiB/s", higher_is_better=True)
MIXED_FILL = Metric("nbdcopy mixed image into a fresh disk", "MiB/s", higher_is_better=True)
MIXED_FILL_RSS = Metric("resident memory after the mixed image fill", "MiB", higher_is_better=False)
