#!/usr/bin/env bash
# The docker compose deployment, for real: its own dockerd (no bridge, no iptables), a locally built base image
# (no registry is reachable), every container on the host's network and reachable on 127.0.0.1 only.
# Up with 3 silos, a 1 GiB image in and out byte-identical through 127.0.0.1:10809, scale to 4 silos, write more,
# the new silo takes data (status --json), down, no container left behind. Cleans up on failure too.
# Needs root, docker.io, docker-compose, debootstrap, libnbd-bin (scripts/test.sh installs them).
set -euo pipefail

deploy="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state=/var/lib/clusterramdisk-compose-test   # keeps the daemon's data (and so the base image) between runs
work="$(mktemp -d /var/tmp/clusterramdisk-compose-test.XXXXXX)"
project=clusterramdisk-test
nbd=nbd://127.0.0.1:10809
gib=$((1 << 30))

export DOCKER_HOST="unix://$state/docker.sock"
export TEST_BASE_IMAGE=clusterramdisk-base:bookworm
export SDK_IMAGE="$TEST_BASE_IMAGE" RUNTIME_IMAGE="$TEST_BASE_IMAGE"
export CLUSTERRAMDISK_DISKSIZE=4G CLUSTERRAMDISK_ALLOCATOR=sparse CLUSTERRAMDISK_MEMORYLIMIT=1G
TEST_REDIS_PORT="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export TEST_REDIS_PORT

step() { echo "compose-test: $(date -u +%T) $*"; }
fail() { echo "compose-test: FAILED: $*" >&2; exit 1; }
compose() { docker-compose --project-name "$project" --file "$work/compose.yaml" "$@"; }

stop_dockerd() {
    local pid
    pid="$(cat "$state/dockerd.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    fi
}

cleanup() {
    local status=$?
    if [ -f "$work/compose.yaml" ] && [ -S "$state/docker.sock" ]; then
        compose down --volumes --remove-orphans --timeout 150 >/dev/null 2>&1 || true
        docker ps --all --quiet --filter "label=com.docker.compose.project=$project" | xargs -r docker rm --force >/dev/null 2>&1 || true
    fi
    stop_dockerd
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "starting dockerd in $state"
mkdir -p "$state/data" "$state/exec"
stop_dockerd   # one left over from an interrupted run
dockerd --bridge=none --iptables=false --ip6tables=false \
    --data-root "$state/data" --exec-root "$state/exec" --pidfile "$state/dockerd.pid" \
    --host "$DOCKER_HOST" >"$state/dockerd.log" 2>&1 &
for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
docker info >/dev/null 2>&1 || fail "dockerd did not start: $(tail -5 "$state/dockerd.log")"

step "base image $TEST_BASE_IMAGE"
"$deploy/test/base-image.sh" "$TEST_BASE_IMAGE"

# The test override puts everything on the host's network; Docker refuses published ports there.
docker-compose --file "$deploy/compose.yaml" --file "$deploy/compose.test.yaml" config \
    | /usr/bin/python3 "$deploy/test/host-network.py" >"$work/compose.yaml"

step "building the images"
compose build --quiet
step "up with 3 silos"
compose up --detach --scale silo=3
for _ in $(seq 120); do nbdinfo --size "$nbd" >/dev/null 2>&1 && break; sleep 1; done
[ "$(nbdinfo --size "$nbd")" = $((4 * gib)) ] || fail "the gateway does not serve a 4 GiB disk on $nbd"

# One "address directories" line per silo. The cluster contract names the address "address"; the status command
# of cluster mode part 1 writes it as "silo": accept both.
silos() {
    compose exec -T gateway dotnet /app/ClusterRamDisk.Gateway.dll --json status | /usr/bin/python3 -c '
import json, sys
for silo in json.load(sys.stdin)["silos"]:
    print(silo.get("address") or silo["silo"], silo["directories"])'
}
[ "$(silos | wc -l)" = 3 ] || fail "status does not list 3 silos: $(silos)"

step "1 GiB image in and out"
head -c "$gib" /dev/urandom >"$work/image.img"
nbdcopy "$work/image.img" "$nbd"
nbdcopy "$nbd" "$work/disk.img"
cmp -n "$gib" "$work/image.img" "$work/disk.img" || fail "the 1 GiB read back differs from the image written"
cmp -n $((3 * gib)) -i "$gib:0" "$work/disk.img" /dev/zero || fail "the disk beyond the image is not zero"
silos | sort >"$work/silos-before"

step "scale to 4 silos and write another GiB"
compose up --detach --no-recreate --scale silo=4
for _ in $(seq 120); do [ "$(silos | wc -l)" = 4 ] && break; sleep 1; done
[ "$(silos | wc -l)" = 4 ] || fail "status does not list 4 silos: $(silos)"
head -c "$gib" /dev/urandom >>"$work/image.img"
nbdcopy "$work/image.img" "$nbd"
nbdcopy "$nbd" "$work/disk.img"
cmp -n $((2 * gib)) "$work/image.img" "$work/disk.img" || fail "the 2 GiB read back differ from the image written"

silos | sort >"$work/silos-after"
echo "silos (address, directories) before scaling:"; cat "$work/silos-before"
echo "after:"; cat "$work/silos-after"
new_silo="$(cut -d' ' -f1 "$work/silos-after" | grep -vxF -f <(cut -d' ' -f1 "$work/silos-before") || true)"
[ -n "$new_silo" ] || fail "no new silo in the status"
new_directories="$(grep "^$new_silo " "$work/silos-after" | cut -d' ' -f2)"
[ "$new_directories" -gt 0 ] || fail "the new silo $new_silo holds no directories"

step "down"
compose down --volumes --remove-orphans --timeout 150
left="$(docker ps --all --quiet --filter "label=com.docker.compose.project=$project")"
[ -z "$left" ] || fail "containers left behind: $left"
step "passed"
