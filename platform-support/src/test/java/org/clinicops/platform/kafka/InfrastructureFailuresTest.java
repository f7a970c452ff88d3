package org.clinicops.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import java.util.concurrent.TimeoutException;
import org.clinicops.platform.cloudevents.ForeignSourceException;
import org.clinicops.platform.cloudevents.MalformedEventException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class InfrastructureFailuresTest {

    @Test
    void aMongoServerSelectionTimeoutWrappedByTheListenerIsAnOutage() {
        var driver = new MongoTimeoutException("Timed out while waiting for a server");
        var translated = new DataAccessResourceFailureException("Timed out", driver);
        assertThat(InfrastructureFailures.isOutage(new ListenerExecutionFailedException("failed", translated)))
                .isTrue();
    }

    @Test
    void aRefusedConnectionDeepInAHandlersOwnExceptionIsAnOutage() {
        var refused = new MongoSocketOpenException("Exception opening socket", new ServerAddress("localhost", 27017));
        var handlers = new IllegalStateException("could not book", new RuntimeException(refused));
        assertThat(InfrastructureFailures.isOutage(handlers)).isTrue();
    }

    @Test
    void kafkaAndJavaTimeoutsAreOutages() {
        assertThat(InfrastructureFailures.isOutage(new org.apache.kafka.common.errors.TimeoutException("expired")))
                .isTrue();
        assertThat(InfrastructureFailures.isOutage(new RuntimeException(new TimeoutException())))
                .isTrue();
        assertThat(InfrastructureFailures.isOutage(new QueryTimeoutException("slow")))
                .isTrue();
    }

    @Test
    void poisonAndBugsAreNotOutages() {
        assertThat(InfrastructureFailures.isOutage(new MalformedEventException("not a CloudEvent")))
                .isFalse();
        assertThat(InfrastructureFailures.isOutage(new ForeignSourceException("forged")))
                .isFalse();
        assertThat(InfrastructureFailures.isOutage(new IllegalStateException("cannot apply")))
                .isFalse();
        assertThat(InfrastructureFailures.isOutage(null)).isFalse();
    }

    @Test
    void anOptimisticLockConflictGetsTheQuickRetriesNotTheOutageOnes() {
        assertThat(InfrastructureFailures.isOutage(new OptimisticLockingFailureException("version changed")))
                .isFalse();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        var first = new RuntimeException("a");
        var second = new RuntimeException("b", first);
        first.initCause(second);
        assertThat(InfrastructureFailures.isOutage(first)).isFalse();
    }
}
