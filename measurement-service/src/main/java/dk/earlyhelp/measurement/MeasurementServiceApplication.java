package dk.earlyhelp.measurement;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Will own questionnaires, the safety rule and the outcome and operations figures of METRICS.md.
 * This foundation has its infrastructure only.
 */
@SpringBootApplication
public class MeasurementServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeasurementServiceApplication.class, args);
    }
}
