#!/bin/sh
# Side-by-side benchmark of nbdkit memory and ClusterRamDisk; options: bench/run.sh --help
here=$(cd "$(dirname "$0")" && pwd)
PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" exec /usr/bin/python3 -m clusterbench "$@"
