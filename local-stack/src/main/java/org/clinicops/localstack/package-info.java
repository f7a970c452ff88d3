/**
 * Runs the platform's infrastructure on a bare machine without Docker: a real Apache Kafka broker in
 * KRaft mode and a MongoDB wire-protocol server, both persisted to a data directory.
 */
@NullMarked
package org.clinicops.localstack;

import org.jspecify.annotations.NullMarked;
