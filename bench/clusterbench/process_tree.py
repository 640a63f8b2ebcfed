"""Resident memory of whole process trees, read from /proc."""
import os


def _parent_of_every_process() -> dict[int, int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                # The command name may hold spaces and parentheses: the fields after the last ')' are fixed.
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry)] = int(fields[1])
    return parents


def descendants_and_self(roots: list[int]) -> set[int]:
    parents = _parent_of_every_process()
    tree = {pid for pid in roots if pid in parents}
    grew = True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= children
        grew = bool(children)
    return tree


def _resident_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0  # exited meanwhile, or a kernel thread without VmRSS


def resident_bytes_of_trees(roots: list[int]) -> int:
    """Sum of VmRSS over the given processes and all their descendants."""
    return sum(_resident_bytes(pid) for pid in descendants_and_self(roots))
