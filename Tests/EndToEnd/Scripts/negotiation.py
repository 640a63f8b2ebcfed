"""Option haggling: LIST, INFO, GO, ABORT in opt mode, structured replies on and off, meta contexts,
the export name, and an unknown option answered with ERR_UNSUP while negotiation continues.

Usage: negotiation.py URI EXPORT_NAME EXPECTED_SIZE
"""
import struct

import nbd
import nbd_raw
from nbd_helpers import check, main


def opt_mode_handle(uri):
    h = nbd.NBD()
    h.set_opt_mode(True)
    h.connect_uri(uri)
    check(h.aio_is_negotiating(), "opt mode did not stop in negotiation")
    return h


def run(args):
    uri, export_name, size = args[0], args[1], int(args[2])

    # LIST names the export; INFO reports its size without entering transmission; ABORT ends cleanly.
    h = opt_mode_handle(uri)
    names = []
    count = h.opt_list(lambda name, description: names.append(name))
    check(count >= 1 and export_name in names, f"NBD_OPT_LIST returned {names}, expected '{export_name}'")
    h.set_export_name(export_name)
    h.opt_info()
    check(h.get_size() == size, f"NBD_OPT_INFO size {h.get_size()}, expected {size}")
    check(h.aio_is_negotiating(), "NBD_OPT_INFO left negotiation")
    h.opt_abort()
    check(h.aio_is_closed(), "NBD_OPT_ABORT did not close the connection")

    # Meta contexts: base:allocation is offered, an unknown namespace is not.
    h = opt_mode_handle(uri)
    h.set_export_name(export_name)
    listed = []
    h.add_meta_context(nbd.CONTEXT_BASE_ALLOCATION)
    h.opt_list_meta_context(lambda name: listed.append(name))
    check(nbd.CONTEXT_BASE_ALLOCATION in listed, f"LIST_META_CONTEXT returned {listed}")
    h.clear_meta_contexts()
    listed.clear()
    h.add_meta_context("x-no-such-namespace:anything")
    h.opt_list_meta_context(lambda name: listed.append(name))
    check(listed == [], f"an unknown meta context namespace was offered: {listed}")
    h.add_meta_context(nbd.CONTEXT_BASE_ALLOCATION)

    # GO after haggling enters transmission.
    h.opt_go()
    check(h.aio_is_ready(), "NBD_OPT_GO did not enter transmission")
    check(h.get_structured_replies_negotiated(), "structured replies were not negotiated")
    check(h.can_meta_context(nbd.CONTEXT_BASE_ALLOCATION), "base:allocation not active after GO")
    check(not h.can_meta_context("x-no-such-namespace:anything"), "unknown context became active")
    check(len(h.pread(4096, 0)) == 4096, "read after GO")
    h.shutdown()

    # Structured replies off: simple replies still carry reads; no DF and no block status.
    h = nbd.NBD()
    h.set_request_structured_replies(False)
    h.add_meta_context(nbd.CONTEXT_BASE_ALLOCATION)
    h.connect_uri(uri)
    check(not h.get_structured_replies_negotiated(), "structured replies negotiated although not requested")
    check(not h.can_df(), "DF advertised without structured replies")
    check(not h.can_meta_context(nbd.CONTEXT_BASE_ALLOCATION), "meta context without structured replies")
    h.pwrite(b"simple replies", 12345)
    check(h.pread(14, 12345) == b"simple replies", "read with simple replies")
    h.shutdown()

    # An unknown option gets ERR_UNSUP and the same connection can still GO and read.
    s = nbd_raw.open_socket(uri)
    nbd_raw.handshake(s)
    nbd_raw.send_option(s, 0x7FFF1234, b"whatever")
    option, reply_type, _ = nbd_raw.read_option_reply(s)
    check(option == 0x7FFF1234 and reply_type == nbd_raw.REP_ERR_UNSUP,
          f"unknown option answered with type {reply_type:#x} for option {option:#x}")
    s_size, _ = nbd_raw.go(s, export_name.encode())
    check(s_size == size, f"GO after an unknown option reports size {s_size}")
    nbd_raw.send_request(s, nbd_raw.CMD_READ, 12345, 14, cookie=0xC0FFEE)
    error, cookie = nbd_raw.read_simple_reply(s)
    check(error == 0 and cookie == 0xC0FFEE, f"read reply error={error} cookie={cookie:#x}")
    check(nbd_raw.recv_exact(s, 14) == b"simple replies", "raw read returned other data")
    nbd_raw.send_request(s, nbd_raw.CMD_DISC, 0, 0, cookie=1)
    s.close()


main(run)
