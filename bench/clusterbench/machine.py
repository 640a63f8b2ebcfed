"""What the figures were measured on."""
import os
import platform

from .tools import first_line_of


def describe_machine() -> list[str]:
    return [
        f"CPU: {_cpu_model()}, nproc {len(os.sched_getaffinity(0))}",
        f"RAM: {_memory_gib():.1f} GiB",
        f"kernel: {platform.system()} {platform.release()}",
        f"tools: {first_line_of(['nbdkit', '--version'])}; {first_line_of(['nbdcopy', '--version'])}; "
        f"{first_line_of(['fio', '--version'])}; .NET SDK {first_line_of(['dotnet', '--version'])}",
    ]


def _cpu_model() -> str:
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory_gib() -> float:
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / (1 << 20)
    return 0.0
