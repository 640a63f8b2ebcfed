"""Keeps the server busy with many writes and reads in flight until this process is killed.
Prints READY once requests are in flight, so the test knows when to kill it.

Usage: flood_until_killed.py URI BASE_OFFSET
"""
import sys

import nbd
from nbd_helpers import connect

CHUNK = 256 * 1024
h = connect(sys.argv[1])
base = int(sys.argv[2])
data = nbd.Buffer.from_bytearray(bytearray(b"\xa5" * CHUNK))
reads = [nbd.Buffer(CHUNK) for _ in range(16)]
announced = False


def retire(error):
    return 1  # returning 1 retires the command, so nothing piles up


while True:
    for i in range(16):
        h.aio_pwrite(data, base + i * CHUNK, completion=retire)
        h.aio_pread(reads[i], base + (i + 16) * CHUNK, completion=retire)
    if not announced:
        print("READY", flush=True)
        announced = True
    while h.aio_in_flight() > 16:
        h.poll(-1)
