#!/usr/bin/env bash
# Starts mongod (mongo image) as a one-member replica set with access control.
#
# A replica set with authorization needs a key file for its members' internal authentication, even
# with one member. It comes from the secret MONGO_REPLICA_SET_KEY (6 to 1024 base64 characters;
# letters and digits will do), written here to a file only mongod's user can read. The root user is
# created by the image on the first start from MONGO_INITDB_ROOT_USERNAME and
# MONGO_INITDB_ROOT_PASSWORD (also secrets); the image then starts mongod with --auth. The replica
# set is initiated and the services' users created by mongo-init.js.
#
# Usage: mongod-start.sh [extra mongod options]
set -euo pipefail

: "${MONGO_REPLICA_SET_KEY:?MONGO_REPLICA_SET_KEY is not set (see deploy/README.md, Credentials)}"
: "${MONGO_INITDB_ROOT_USERNAME:?MONGO_INITDB_ROOT_USERNAME is not set}"
: "${MONGO_INITDB_ROOT_PASSWORD:?MONGO_INITDB_ROOT_PASSWORD is not set}"

key_file=/data/configdb/replica-set.key
umask 077
printf '%s\n' "$MONGO_REPLICA_SET_KEY" > "$key_file"
chmod 400 "$key_file"
chown mongodb:mongodb "$key_file"
unset MONGO_REPLICA_SET_KEY

exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile "$key_file" "$@"
