#!/usr/bin/env bash
# Builds and runs the whole test suite in Release. Installs the real NBD client tools the end-to-end tests
# drive, and the Docker engine, docker-compose and debootstrap the compose test uses, when they are missing
# (needs root for that). Exits non-zero on any build or test failure.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

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
for package in libnbd-bin python3-libnbd qemu-utils fio nbdkit redis-server docker.io docker-compose debootstrap; do
    if ! dpkg -s "$package" >/dev/null 2>&1 || ! eval "${probes[$package]}" >/dev/null 2>&1; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "test.sh: missing packages (${missing[*]}); run as root to install them" >&2
        exit 1
    fi
    echo "test.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y "${missing[@]}"
fi

cd "$repo_root"
# The minimal console logger prints every failure and the final "Passed!/Failed! - Failed: n, Passed: n"
# summary line; dotnet test exits non-zero when anything fails.
dotnet test ClusterRamDisk.sln -c Release --logger "console;verbosity=minimal"
