package org.clinicops.platform.kafka;

import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Pauses a listener container between two attempts at a failing record and resumes it when the wait
 * is over, on a scheduler of its own: not a {@code TaskScheduler} bean, so a service's
 * {@code @Scheduled} methods keep Boot's.
 */
public final class ListenerPauses implements AutoCloseable {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final ContainerPausingBackOffHandler backOffHandler;

    public ListenerPauses() {
        scheduler.setPoolSize(1);
        scheduler.setDaemon(true);
        scheduler.setThreadNamePrefix("kafka-listener-resume-");
        scheduler.initialize();
        backOffHandler = new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, scheduler));
    }

    public ContainerPausingBackOffHandler backOffHandler() {
        return backOffHandler;
    }

    @Override
    public void close() {
        scheduler.shutdown();
    }
}
