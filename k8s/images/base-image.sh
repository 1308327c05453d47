#!/usr/bin/env bash
# The images' base, made from Debian packages (the default Quarkus base cannot be pulled here): a bookworm minbase
# with openjdk-17-jre-headless, packed as a single-layer docker-archive tar that Jib takes as `tar://…`.
# Usage: k8s/images/base-image.sh OUT_DIR   (writes OUT_DIR/base.tar; reuses it when present)
set -euo pipefail
out="$(realpath -m "${1:?output directory}")"
[[ -s "$out/base.tar" ]] && { echo "$out/base.tar"; exit 0; }
mkdir -p "$out"
work="$(mktemp -d "$out/.base.XXXX")"
trap 'rm -rf "$work"' EXIT
command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >/dev/null
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$work/rootfs" \
  "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$work/debootstrap.log"
# What a runtime image does not need.
rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* \
  "$work"/rootfs/usr/share/doc/* "$work"/rootfs/usr/share/man/* "$work"/rootfs/usr/share/locale/*
# The user the services run as (uid 185, as in the Red Hat OpenJDK images), with a home for the JVM.
chroot "$work/rootfs" groupadd -g 185 jboss
chroot "$work/rootfs" useradd -u 185 -g 185 -m -d /home/jboss -s /usr/sbin/nologin jboss
mkdir -p "$work/image"
tar -C "$work/rootfs" --numeric-owner -cf "$work/image/layer.tar" .
layer=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
mkdir "$work/image/$layer" && mv "$work/image/layer.tar" "$work/image/$layer/layer.tar"
cat >"$work/image/config.json" <<JSON
{"architecture": "amd64", "os": "linux",
 "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"], "User": "185", "WorkingDir": "/home/jboss"},
 "rootfs": {"type": "layers", "diff_ids": ["sha256:$layer"]}}
JSON
config=$(sha256sum "$work/image/config.json" | cut -d' ' -f1)
mv "$work/image/config.json" "$work/image/$config.json"
printf '[{"Config": "%s.json", "RepoTags": ["guoziyun/base:17"], "Layers": ["%s/layer.tar"]}]\n' "$config" "$layer" \
  >"$work/image/manifest.json"
# Name the entries (no "./"): Jib refuses archive entries that could point outside its destination.
(cd "$work/image" && tar -cf "$out/base.tar.part" manifest.json "$config.json" "$layer") && mv "$out/base.tar.part" "$out/base.tar"
echo "$out/base.tar"
