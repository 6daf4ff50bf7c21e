package dk.earlyhelp.measurement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Owns the questionnaires (when they are due, answering them), the safety rule and the outcome and
 * operations figures of METRICS.md. Scheduling runs reminders, escalations and the check of the
 * outcome read model against the store.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class MeasurementServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeasurementServiceApplication.class, args);
    }
}
