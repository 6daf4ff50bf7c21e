package dk.earlyhelp.consent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Will own the consent ledger: custody holders' scoped consents, withdrawals and the decisions
 * every other service asks for before sharing. This foundation has its infrastructure only.
 */
@SpringBootApplication
public class ConsentServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsentServiceApplication.class, args);
    }
}
