package dk.earlyhelp.platform.outbox;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import dk.earlyhelp.platform.health.MongoPingHealthIndicator;
import dk.earlyhelp.platform.health.StoreUnavailableAdvice;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the outbox relay, the store health check, the store's time-outs and its 503 answer into every
 * service that has a store and a broker.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.cloud.stream.function.FunctionConfiguration",
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration" },
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@ConditionalOnClass({ MongoTemplate.class, StreamBridge.class })
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    /**
     * How long an operation waits for an unreachable store before it fails (the driver's default is
     * 30 s): requests then answer 503 at once instead of hanging, and health turns DOWN.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer storeTimeouts(@Value("${earlyhelp.store.timeout:3s}") Duration timeout) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    @ConditionalOnWebApplication
    StoreUnavailableAdvice storeUnavailableAdvice() {
        return new StoreUnavailableAdvice();
    }

    @Bean(name = "mongoHealthIndicator")
    @ConditionalOnBean(MongoTemplate.class)
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnBean({ MongoTemplate.class, StreamBridge.class })
    OutboxRelay outboxRelay(MongoTemplate mongo, StreamBridge streamBridge, JsonMapper json,
            OutboxProperties properties, MeterRegistry meters, ObjectProvider<OutboxTracing> tracing) {
        OutboxRelay relay = new OutboxRelay(mongo, streamBridge, json, properties, tracing.getIfAvailable());
        Gauge.builder("earlyhelp.outbox.pending", relay, OutboxRelay::pendingCount)
                .description("Aggregates with events stored but not yet acknowledged by the broker")
                .register(meters);
        return relay;
    }

    @Bean
    @ConditionalOnBean({ Tracer.class, Propagator.class })
    OutboxTracing outboxTracing(Tracer tracer, Propagator propagator) {
        return new OutboxTracing(tracer, propagator);
    }

    @Bean
    OutboxWrites outboxWrites(OutboxProperties properties) {
        return new OutboxWrites(properties.outboxes().stream().map(OutboxProperties.Outbox::collection)
                .collect(Collectors.toSet()));
    }

    /** The relay hears of this process's outbox writes from the driver (see {@link OutboxWrites}). */
    @Bean
    MongoClientSettingsBuilderCustomizer outboxWritesListener(OutboxWrites writes) {
        return settings -> settings.addCommandListener(writes);
    }

    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    SmartLifecycle outboxRelaySchedule(OutboxRelay relay, OutboxWrites writes, OutboxProperties properties) {
        return new OutboxRelaySchedule(relay, writes, properties.pollInterval(), properties.scanInterval());
    }
}
