package dk.earlyhelp.consent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Owns the consent ledger: custody holders' scoped consents, their personal links, withdrawals and
 * the decisions every other service asks for before sharing.
 */
@SpringBootApplication
@EnableScheduling
public class ConsentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsentServiceApplication.class, args);
    }
}
