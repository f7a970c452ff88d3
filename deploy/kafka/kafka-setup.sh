#!/usr/bin/env bash
# Creates the ClinicOps topics, the SCRAM users of the four services and their ACLs, from
# topic-access.txt next to this file. Idempotent: run it again after changing topic-access.txt or a
# service's password (compose: the one-shot service kafka-setup; Kubernetes: the Job kafka-setup).
#
# Each service's user (named after its spring.application.name) may
#   - write (and describe) only the topics it owns,
#   - read (and describe) the topics it consumes, with consumer groups whose names start with its
#     own name,
#   - write, read and describe the dead-letter topic <topic>.dlt of each topic it consumes,
#   - describe every clinic.* topic (its startup checks that the topics exist; nothing more).
# Nobody else: the broker refuses everything without an ACL (allow.everyone.if.no.acl.found=false)
# and only the admin user is a super user.
#
# ACLs are only ever added. To take a permission away (a consumer dropped in topic-access.txt),
# remove it by hand: kafka-acls.sh --remove ... (see deploy/README.md, Kafka).
#
# Needs: CLINIC_KAFKA_BOOTSTRAP (a SASL_PLAINTEXT listener, e.g. kafka:9092),
# CLINIC_KAFKA_ADMIN_PASSWORD, CLINIC_KAFKA_PASSWORD_<SERVICE> for each service (e.g.
# CLINIC_KAFKA_PASSWORD_INTAKE_SERVICE; letters and digits only), CLINIC_KAFKA_PARTITIONS and
# CLINIC_KAFKA_REPLICATION_FACTOR (the values the services are given).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
table="${CLINIC_KAFKA_TOPIC_ACCESS:-$here/topic-access.txt}"
bin="${CLINIC_KAFKA_BIN:-/opt/kafka/bin}"
bootstrap="${CLINIC_KAFKA_BOOTSTRAP:?CLINIC_KAFKA_BOOTSTRAP is not set}"
partitions="${CLINIC_KAFKA_PARTITIONS:-3}"
replication="${CLINIC_KAFKA_REPLICATION_FACTOR:-1}"
# How long topics keep records (clinic.kafka.topic-retention in the services, 365 days): monitoring
# rebuilds its indicators from them; compacted topics keep the latest record per key for ever.
retention_ms="${CLINIC_KAFKA_TOPIC_RETENTION_MS:-31536000000}"
services=(intake-service scheduling-service billing-service monitoring-service)

umask 077
admin_config=$(mktemp)
trap 'rm -f "$admin_config"' EXIT
cat > "$admin_config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${CLINIC_KAFKA_ADMIN_PASSWORD:?CLINIC_KAFKA_ADMIN_PASSWORD is not set}";
PROPERTIES

password_of() {
  local variable="CLINIC_KAFKA_PASSWORD_$(printf '%s' "$1" | tr 'a-z-' 'A-Z_')"
  local password="${!variable:-}"
  if [[ ! "$password" =~ ^[A-Za-z0-9]+$ ]]; then
    echo "$variable must be set to letters and digits only" >&2
    exit 1
  fi
  printf '%s' "$password"
}

admin() {
  local tool="$1"
  shift
  "$bin/$tool" --bootstrap-server "$bootstrap" --command-config "$admin_config" "$@"
}

echo "Waiting for Kafka at $bootstrap ..."
for attempt in $(seq 1 60); do
  if admin kafka-broker-api-versions.sh > /dev/null 2>&1; then
    break
  fi
  if [[ "$attempt" -eq 60 ]]; then
    echo "Kafka at $bootstrap did not answer in 5 minutes" >&2
    exit 1
  fi
  sleep 5
done

# Users: created or given their current password.
for service in "${services[@]}"; do
  admin kafka-configs.sh --alter --entity-type users --entity-name "$service" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$(password_of "$service")]" > /dev/null
  echo "SCRAM user $service set"
done

# Topics: created when missing, with their dead-letter topics.
existing=" $(admin kafka-topics.sh --list | tr '\n' ' ') "
create_topic() {
  if [[ "$existing" != *" $1 "* ]]; then
    admin kafka-topics.sh --create --if-not-exists --topic "$1" \
      --partitions "$partitions" --replication-factor "$replication" "${@:2}"
  fi
}

declare -A owned consumed
while read -r topic producer consumers cleanup; do
  if [[ "$cleanup" == compact ]]; then
    create_topic "$topic" --config cleanup.policy=compact
  else
    create_topic "$topic" --config "retention.ms=$retention_ms"
  fi
  create_topic "$topic.dlt" --config "retention.ms=$retention_ms"
  owned[$producer]+=" $topic"
  for consumer in ${consumers//,/ }; do
    consumed[$consumer]+=" $topic"
  done
done < <(grep -Ev '^[[:space:]]*(#|$)' "$table")

# ACLs, one command per kind and service.
for service in "${services[@]}"; do
  principal="User:$service"
  writes=()
  for topic in ${owned[$service]:-}; do
    writes+=(--topic "$topic")
  done
  reads=()
  dead_letters=()
  for topic in ${consumed[$service]:-}; do
    reads+=(--topic "$topic")
    dead_letters+=(--topic "$topic.dlt")
  done
  if ((${#writes[@]})); then
    admin kafka-acls.sh --add --allow-principal "$principal" --operation Write --operation Describe "${writes[@]}" > /dev/null
  fi
  if ((${#reads[@]})); then
    admin kafka-acls.sh --add --allow-principal "$principal" --operation Read --operation Describe "${reads[@]}" > /dev/null
    admin kafka-acls.sh --add --allow-principal "$principal" --operation Write --operation Read --operation Describe \
      "${dead_letters[@]}" > /dev/null
  fi
  admin kafka-acls.sh --add --allow-principal "$principal" --operation Read \
    --resource-pattern-type prefixed --group "$service" > /dev/null
  admin kafka-acls.sh --add --allow-principal "$principal" --operation Describe \
    --resource-pattern-type prefixed --topic clinic. > /dev/null
  echo "ACLs of $service: writes${owned[$service]:- nothing}; reads${consumed[$service]:- nothing}"
done
echo "Kafka topics, users and ACLs are set up."
