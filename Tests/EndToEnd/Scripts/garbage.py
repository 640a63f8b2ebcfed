"""Garbage and bad magic close only the offending connection; other clients keep working.

Usage: garbage.py URI
"""
import os

import nbd_raw
from nbd_helpers import check, connect, main


def run(args):
    uri = args[0]
    other = connect(uri)
    other.pwrite(b"survivor", 4096)

    # Unknown client flags after the greeting.
    s = nbd_raw.open_socket(uri)
    nbd_raw.recv_exact(s, 18)
    s.sendall(b"\xff\xff\xff\xff")
    check(nbd_raw.is_closed(s), "unknown client flags did not close the connection")
    s.close()

    # Bad option magic during negotiation.
    s = nbd_raw.open_socket(uri)
    nbd_raw.handshake(s)
    s.sendall(os.urandom(64))
    check(nbd_raw.is_closed(s), "garbage during negotiation did not close the connection")
    s.close()

    # Bad request magic in transmission (never resynchronise).
    s, _, _ = nbd_raw.connect_and_go(uri)
    s.sendall(b"\xde\xad\xbe\xef" + bytes(24))
    check(nbd_raw.is_closed(s), "bad request magic did not close the connection")
    s.close()

    # Random bytes in transmission, then an abrupt close.
    s, _, _ = nbd_raw.connect_and_go(uri)
    s.sendall(os.urandom(4096))
    s.close()

    check(other.pread(8, 4096) == b"survivor", "the other client was disturbed")
    fresh = connect(uri)
    check(fresh.pread(8, 4096) == b"survivor", "a new client cannot connect after the garbage")
    fresh.shutdown()
    other.shutdown()


main(run)
