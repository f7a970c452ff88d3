#!/usr/bin/env bash
# Starts the ClinicOps Kafka broker (apache/kafka image, single node in KRaft mode) with SASL/SCRAM.
#
# The SCRAM credentials live in the cluster metadata, so the first one (the admin user the broker
# and kafka-setup.sh use) has to be written when the storage is formatted: this script formats the
# storage with it (`kafka-storage format --add-scram`, skipped once the storage is formatted), sets
# the broker's own login on every SASL listener, then hands over to the image's usual start, which
# configures the broker from the KAFKA_* variables.
#
# Needs: CLUSTER_ID, CLINIC_KAFKA_ADMIN_PASSWORD (from a secret, letters and digits only) and the
# KAFKA_* broker settings of the compose file or the StatefulSet. The password is never written
# into the compose file or a manifest.
set -euo pipefail

: "${CLUSTER_ID:?CLUSTER_ID is not set}"
: "${CLINIC_KAFKA_ADMIN_PASSWORD:?CLINIC_KAFKA_ADMIN_PASSWORD is not set (see deploy/README.md, Credentials)}"
if [[ ! "$CLINIC_KAFKA_ADMIN_PASSWORD" =~ ^[A-Za-z0-9]+$ ]]; then
  echo "CLINIC_KAFKA_ADMIN_PASSWORD must be letters and digits only" >&2
  exit 1
fi

admin_login="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$CLINIC_KAFKA_ADMIN_PASSWORD\";"

# The broker logs in as admin wherever it is a client of itself (the inter-broker listener); every
# SASL listener needs a login entry, which the image turns into
# listener.name.<listener>.scram-sha-512.sasl.jaas.config.
IFS=',' read -r -a mappings <<< "${KAFKA_LISTENER_SECURITY_PROTOCOL_MAP:?KAFKA_LISTENER_SECURITY_PROTOCOL_MAP is not set}"
for mapping in "${mappings[@]}"; do
  listener="${mapping%%:*}"
  protocol="${mapping#*:}"
  if [[ "$protocol" == SASL_* ]]; then
    export "KAFKA_LISTENER_NAME_${listener^^}_SCRAM___SHA___512_SASL_JAAS_CONFIG=$admin_login"
  fi
done

umask 077

# The broker configuration as the image derives it from KAFKA_* (KAFKA_LOG_DIRS -> log.dirs;
# ___ stands for "-", __ for "_"), for the format command, which reads the full configuration.
format_config=$(mktemp)
trap 'rm -f "$format_config"' EXIT
while IFS='=' read -r key value; do
  case "$key" in
    KAFKA_VERSION | KAFKA_HEAP_OPTS | KAFKA_LOG4J_OPTS | KAFKA_OPTS | KAFKA_JMX_OPTS | KAFKA_JMX_PORT | \
      KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_GC_LOG_OPTS | KAFKA_LOG4J_ROOT_LOGLEVEL | KAFKA_LOG4J_LOGGERS | \
      KAFKA_TOOLS_LOG4J_LOGLEVEL | KAFKA_JMX_HOSTNAME) continue ;;
    KAFKA_*) ;;
    *) continue ;;
  esac
  name="${key#KAFKA_}"
  name="${name,,}"
  name="${name//_/.}"
  name="${name//.../-}"
  name="${name//../_}"
  printf '%s=%s\n' "$name" "$value" >> "$format_config"
done < <(env)

# First start only: format with the admin's SCRAM credential. Later starts find the storage
# formatted and keep it (a changed password is set with kafka-configs, see deploy/README.md).
# The tool prints the bootstrap records, the admin's salted keys among them: not into the log.
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$format_config" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$CLINIC_KAFKA_ADMIN_PASSWORD]" > /dev/null
echo "Storage formatted with the admin's SCRAM credential (or already formatted)"
rm -f "$format_config"

# Client settings for the admin, used by the compose healthcheck and by operators inside the
# container (kafka-topics.sh --command-config /tmp/clinicops-admin.properties ...).
cat > /tmp/clinicops-admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$admin_login
PROPERTIES

unset CLINIC_KAFKA_ADMIN_PASSWORD
exec /etc/kafka/docker/run
