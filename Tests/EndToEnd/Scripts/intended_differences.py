"""Block status where we differ from nbdkit on purpose (so this fails against nbdkit):
- sparse: writing all-zero data allocates nothing, the range stays HOLE|ZERO;
- malloc: pages that are all zeros (never written, zeroed, or written with zeros) report ZERO without HOLE.

Usage: intended_differences.py URI ALLOCATOR BASE_OFFSET
"""
from nbd_helpers import HOLE, PAGE, ZERO, check, connect, expect_allocation, main, pattern


def run(args):
    uri, allocator, base = args[0], args[1], int(args[2])
    h = connect(uri)
    unallocated = HOLE | ZERO if allocator == "sparse" else ZERO
    expect_allocation(h, 4 * PAGE, base, unallocated, "never-written pages")
    h.pwrite(bytes(4 * PAGE), base)
    check(h.pread(4 * PAGE, base) == bytes(4 * PAGE), "zero write did not read back")
    expect_allocation(h, 4 * PAGE, base, unallocated, "pages written with all-zero data")
    h.pwrite(pattern(PAGE, 5), base + PAGE)
    expect_allocation(h, PAGE, base + PAGE, 0, "a page with data")
    expect_allocation(h, PAGE, base, unallocated, "the all-zero page before it")
    h.pwrite(bytes(PAGE), base + PAGE)
    expect_allocation(h, 4 * PAGE, base, unallocated, "a data page overwritten with zeros")
    h.shutdown()


main(run)
