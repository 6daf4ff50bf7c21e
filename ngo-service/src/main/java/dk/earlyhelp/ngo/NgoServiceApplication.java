package dk.earlyhelp.ngo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns the catalogue of interventions and everything on the NGO side: inbox, capacity, matching. */
@SpringBootApplication
public class NgoServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NgoServiceApplication.class, args);
    }
}
