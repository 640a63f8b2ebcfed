#!/bin/sh
# Side-by-side benchmark of nbdkit memory and ClusterRamDisk; options: bench/run.sh --help
here=$(cd "$(dirname "$0")" && pwd)
"$here/../scripts/ensure-packages.sh" nbdkit libnbd-bin fio || exit 1
PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" exec /usr/bin/python3 -m clusterbench "$@"
