package dk.earlyhelp.consent.registration;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A child the NGO registered without a municipal referral, as {@code ngo.referral-received.v1} said:
 * codes and the NGO's pseudonym of the child, nothing about the child.
 *
 * @param referralId       the NGO's inbox id of the child
 * @param municipalityCode the partnership's municipality, the controller of the child's consent
 * @param source           PARENT_CONTACT or NGO_OUTREACH
 */
@Document("registeredChildren")
public record RegisteredChild(@Id String referralId, @Indexed String childId, String ngoCode, String interventionCode,
                              String municipalityCode, String source, Instant registeredAt) {
}
