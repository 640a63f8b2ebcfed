"""Shared helpers for the end-to-end scripts: connecting, block status, expected errors."""
import errno
import sys

import nbd

PAGE = 32 * 1024
MiB = 1024 * 1024
HOLE = nbd.STATE_HOLE
ZERO = nbd.STATE_ZERO


def connect(uri, meta=True):
    h = nbd.NBD()
    if meta:
        h.add_meta_context(nbd.CONTEXT_BASE_ALLOCATION)
    h.connect_uri(uri)
    return h


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def extents(h, length, offset, flags=0):
    """The base:allocation extents reported for [offset, offset+length) as (offset, length, flags) triples."""
    found = []

    def callback(metacontext, start, entries, err):
        if metacontext != nbd.CONTEXT_BASE_ALLOCATION:
            return 0
        position = start
        for i in range(0, len(entries), 2):
            found.append((position, entries[i], entries[i + 1]))
            position += entries[i]
        return 0

    h.block_status(length, offset, callback, flags)
    return found


def expect_allocation(h, length, offset, expected, what):
    """Every byte of the range must be reported with exactly the expected base:allocation flags."""
    reported = extents(h, length, offset)
    check(reported, f"{what}: no extents reported for [{offset}, +{length})")
    check(reported[0][0] == offset, f"{what}: extents start at {reported[0][0]}, not {offset}")
    covered = 0
    for start, size, flags in reported:
        if start >= offset + length:
            break
        check(flags == expected,
              f"{what}: extent at {start}+{size} has flags {flags}, expected {expected}; all: {reported}")
        covered = start + size - offset
    check(covered >= length, f"{what}: extents cover only {covered} of {length} bytes: {reported}")


def error_number(error):
    """libnbd 1.14's nbd.Error.errno is the symbolic name ("EINVAL"); newer releases give the number."""
    if isinstance(error.errno, str):
        return getattr(errno, error.errno, None)
    return error.errno


def expect_errno(expected, what, action, *args):
    """Runs a libnbd call that must fail with the given errno."""
    try:
        action(*args)
    except nbd.Error as e:
        check(error_number(e) == expected,
              f"{what}: failed with {e.errno} ({e.string}), expected {errno.errorcode[expected]}")
        return
    raise AssertionError(f"{what}: succeeded, expected {errno.errorcode[expected]}")


def pattern(length, seed):
    """Deterministic non-zero data, different for every seed."""
    return bytes(((i * 7 + seed) % 251) + 1 for i in range(length))


def main(run):
    """Runs a script's checks; an exception exits non-zero with its traceback, which the C# test shows."""
    run(sys.argv[1:])
    print("OK")
