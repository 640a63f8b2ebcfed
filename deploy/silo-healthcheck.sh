#!/bin/sh
# Healthy once the silo process (PID 1) owns a listening TCP socket: it opens its ports only while starting up,
# and with free ports (port 0) the port numbers are not known in advance, so look for any listener it owns.
listening="$(awk '$4 == "0A" { print $10 }' /proc/net/tcp /proc/net/tcp6 2>/dev/null)"
for fd in /proc/1/fd/*; do
    inode="$(readlink "$fd" 2>/dev/null | sed -n 's/^socket:\[\([0-9]*\)\]$/\1/p')"
    if [ -n "$inode" ] && printf '%s\n' "$listening" | grep -qx "$inode"; then
        exit 0
    fi
done
exit 1
