package dk.earlyhelp.referrals.notification;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One piece of news for one referrer.
 *
 * @param id        the id of the event it was made from and the recipient, so a redelivered event
 *                  makes no second one
 * @param recipient the referrer's user id; null for a follower, who is known by e-mail
 * @param recipientEmail the recipient's e-mail address (a follower's identity)
 * @param readAt    null while unread
 * @param mail      the e-mail about it; null when the referrer has no address or mail is off
 */
@Document("notifications")
@CompoundIndex(name = "recipient_created", def = "{'recipient': 1, 'createdAt': -1}")
@CompoundIndex(name = "email_created", def = "{'recipientEmail': 1, 'createdAt': -1}")
public record Notification(@Id String id, String recipient, String recipientEmail, String municipalityCode,
                           String referralId,
                           String interventionCode, String status, String reason, LocalDate expectedStart,
                           Instant createdAt, Instant readAt, Mail mail) {

    /**
     * @param attempts  failed sending attempts so far
     * @param lastError the kind of the last failure, never the address or the text
     */
    public record Mail(String to, Instant sentAt, int attempts, String lastError) {
    }
}
