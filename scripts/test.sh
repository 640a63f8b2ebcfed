#!/usr/bin/env bash
# Builds and runs the whole test suite in Release. Installs the real NBD client tools the end-to-end tests
# drive, and the Docker engine, docker-compose and debootstrap the compose test uses, when they are missing
# (needs root for that). Exits non-zero on any build or test failure.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$repo_root/scripts/ensure-packages.sh" libnbd-bin python3-libnbd qemu-utils fio nbdkit redis-server docker.io docker-compose debootstrap

cd "$repo_root"
# The minimal console logger prints every failure and the final "Passed!/Failed! - Failed: n, Passed: n"
# summary line; dotnet test exits non-zero when anything fails.
dotnet test ClusterRamDisk.sln -c Release --logger "console;verbosity=minimal"
