#!/bin/sh
# Runs the given command (a silo, or a gateway, which joins the cluster as a silo too) with the address the other
# silos reach it at, which must be a real one: on a compose network that is the container's own address, unless
# CLUSTERRAMDISK_ADVERTISEDADDRESS says otherwise.
if [ -z "${CLUSTERRAMDISK_ADVERTISEDADDRESS:-}" ]; then
    CLUSTERRAMDISK_ADVERTISEDADDRESS="$(hostname -i | cut -d' ' -f1)"
    export CLUSTERRAMDISK_ADVERTISEDADDRESS
fi
exec "$@"
