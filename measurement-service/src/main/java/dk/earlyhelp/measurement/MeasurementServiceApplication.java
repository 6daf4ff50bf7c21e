package dk.earlyhelp.measurement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Owns the questionnaire, the answers and the outcome figures of METRICS.md. Scheduling runs the
 * check of the outcome read model against the store.
 */
@SpringBootApplication
@EnableScheduling
public class MeasurementServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeasurementServiceApplication.class, args);
    }
}
