package dk.earlyhelp.platform.deadletter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Dead letters of services that consume events: an administrators' API, a gauge
 * ({@code earlyhelp.dead.letters}) and a health component that shows how many wait.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.consumer.KafkaConsumer")
@ConditionalOnProperty(name = "earlyhelp.dead-letters.path")
@EnableConfigurationProperties(DeadLetterProperties.class)
@Import(DeadLetterController.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetters deadLetters(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            DeadLetterProperties properties, MeterRegistry meters) {
        DeadLetters deadLetters = new DeadLetters(brokers, properties);
        Gauge.builder("earlyhelp.dead.letters", deadLetters, DeadLetters::count)
                .description("Messages consumers gave up on, waiting on the dead-letter topics")
                .register(meters);
        return deadLetters;
    }

    /** UP with the count: dead letters need an administrator, but the service still works. */
    @Bean
    HealthIndicator deadLettersHealthIndicator(DeadLetters deadLetters) {
        return () -> {
            try {
                return Health.up().withDetail("waiting", deadLetters.count()).build();
            } catch (RuntimeException e) {
                return Health.unknown().withDetail("error", "broker unreachable").build();
            }
        };
    }
}
