"""Requests above the 32 MiB payload limit get an error reply (the write payload consumed, the connection
still in sync) or a disconnect of that client only; other clients keep being served.

Usage: oversized_request.py URI PAYLOAD_BYTES
"""
import nbd_raw
from nbd_helpers import MiB, check, connect, main

def refused(s, cookie):
    """True when the server answered with an error (and stays usable) or closed this connection."""
    try:
        error, reply_cookie = nbd_raw.read_simple_reply(s)
    except (ConnectionError, OSError):
        return True
    check(reply_cookie == cookie, f"reply for cookie {reply_cookie}, expected {cookie}")
    check(error != 0, "an oversized request succeeded")
    nbd_raw.send_request(s, nbd_raw.CMD_READ, 0, 16, cookie=cookie + 1)
    error, reply_cookie = nbd_raw.read_simple_reply(s)
    check(error == 0 and reply_cookie == cookie + 1, "connection out of sync after an oversized request")
    check(nbd_raw.recv_exact(s, 16) == b"other client ok!", "read after an oversized request")
    return True


def run(args):
    uri, oversized = args[0], int(args[1])
    other = connect(uri)
    other.pwrite(b"other client ok!", 0)

    s, _, _ = nbd_raw.connect_and_go(uri)
    try:
        nbd_raw.send_request(s, nbd_raw.CMD_WRITE, 0, oversized, cookie=1, payload=b"\x55" * oversized)
    except (ConnectionError, OSError):
        pass  # the server may hang up while the payload is still being sent
    check(refused(s, 1), "oversized WRITE")
    s.close()

    s, _, _ = nbd_raw.connect_and_go(uri)
    nbd_raw.send_request(s, nbd_raw.CMD_READ, 0, oversized, cookie=10)
    check(refused(s, 10), "oversized READ")
    s.close()

    check(other.pread(16, 0) == b"other client ok!", "the other client lost data or its connection")
    other.pwrite(b"x" * MiB, MiB)
    check(other.pread(MiB, MiB) == b"x" * MiB, "the other client cannot write any more")
    other.shutdown()


main(run)
