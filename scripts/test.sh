#!/usr/bin/env bash
# Builds and runs the whole test suite in Release. Installs the real NBD client tools the end-to-end tests
# drive when they are missing (needs root for that). Exits non-zero on any build or test failure.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(libnbd-bin python3-libnbd qemu-utils fio nbdkit redis-server)
commands=(nbdinfo nbdsh nbdcopy qemu-io qemu-img fio nbdkit redis-server)

missing_packages=()
for package in "${packages[@]}"; do
    if ! dpkg -s "$package" >/dev/null 2>&1; then
        missing_packages+=("$package")
    fi
done
for command in "${commands[@]}"; do
    if ! command -v "$command" >/dev/null 2>&1 && [ "${#missing_packages[@]}" -eq 0 ]; then
        echo "test.sh: '$command' is missing although its package is installed" >&2
        exit 1
    fi
done

if [ "${#missing_packages[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "test.sh: missing packages (${missing_packages[*]}); run as root to install them" >&2
        exit 1
    fi
    echo "test.sh: installing ${missing_packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing_packages[@]}"
fi

cd "$repo_root"
# The console logger at normal verbosity prints each failure and the final "Passed!/Failed!" summary line;
# dotnet test exits non-zero when any test fails.
dotnet test ClusterRamDisk.sln -c Release --logger "console;verbosity=normal"
