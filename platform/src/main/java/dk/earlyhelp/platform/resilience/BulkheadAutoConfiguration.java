package dk.earlyhelp.platform.resilience;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadProvider;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.ThreadPoolBulkheadConfig;

/**
 * The bulkhead around every call through Spring Cloud CircuitBreaker (the gateway's routes, a
 * service asking another): at most {@code earlyhelp.bulkhead.max-concurrent-calls} calls to one
 * service at once, {@code earlyhelp.bulkhead.queue} more waiting, and the rest refused at once
 * (the caller answers 503 or decides safely), so one slow service cannot take every thread.
 * Spring Cloud's default sizes the pool by CPU cores (one or two threads on two cores, a queue of
 * 100), which suits computation, not calls that wait on the network: it queued every API request
 * behind one thread and refused what did not fit (found by the pipeline benchmark, bench module).
 */
@AutoConfiguration
@ConditionalOnClass({Resilience4jBulkheadProvider.class, ThreadPoolBulkheadConfig.class})
public class BulkheadAutoConfiguration {

    @Bean
    Customizer<Resilience4jBulkheadProvider> callBulkheads(
            @Value("${earlyhelp.bulkhead.max-concurrent-calls:64}") int maxConcurrentCalls,
            @Value("${earlyhelp.bulkhead.queue:64}") int queue) {
        // Core and maximum alike: a thread pool only grows beyond its core once its queue is full.
        return provider -> provider.configureDefault(id -> new Resilience4jBulkheadConfigurationBuilder()
                .threadPoolBulkheadConfig(ThreadPoolBulkheadConfig.custom().coreThreadPoolSize(maxConcurrentCalls)
                        .maxThreadPoolSize(maxConcurrentCalls).queueCapacity(queue).build())
                .bulkheadConfig(BulkheadConfig.custom().maxConcurrentCalls(maxConcurrentCalls).build())
                .build());
    }
}
