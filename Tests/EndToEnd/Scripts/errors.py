"""Every error a read-write export must report, each followed by proof that the connection still works.

Usage: errors.py URI SIZE
libnbd's strict mode is switched off so that the bad requests reach the server instead of failing locally.
"""
import errno

import nbd
import nbd_raw
from nbd_helpers import check, connect, expect_errno, main


def run(args):
    uri, size = args[0], int(args[1])
    h = connect(uri)
    h.set_strict_mode(0)
    h.pwrite(b"still here", 0)

    def alive(what):
        check(h.pread(10, 0) == b"still here", f"connection unusable after {what}")

    def count_extents(metacontext, offset, entries, err):
        return 0

    cases = [
        (errno.EINVAL, "READ past the end", h.pread, 512, size),
        (errno.EINVAL, "READ straddling the end", h.pread, 1024, size - 512),
        (errno.EINVAL, "TRIM past the end", h.trim, 512, size),
        (errno.EINVAL, "BLOCK_STATUS past the end", h.block_status, 512, size, count_extents),
        (errno.EINVAL, "CACHE past the end", h.cache, 512, size),
        (errno.ENOSPC, "WRITE past the end", h.pwrite, bytes(512), size),
        (errno.ENOSPC, "WRITE straddling the end", h.pwrite, bytes(1024), size - 512),
        (errno.ENOSPC, "WRITE_ZEROES past the end", h.zero, 512, size),
        (errno.EINVAL, "READ with the BLOCK_STATUS-only REQ_ONE flag", h.pread, 512, 0, nbd.CMD_FLAG_REQ_ONE),
        (errno.EINVAL, "WRITE with the WRITE_ZEROES-only NO_HOLE flag", h.pwrite, bytes(512), 0,
         nbd.CMD_FLAG_NO_HOLE),
        (errno.EINVAL, "READ with an undefined flag", h.pread, 512, 0, 1 << 12),
    ]
    for expected, what, action, *call_args in cases:
        expect_errno(expected, what, action, *call_args)
        alive(what)
    check(h.pread(10, 0) == b"still here", "the failed requests changed data")
    h.shutdown()

    # An unknown command number is refused with EINVAL on the simple-reply path, and the connection goes on.
    s, _, _ = nbd_raw.connect_and_go(uri)
    nbd_raw.send_request(s, 0x3F, 0, 512, cookie=77)
    error, cookie = nbd_raw.read_simple_reply(s)
    check(cookie == 77 and error == errno.EINVAL, f"unknown command: error={error} cookie={cookie}")
    nbd_raw.send_request(s, nbd_raw.CMD_READ, 0, 10, cookie=78)
    error, cookie = nbd_raw.read_simple_reply(s)
    check(error == 0 and cookie == 78 and nbd_raw.recv_exact(s, 10) == b"still here",
          "read after an unknown command")
    nbd_raw.send_request(s, nbd_raw.CMD_DISC, 0, 0, cookie=79)
    s.close()


main(run)
