package dk.earlyhelp.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketsTests {

    final AtomicLong now = new AtomicLong();

    @Test
    void letsABurstThroughThenRefusesWithTheWaitForTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 100, now::get);

        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a").allowed()).isTrue();
        }
        TokenBuckets.Verdict refused = buckets.take("a");
        TokenBuckets.Verdict again = buckets.take("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.firstRefusal()).isTrue();
        assertThat(again.firstRefusal()).as("one log line per refused stretch").isFalse();
        advance(500);
        assertThat(buckets.take("a").allowed()).as("half a second gives one token at 2/s").isTrue();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, now::get);

        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
        assertThat(buckets.take("b").allowed()).isTrue();
    }

    @Test
    void aSlowRateAsksForALongerWait() {
        TokenBuckets buckets = new TokenBuckets(0.05, 1, 100, now::get);
        buckets.take("a");

        assertThat(buckets.take("a").retryAfterSeconds()).isEqualTo(20);
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfCallers() {
        TokenBuckets buckets = new TokenBuckets(1, 2, 3, now::get);

        for (int i = 0; i < 1000; i++) {
            buckets.take("caller-" + i);
        }

        assertThat(buckets.size()).isEqualTo(3);
        assertThat(buckets.take("caller-999").allowed()).as("the overflow shares one bucket, used up").isFalse();
        assertThat(buckets.take("caller-0").allowed()).as("tracked callers keep their own").isTrue();
    }

    @Test
    void idleCallersAreForgotten() {
        TokenBuckets buckets = new TokenBuckets(1, 2, 3, now::get);
        buckets.take("a");
        buckets.take("b");

        advance(2_000);
        buckets.take("c");

        assertThat(buckets.size()).as("a and b have filled up again: the same as new").isEqualTo(1);
    }

    private void advance(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
