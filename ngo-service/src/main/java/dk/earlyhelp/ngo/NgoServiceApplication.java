package dk.earlyhelp.ngo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Owns the catalogue of interventions and everything on the NGO side: inbox, capacity, matching.
 * Scheduling is on for the daily availability refresh and the no-contact alerts.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NgoServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NgoServiceApplication.class, args);
    }
}
