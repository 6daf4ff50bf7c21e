package dk.earlyhelp.gateway.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (a user, a client or an address): each holds up to {@code burst} tokens
 * and gains {@code rate} a second; a request takes one or is refused with the wait for the next.
 * Memory stays bounded: a bucket that has filled up again is the same as none and is dropped, and
 * past {@code maxKeys} new keys share one bucket until then, so a flood of fresh keys cannot grow the map.
 */
final class TokenBuckets {

    /** The answer to one request; {@code firstRefusal} marks the start of a refused stretch, worth one log line. */
    record Verdict(boolean allowed, long retryAfterSeconds, boolean firstRefusal) {

        static final Verdict ALLOWED = new Verdict(true, 0, false);
    }

    private final double ratePerSecond;
    private final double burst;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final long sweepEveryNanos;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket shared;
    private final AtomicLong nextSweep;

    TokenBuckets(double ratePerSecond, int burst, int maxKeys, LongSupplier nanoTime) {
        if (ratePerSecond <= 0 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("A rate limit needs a positive rate, a burst of at least 1 and room for a key");
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
        // An idle bucket is full again after burst / rate seconds; sweeping more often finds nothing new.
        this.sweepEveryNanos = Math.max(TimeUnit.SECONDS.toNanos(1), (long) (burst / ratePerSecond * 1e9));
        long now = nanoTime.getAsLong();
        this.shared = new Bucket(now);
        this.nextSweep = new AtomicLong(now + sweepEveryNanos);
    }

    Verdict take(String key) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = buckets.size() < maxKeys ? buckets.computeIfAbsent(key, k -> new Bucket(now)) : shared;
        }
        return bucket.take(now);
    }

    /** How many keys are tracked now. */
    int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due >= 0 && nextSweep.compareAndSet(due, now + sweepEveryNanos)) {
            buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now));
        }
    }

    private final class Bucket {

        private double tokens = burst;
        private long updated;
        private boolean refusing;

        Bucket(long now) {
            this.updated = now;
        }

        synchronized Verdict take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                refusing = false;
                return Verdict.ALLOWED;
            }
            boolean first = !refusing;
            refusing = true;
            long wait = (long) Math.ceil((1 - tokens) / ratePerSecond);
            return new Verdict(false, Math.max(1, wait), first);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * ratePerSecond);
            updated = now;
        }
    }
}
