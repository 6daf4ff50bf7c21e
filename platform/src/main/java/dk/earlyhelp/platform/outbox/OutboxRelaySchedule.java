package dk.earlyhelp.platform.outbox;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Runs the relay on one thread with a fixed delay, started after the bindings are up and stopped
 * before them, so a shutdown never leaves a half-sent batch behind.
 */
class OutboxRelaySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelaySchedule.class);

    private final OutboxRelay relay;
    private final Duration interval;
    private SimpleAsyncTaskScheduler scheduler;
    private ScheduledFuture<?> task;

    OutboxRelaySchedule(OutboxRelay relay, Duration interval) {
        this.relay = relay;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = new SimpleAsyncTaskScheduler();
        scheduler.setThreadNamePrefix("outbox-relay-");
        task = scheduler.scheduleWithFixedDelay(this::relayOnce, interval);
    }

    private void relayOnce() {
        try {
            relay.relayPending();
        } catch (RuntimeException e) {
            // The store may be briefly unavailable; the next round retries.
            log.warn("Outbox relay round failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            scheduler.close();
            task = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return task != null;
    }

    @Override
    public int getPhase() {
        // Bindings start at Integer.MAX_VALUE - 1000 or so; start after them, stop before them.
        return Integer.MAX_VALUE - 100;
    }
}
