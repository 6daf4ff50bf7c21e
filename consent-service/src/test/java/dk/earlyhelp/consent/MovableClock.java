package dk.earlyhelp.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application's clock in tests that import {@link Config}: real time, which a test may move
 * forward to let links expire, consents end and deadlines pass; reset it after each test.
 */
public final class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
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
