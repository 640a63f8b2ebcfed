#!/bin/sh
# Other silos and gateways reach this silo at the address it advertises, which must be a real one: on a compose
# network that is the container's own address, unless CLUSTERRAMDISK_ADVERTISEDADDRESS says otherwise.
if [ -z "${CLUSTERRAMDISK_ADVERTISEDADDRESS:-}" ]; then
    CLUSTERRAMDISK_ADVERTISEDADDRESS="$(hostname -i | cut -d' ' -f1)"
    export CLUSTERRAMDISK_ADVERTISEDADDRESS
fi
exec dotnet /app/ClusterRamDisk.Silo.dll "$@"
