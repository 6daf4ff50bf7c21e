package dk.earlyhelp.ngo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's clock in tests that import {@link Config}: real time, which a test may move
 * forward to let days pass without contact; reset it after each test. A view in another zone moves
 * with it, so "today in Denmark" moves too.
 */
public final class MovableClock extends Clock {

    private final Offset offset;
    private final ZoneId zone;

    public MovableClock() {
        this(new Offset(), ZoneOffset.UTC);
    }

    private MovableClock(Offset offset, ZoneId zone) {
        this.offset = offset;
        this.zone = zone;
    }

    public void advance(Duration by) {
        offset.value = offset.value.plus(by);
    }

    public void reset() {
        offset.value = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.value);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new MovableClock(offset, newZone);
    }

    private static final class Offset {
        private volatile Duration value = Duration.ZERO;
    }

    /** Replaces the platform's clock; the same import in several test classes shares one context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        MovableClock clock() {
            return new MovableClock();
        }
    }
}
