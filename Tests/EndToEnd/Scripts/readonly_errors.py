"""A read-only export refuses every write with EPERM and still serves reads.

Usage: readonly_errors.py URI
"""
import errno

from nbd_helpers import check, connect, expect_errno, main


def run(args):
    h = connect(args[0])
    check(h.is_read_only(), "the export is not advertised read-only")
    h.set_strict_mode(0)
    before = h.pread(4096, 0)
    for what, action, *call_args in [
        ("WRITE", h.pwrite, b"x" * 4096, 0),
        ("WRITE_ZEROES", h.zero, 4096, 0),
        ("TRIM", h.trim, 4096, 0),
    ]:
        expect_errno(errno.EPERM, f"{what} on a read-only export", action, *call_args)
    check(h.pread(4096, 0) == before, "a refused write changed data")
    h.flush()
    h.shutdown()


main(run)
