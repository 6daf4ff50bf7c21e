package dk.earlyhelp.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on one thread, started after the bindings are up and stopped before them, so a
 * shutdown never leaves a half-sent batch behind. The thread publishes what this process just
 * wrote as soon as the store confirms it ({@link OutboxWrites}); at start and every
 * {@code scanInterval} it also scans every outbox for what it did not notice.
 */
class OutboxRelaySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelaySchedule.class);

    private final OutboxRelay relay;
    private final OutboxWrites writes;
    private final Duration pollInterval;
    private final Duration scanInterval;
    private volatile boolean running;
    private Thread thread;

    OutboxRelaySchedule(OutboxRelay relay, OutboxWrites writes, Duration pollInterval, Duration scanInterval) {
        this.relay = relay;
        this.writes = writes;
        this.pollInterval = pollInterval;
        this.scanInterval = scanInterval;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::relayUntilStopped, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    private void relayUntilStopped() {
        long lastScan = System.nanoTime() - scanInterval.toNanos();
        while (running) {
            try {
                List<OutboxWrites.Written> written = writes.await(pollInterval);
                if (!written.isEmpty()) {
                    relay.relayWritten(written);
                }
                if (System.nanoTime() - lastScan >= scanInterval.toNanos()) {
                    relay.relayPending();
                    lastScan = System.nanoTime();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store may be briefly unavailable; the events stay pending and the next scan retries.
                log.warn("Outbox relay round failed: {}", e.toString());
                lastScan = System.nanoTime() - scanInterval.toNanos() + pollInterval.toNanos();
            }
        }
    }

    @Override
    public void stop() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
        }
        if (stopping != null) {
            try {
                // Let a batch being sent finish; the wait for new writes ends within one poll interval.
                stopping.join(pollInterval.toMillis() + 30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return thread != null;
    }

    @Override
    public int getPhase() {
        // Bindings start at Integer.MAX_VALUE - 1000 or so; start after them, stop before them.
        return Integer.MAX_VALUE - 100;
    }
}
