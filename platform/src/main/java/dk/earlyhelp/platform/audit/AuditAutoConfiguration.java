package dk.earlyhelp.platform.audit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.tracing.Tracer;

/** An audit trail in every service that keeps personal data in its store. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration" })
@ConditionalOnClass(MongoTemplate.class)
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    AuditTrail auditTrail(MongoTemplate mongo, ObjectProvider<Tracer> tracer, ObjectProvider<Clock> clock,
            @Value("${spring.application.name:unknown}") String service) {
        return new AuditTrail(mongo, tracer.getIfAvailable(), clock.getIfAvailable(Clock::systemUTC), service);
    }

    /** The administrators' search, under the service's own API prefix ({@code earlyhelp.audit.search-path}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "earlyhelp.audit.search-path")
    @ConditionalOnBean(MongoTemplate.class)
    @Import(AuditSearchController.class)
    static class AuditSearch {
    }
}
