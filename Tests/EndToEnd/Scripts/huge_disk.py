"""The 2^63-1 byte disk: the last 511 bytes can be written and read back; one byte beyond is refused.

Usage: huge_disk.py URI
"""
import errno

from nbd_helpers import HOLE, ZERO, check, connect, expect_errno, extents, main, pattern

SIZE = 2**63 - 1


def run(args):
    h = connect(args[0])
    check(h.get_size() == SIZE, f"size {h.get_size()}, expected {SIZE}")
    tail = pattern(511, 9)
    h.pwrite(tail, SIZE - 511)
    check(h.pread(511, SIZE - 511) == tail, "the last 511 bytes did not read back")
    check(h.pread(1024, SIZE - 1024) == bytes(1024 - 511) + tail, "read ending at the last byte")
    check(h.pread(4096, 2**62) == bytes(4096), "the middle of the disk is not zero")
    first = extents(h, 1 << 30, 2**62)[0]
    check(first[2] & ZERO and first[2] & HOLE, f"the untouched middle is not a hole: {first}")
    h.set_strict_mode(0)
    expect_errno(errno.EINVAL, "READ beyond 2^63-1", h.pread, 1, SIZE)
    expect_errno(errno.EINVAL, "READ straddling 2^63-1", h.pread, 512, SIZE - 511)
    expect_errno(errno.ENOSPC, "WRITE straddling 2^63-1", h.pwrite, bytes(512), SIZE - 511)
    check(h.pread(511, SIZE - 511) == tail, "refused requests changed the tail")
    h.shutdown()


main(run)
