package dk.earlyhelp.referrals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Owns referrals: municipal staff find an offer, refer a child, follow the referral and withdraw
 * it. Scheduling is on for sending notification e-mails.
 */
@SpringBootApplication
@EnableScheduling
public class ReferralServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralServiceApplication.class, args);
    }
}
