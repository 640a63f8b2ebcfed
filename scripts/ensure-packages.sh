#!/usr/bin/env bash
# Installs the given Debian packages unless each is already there and usable (needs root to install).
# Usage: scripts/ensure-packages.sh PACKAGE...
set -euo pipefail

# package -> a command that proves it is usable (python3-libnbd must import into the system python).
declare -A probes=(
    [libnbd-bin]="command -v nbdinfo"
    [python3-libnbd]="/usr/bin/python3 -c 'import nbd'"
    [qemu-utils]="command -v qemu-img"
    [fio]="command -v fio"
    [nbdkit]="command -v nbdkit"
    [redis-server]="command -v redis-server"
    [docker.io]="command -v dockerd"
    [docker-compose]="command -v docker-compose"
    [debootstrap]="command -v debootstrap"
)

missing=()
for package in "$@"; do
    if ! dpkg -s "$package" >/dev/null 2>&1 || ! eval "${probes[$package]:-true}" >/dev/null 2>&1; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "$(basename "$0"): missing packages (${missing[*]}); run as root to install them" >&2
        exit 1
    fi
    echo "$(basename "$0"): installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y "${missing[@]}"
fi
