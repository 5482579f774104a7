#!/usr/bin/env bash
# Installs (or upgrades) the published SyncHub host as a systemd service, the steps of the README's "systemd" section:
# a system user, the folders, the published files, the environment file with the secrets, the unit, enable and start.
# Safe to run again: an upgrade replaces the program files and the unit, keeps the environment file and plugins/.
#
#   dotnet publish src/SyncHub.Host -c Release -o out/synchub
#   sudo compose/install-systemd.sh out/synchub          # --dry-run prints the steps and changes nothing
set -euo pipefail

readonly service=synchub
readonly prefix=/opt/synchub
readonly config_dir=/etc/synchub
readonly env_file=$config_dir/synchub.env
readonly state_dir=/var/lib/synchub
readonly unit_file=/etc/systemd/system/$service.service
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly here

usage() {
    echo "usage: $0 [--dry-run] PUBLISH_DIR   (the folder of 'dotnet publish src/SyncHub.Host', holding the synchub binary)" >&2
    exit 2
}

dry_run=false
publish=""
for arg in "$@"; do
    case $arg in
        --dry-run) dry_run=true ;;
        -h | --help) usage ;;
        -*) echo "unknown option $arg" >&2; usage ;;
        *) [[ -z $publish ]] || usage; publish=$arg ;;
    esac
done
[[ -n $publish ]] || usage

if ! $dry_run && [[ $(id -u) -ne 0 ]]; then
    echo "$0: must run as root (it adds a system user and writes to $prefix, $config_dir and /etc/systemd): sudo $0 $*" >&2
    exit 1
fi

if [[ ! -x $publish/synchub ]]; then
    echo "$0: $publish/synchub is not there: give the output folder of 'dotnet publish src/SyncHub.Host -c Release -o <folder>'" >&2
    exit 2
fi
publish=$(cd "$publish" && pwd)

# Runs a step, or prints it with --dry-run.
run() {
    if $dry_run; then
        printf '+ %s\n' "$*"
    else
        "$@"
    fi
}

# A random secret for a new environment file (never an example value left in place).
secret() {
    head -c 32 /dev/urandom | base64 | tr -d '/+=\n'
}

# 1. The system user that runs the hub: no login, no home of its own but the state folder.
if getent passwd "$service" > /dev/null; then
    echo "user $service exists"
else
    run useradd --system --user-group --home-dir "$state_dir" --no-create-home --shell /usr/sbin/nologin "$service"
fi

# 2. The folders: program files owned by root (the hub cannot change its own code or plugins), settings readable by
#    the service's group only. systemd creates the state folder (StateDirectory=synchub).
run install -d -o root -g root -m 0755 "$prefix" "$prefix/plugins"
run install -d -o root -g "$service" -m 0750 "$config_dir"

# 3. The published files, replacing an older version's (plugins/ is kept).
run find "$prefix" -mindepth 1 -maxdepth 1 ! -name plugins -exec rm -rf {} +
run cp -R "$publish/." "$prefix/"
run chown -R root:root "$prefix"
run chmod -R go-w "$prefix"

# 4. The environment file with the secrets: created once from the sample with fresh random keys, never overwritten.
if [[ -f $env_file ]]; then
    echo "$env_file exists: kept"
elif $dry_run; then
    echo "+ create $env_file from $here/synchub.env.sample with a random API key and form token (mode 0640, root:$service)"
else
    sed -e "s/replace-with-a-long-random-key/$(secret)/" -e "s/replace-with-the-form-token/$(secret)/" "$here/synchub.env.sample" > "$env_file.new"
    chown "root:$service" "$env_file.new"
    chmod 0640 "$env_file.new"
    mv "$env_file.new" "$env_file"
    echo "created $env_file: set ConnectionStrings__Redis and the adapters' settings there"
fi

# 5. The unit, then enable and (re)start: a restart loads an upgrade.
run install -o root -g root -m 0644 "$here/synchub.service" "$unit_file"
run systemctl daemon-reload
run systemctl enable "$service"
run systemctl restart "$service"

echo "installed; status: systemctl status $service; logs: journalctl -u $service -f"
