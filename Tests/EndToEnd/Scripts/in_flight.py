"""Many requests in flight on one connection, and several connections seeing one image.

Usage: in_flight.py URI BASE_OFFSET
"""
import nbd
from nbd_helpers import check, connect, main, pattern

REQUESTS = 64
CHUNK = 64 * 1024
CONNECTIONS = 4


def wait_all(h, cookies):
    pending = set(cookies)
    while pending:
        h.poll(-1)
        pending = {c for c in pending if not h.aio_command_completed(c)}


def run(args):
    uri, base = args[0], int(args[1])
    h = connect(uri)

    # 64 writes queued at once, then 64 reads queued at once; replies may arrive in any order.
    expected = [pattern(CHUNK, i) for i in range(REQUESTS)]
    cookies = [h.aio_pwrite(nbd.Buffer.from_bytearray(bytearray(expected[i])), base + i * CHUNK)
               for i in range(REQUESTS)]
    check(h.aio_in_flight() > 1, "the writes were not in flight together")
    wait_all(h, cookies)
    buffers = [nbd.Buffer(CHUNK) for _ in range(REQUESTS)]
    cookies = [h.aio_pread(buffers[i], base + i * CHUNK) for i in range(REQUESTS)]
    wait_all(h, cookies)
    for i in range(REQUESTS):
        check(bytes(buffers[i].to_bytearray()) == expected[i], f"in-flight read {i} returned other data")

    # Several connections: each writes its own area, a flush on another covers it (multi-conn), all see all.
    area = base + REQUESTS * CHUNK
    handles = [connect(uri) for _ in range(CONNECTIONS)]
    for i, other in enumerate(handles):
        check(other.can_multi_conn(), "CAN_MULTI_CONN is not advertised")
        other.pwrite(pattern(CHUNK, 100 + i), area + i * CHUNK)
    handles[-1].flush()
    for reader in handles + [h]:
        for i in range(CONNECTIONS):
            check(reader.pread(CHUNK, area + i * CHUNK) == pattern(CHUNK, 100 + i),
                  f"connection did not see the write of connection {i}")

    # Interleaved in-flight traffic from all connections at once.
    cookies = []
    for round_ in range(8):
        for i, other in enumerate(handles):
            data = bytearray(pattern(4096, round_ * CONNECTIONS + i))
            offset = area + CONNECTIONS * CHUNK + (round_ * CONNECTIONS + i) * 4096
            cookies.append((other, other.aio_pwrite(nbd.Buffer.from_bytearray(data), offset)))
    for other, cookie in cookies:
        while not other.aio_command_completed(cookie):
            other.poll(-1)
    for round_ in range(8):
        for i in range(CONNECTIONS):
            offset = area + CONNECTIONS * CHUNK + (round_ * CONNECTIONS + i) * 4096
            check(h.pread(4096, offset) == pattern(4096, round_ * CONNECTIONS + i), "interleaved write lost")
    for other in handles + [h]:
        other.shutdown()


main(run)
