package dk.earlyhelp.platform.topics;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Provisions the AsyncAPI file's topics in every service with a Kafka binder, once its beans exist
 * and before its bindings start. A broker that is not reachable yet does not stop the service:
 * provisioning goes on in the background until it succeeds. Off with {@code earlyhelp.topics.provision=false}
 * where topics are managed outside (for example by infrastructure code).
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.apache.kafka.clients.admin.Admin")
@ConditionalOnProperty(name = "earlyhelp.topics.provision", havingValue = "true", matchIfMissing = true)
public class TopicProvisioningAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioningAutoConfiguration.class);

    @Bean
    SmartInitializingSingleton topicProvisioningAtStart(
            @Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
            @Value("${earlyhelp.topics.timeout:PT10S}") Duration timeout,
            @Value("${earlyhelp.topics.retry-every:PT10S}") Duration retryEvery) {
        TopicProvisioning provisioning = new TopicProvisioning(brokers, timeout);
        List<DeclaredTopic> topics = AsyncApiTopics.fromClasspath();
        return () -> {
            if (!provisionOnce(provisioning, topics)) {
                Thread retrying = new Thread(() -> {
                    try {
                        do {
                            Thread.sleep(retryEvery.toMillis());
                        } while (!provisionOnce(provisioning, topics));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "topic-provisioning");
                retrying.setDaemon(true);
                retrying.start();
            }
        };
    }

    private static boolean provisionOnce(TopicProvisioning provisioning, List<DeclaredTopic> topics) {
        try {
            TopicProvisioning.Outcome outcome = provisioning.provision(topics);
            log.info("Topics as asyncapi.yaml declares them: {} created {}, reconfigured {}", topics.size(),
                    outcome.created(), outcome.reconfigured());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (Exception e) {
            log.warn("Could not provision the topics yet ({}); trying again in the background", e.toString());
            return false;
        }
    }
}
