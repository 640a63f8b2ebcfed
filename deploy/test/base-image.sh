#!/usr/bin/env bash
# Builds the one local base image the compose test uses as both SDK_IMAGE and RUNTIME_IMAGE, because no
# container registry is reachable here: Debian bookworm minbase (debootstrap) with what .NET needs, redis-server
# (the test's Redis runs from this image too), the host's own .NET SDK copied in, and the host's locally added
# certificate authorities trusted (NuGet restore inside the build goes through the same TLS-inspecting egress as
# the host). Built only when missing.
# Usage: base-image.sh IMAGE_TAG   (DOCKER_HOST must point at the daemon to import into; needs root)
set -euo pipefail

image="$1"
if docker image inspect "$image" >/dev/null 2>&1; then
    echo "base-image: $image already present"
    exit 0
fi

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
rootfs="$(mktemp -d /var/tmp/clusterramdisk-rootfs.XXXXXX)"
trap 'rm -rf "$rootfs"' EXIT

echo "base-image: debootstrap bookworm into $rootfs"
debootstrap --variant=minbase \
    --include=ca-certificates,tzdata,libicu72,libssl3,libgssapi-krb5-2,zlib1g,redis-server,hostname \
    bookworm "$rootfs" http://deb.debian.org/debian >"$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log" >&2; rm -f "$rootfs.log"; exit 1; }
rm -f "$rootfs.log"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*

if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
    echo "base-image: trusting the host's local certificate authorities"
    cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
    chroot "$rootfs" update-ca-certificates >/dev/null 2>&1
fi

echo "base-image: copying the .NET installation from $dotnet_root"
mkdir -p "$rootfs/usr/share/dotnet"
cp -a "$dotnet_root/." "$rootfs/usr/share/dotnet/"
ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"

echo "base-image: importing as $image"
tar -C "$rootfs" -c . | docker import \
    --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    - "$image" >/dev/null
