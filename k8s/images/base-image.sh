#!/usr/bin/env bash
# The images' base, made from Debian packages (the default Quarkus base cannot be pulled here): a bookworm minbase
# with CA certificates and, under /opt/java, a Java runtime linked (jlink) from the JDK the suite runs the components
# on — the same runtime in the images as in ./suite (ADR 0011) —, packed as a single-layer docker-archive tar that
# Jib takes as `tar://…`.
# Usage: k8s/images/base-image.sh OUT_DIR JDK_HOME   (writes OUT_DIR/base-jdk-<version>.tar; reuses it when present)
set -euo pipefail
out="$(realpath -m "${1:?output directory}")"
jdk="${2:?the JDK to link the runtime from (17 or newer, with jlink)}"
version="$("$jdk/bin/java" -version 2>&1 | sed -nE '1s/.*version "([^"]+)".*/\1/p')"
[[ -n "$version" && -x "$jdk/bin/jlink" ]] || { echo "no JDK with jlink at $jdk" >&2; exit 1; }
tar_file="$out/base-jdk-$version.tar"
[[ -s "$tar_file" ]] && { echo "$tar_file"; exit 0; }
mkdir -p "$out"
work="$(mktemp -d "$out/.base.XXXX")"
trap 'rm -rf "$work"' EXIT
command -v debootstrap >/dev/null || apt-get install -y -q debootstrap >/dev/null
debootstrap --variant=minbase --include=ca-certificates bookworm "$work/rootfs" \
  "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$work/debootstrap.log"
# What a runtime image does not need.
rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/* \
  "$work"/rootfs/usr/share/doc/* "$work"/rootfs/usr/share/man/* "$work"/rootfs/usr/share/locale/*
# The modules the components load (-Xlog:class+load, issue 21) — Java SE, the JDK's crypto, management, JFR, zip
# file system, DNS naming and the console Quarkus probes for — and jcmd for an operator's diagnosis.
"$jdk/bin/jlink" --output "$work/rootfs/opt/java" --strip-debug --no-header-files --no-man-pages \
  --add-modules java.se,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.internal.le,jdk.jshell,jdk.localedata,jdk.management,jdk.management.jfr,jdk.jfr,jdk.net,jdk.security.jgss,jdk.unsupported,jdk.zipfs,jdk.naming.dns,jdk.jcmd,jdk.attach \
  --include-locales=en,zh
# The user the services run as (uid 185, as in the Red Hat OpenJDK images), with a home for the JVM.
chroot "$work/rootfs" groupadd -g 185 jboss
chroot "$work/rootfs" useradd -u 185 -g 185 -m -d /home/jboss -s /usr/sbin/nologin jboss
mkdir -p "$work/image"
tar -C "$work/rootfs" --numeric-owner -cf "$work/image/layer.tar" .
layer=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
mkdir "$work/image/$layer" && mv "$work/image/layer.tar" "$work/image/$layer/layer.tar"
cat >"$work/image/config.json" <<JSON
{"architecture": "amd64", "os": "linux",
 "config": {"Env": ["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "JAVA_HOME=/opt/java", "JAVA_VERSION=$version"], "User": "185", "WorkingDir": "/home/jboss"},
 "rootfs": {"type": "layers", "diff_ids": ["sha256:$layer"]}}
JSON
config=$(sha256sum "$work/image/config.json" | cut -d' ' -f1)
mv "$work/image/config.json" "$work/image/$config.json"
printf '[{"Config": "%s.json", "RepoTags": ["guoziyun/base:jdk-%s"], "Layers": ["%s/layer.tar"]}]\n' "$config" "$version" "$layer" \
  >"$work/image/manifest.json"
# Name the entries (no "./"): Jib refuses archive entries that could point outside its destination.
(cd "$work/image" && tar -cf "$tar_file.part" manifest.json "$config.json" "$layer") && mv "$tar_file.part" "$tar_file"
echo "$tar_file"
