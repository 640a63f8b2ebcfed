"""Reads, writes, zero, trim, flush, FUA, cache and base:allocation on a fresh 8 MiB region.

Usage: core_io.py URI ALLOCATOR BASE_OFFSET
Block status rules checked: data is never reported as a hole or zero; a never-written page and a page whose
whole 32 KiB was trimmed or zeroed is HOLE|ZERO for the sparse allocator and at least ZERO for zstd. (malloc's
zero reporting differs from nbdkit on purpose and is checked in intended_differences.py.)
"""
import errno

import nbd
from nbd_helpers import (HOLE, MiB, PAGE, ZERO, check, connect, error_number, expect_allocation, extents,
                         main, pattern)


def run(args):
    uri, allocator, base = args[0], args[1], int(args[2])
    sparse = allocator in ("sparse", "zstd")

    def expect_unallocated(length, offset, what):
        if allocator == "sparse":
            expect_allocation(h, length, offset, HOLE | ZERO, what)
        else:
            for start, size, flags in extents(h, length, offset):
                check(flags & ZERO, f"{what}: extent at {start}+{size} is not ZERO (flags {flags})")

    h = connect(uri)
    check(h.can_meta_context(nbd.CONTEXT_BASE_ALLOCATION), "base:allocation was not negotiated")

    # Never written: zeros, and for sparse allocators a hole.
    check(h.pread(MiB, base) == bytes(MiB), "a never-written region does not read as zeros")
    if sparse:
        expect_unallocated(8 * MiB, base, "never-written region")

    # Aligned write and read back.
    data = pattern(2 * PAGE, 1)
    h.pwrite(data, base)
    check(h.pread(2 * PAGE, base) == data, "aligned write did not read back")
    expect_allocation(h, 2 * PAGE, base, 0, "written pages")

    # Unaligned write across a page boundary; neighbours stay zero; unaligned reads of mixed ranges.
    odd = base + 3 * PAGE - 500
    odd_data = pattern(1000, 2)
    h.pwrite(odd_data, odd)
    check(h.pread(1000, odd) == odd_data, "unaligned write did not read back")
    check(h.pread(1200, odd - 100) == bytes(100) + odd_data + bytes(100), "unaligned write touched neighbours")
    check(h.pread(777, base + 2 * PAGE - 333) == data[-333:] + bytes(444), "unaligned read across data and zeros")
    check(h.pread(1, odd + 999) == odd_data[-1:], "one-byte read")

    # FUA write, flush, cache.
    fua_data = pattern(4096, 3)
    h.pwrite(fua_data, base + 5 * PAGE + 17, nbd.CMD_FLAG_FUA)
    check(h.pread(4096, base + 5 * PAGE + 17) == fua_data, "FUA write did not read back")
    h.flush()
    if h.can_cache():
        h.cache(MiB, base)
    check(h.pread(4096, base + 5 * PAGE + 17) == fua_data, "data changed after flush/cache")

    # Zero: unaligned inside data, whole pages (back to a hole), NO_HOLE, FAST_ZERO.
    zbase = base + MiB
    block = pattern(4 * PAGE, 4)
    h.pwrite(block, zbase)
    h.zero(50000, zbase + 100)
    check(h.pread(4 * PAGE, zbase) == block[:100] + bytes(50000) + block[50100:], "unaligned zero")
    h.zero(2 * PAGE, zbase + 2 * PAGE)
    check(h.pread(2 * PAGE, zbase + 2 * PAGE) == bytes(2 * PAGE), "whole-page zero")
    if sparse:
        expect_unallocated(2 * PAGE, zbase + 2 * PAGE, "zeroed whole pages")
    h.pwrite(block, zbase)
    h.zero(4 * PAGE, zbase, nbd.CMD_FLAG_NO_HOLE)
    check(h.pread(4 * PAGE, zbase) == bytes(4 * PAGE), "NO_HOLE zero")
    for start, size, flags in extents(h, 4 * PAGE, zbase):
        check(flags & HOLE == 0 or flags & ZERO, f"NO_HOLE zeroed range reported as a non-zero hole at {start}")
    h.pwrite(block, zbase)
    check(h.can_fast_zero(), "FAST_ZERO is not advertised")
    try:
        h.zero(4 * PAGE, zbase, nbd.CMD_FLAG_FAST_ZERO)
        check(h.pread(4 * PAGE, zbase) == bytes(4 * PAGE), "FAST_ZERO succeeded but data is not zero")
    except nbd.Error as e:
        check(error_number(e) == errno.ENOTSUP, f"FAST_ZERO failed with {e.errno}, expected success or ENOTSUP")
        check(h.pread(4 * PAGE, zbase) == block, "a refused FAST_ZERO changed the data")

    # Trim: whole pages read zero and become holes again; a partial trim zeroes only its bytes.
    tbase = base + 2 * MiB
    h.pwrite(block, tbase)
    check(h.can_trim(), "TRIM is not advertised")
    h.trim(2 * PAGE, tbase + PAGE)
    check(h.pread(4 * PAGE, tbase) == block[:PAGE] + bytes(2 * PAGE) + block[3 * PAGE:], "whole-page trim")
    if sparse:
        expect_unallocated(2 * PAGE, tbase + PAGE, "trimmed whole pages")
    expect_allocation(h, PAGE, tbase, 0, "untrimmed page before the trim")
    h.trim(1000, tbase + 3 * PAGE + 10)
    check(h.pread(PAGE, tbase + 3 * PAGE) == block[3 * PAGE:3 * PAGE + 10] + bytes(1000) + block[3 * PAGE + 1010:],
          "partial trim")
    h.flush()

    # REQ_ONE: exactly one extent, starting at the requested offset, never beyond the request.
    one = extents(h, 4 * PAGE, base + 2 * PAGE - 100, nbd.CMD_FLAG_REQ_ONE)
    check(len(one) == 1, f"REQ_ONE returned {len(one)} extents: {one}")
    check(0 < one[0][1] <= 4 * PAGE, f"REQ_ONE extent length {one[0][1]} is outside the request")
    check(one[0][2] == 0, f"REQ_ONE extent over written data has flags {one[0][2]}")

    h.shutdown()


main(run)
