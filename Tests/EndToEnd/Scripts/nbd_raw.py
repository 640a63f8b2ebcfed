"""A deliberately minimal raw-socket NBD client, for what libnbd refuses to send (unknown options, bad magic,
oversized payloads). Only fixed-newstyle negotiation and simple replies are implemented."""
import socket
import struct
import urllib.parse

NBDMAGIC = 0x4E42444D41474943
IHAVEOPT = 0x49484156454F5054
OPT_REPLY_MAGIC = 0x0003E889045565A9
REQUEST_MAGIC = 0x25609513
SIMPLE_REPLY_MAGIC = 0x67446698
OPT_GO = 7
OPT_LIST = 3
REP_ACK = 1
REP_INFO = 3
REP_ERR_UNSUP = 0x80000001
INFO_EXPORT = 0
CMD_READ = 0
CMD_WRITE = 1
CMD_DISC = 2


def open_socket(uri, timeout=30):
    """Connects to nbd://host:port or nbd+unix:///?socket=PATH (loopback/Unix only)."""
    parsed = urllib.parse.urlparse(uri)
    if parsed.scheme == "nbd+unix":
        path = urllib.parse.parse_qs(parsed.query)["socket"][0]
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(timeout)
        s.connect(path)
        return s
    if parsed.hostname not in ("127.0.0.1", "::1", "localhost"):
        raise ValueError(f"refusing a non-loopback address: {uri}")
    s = socket.create_connection((parsed.hostname, parsed.port or 10809), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def recv_exact(s, n):
    data = bytearray()
    while len(data) < n:
        chunk = s.recv(n - len(data))
        if not chunk:
            raise ConnectionError(f"connection closed after {len(data)} of {n} bytes")
        data += chunk
    return bytes(data)


def handshake(s):
    """Reads the greeting and answers with FIXED_NEWSTYLE|NO_ZEROES."""
    magic, opt_magic, flags = struct.unpack(">QQH", recv_exact(s, 18))
    assert magic == NBDMAGIC and opt_magic == IHAVEOPT, f"bad greeting {magic:x} {opt_magic:x}"
    assert flags & 1, "server is not fixed-newstyle"
    s.sendall(struct.pack(">I", 3 if flags & 2 else 1))


def send_option(s, option, data=b""):
    s.sendall(struct.pack(">QII", IHAVEOPT, option, len(data)) + data)


def read_option_reply(s):
    magic, option, reply_type, length = struct.unpack(">QIII", recv_exact(s, 20))
    assert magic == OPT_REPLY_MAGIC, f"bad option reply magic {magic:x}"
    return option, reply_type, recv_exact(s, length)


def go(s, name=b""):
    """NBD_OPT_GO; returns (size, transmission flags) from NBD_INFO_EXPORT."""
    send_option(s, OPT_GO, struct.pack(">I", len(name)) + name + struct.pack(">H", 0))
    size = flags = None
    while True:
        option, reply_type, data = read_option_reply(s)
        assert option == OPT_GO, f"reply for option {option}"
        if reply_type == REP_ACK:
            assert size is not None, "GO acknowledged without NBD_INFO_EXPORT"
            return size, flags
        assert reply_type == REP_INFO, f"GO failed with reply type {reply_type:#x}: {data!r}"
        if struct.unpack(">H", data[:2])[0] == INFO_EXPORT:
            size, flags = struct.unpack(">QH", data[2:12])


def connect_and_go(uri):
    s = open_socket(uri)
    handshake(s)
    size, flags = go(s)
    return s, size, flags


def send_request(s, command, offset, length, cookie, flags=0, payload=b""):
    s.sendall(struct.pack(">IHHQQI", REQUEST_MAGIC, flags, command, cookie, offset, length) + payload)


def read_simple_reply(s):
    """Returns (error, cookie)."""
    magic, error, cookie = struct.unpack(">IIQ", recv_exact(s, 16))
    assert magic == SIMPLE_REPLY_MAGIC, f"bad reply magic {magic:x}"
    return error, cookie


def is_closed(s, timeout=30):
    """True when the server closed (or reset) the connection within the timeout without sending anything."""
    s.settimeout(timeout)
    try:
        return s.recv(1) == b""
    except ConnectionResetError:
        return True
