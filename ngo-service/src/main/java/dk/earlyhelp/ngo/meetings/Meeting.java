package dk.earlyhelp.ngo.meetings;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One meeting of a volunteer with a matched child, as the volunteer logged it: one insert, so
 * logging is a single-document write. The note stays with the NGO and is erased when the consent
 * the child's details were shared under ends.
 *
 * @param minutes  how long they met
 * @param note     the volunteer's own words; null if none, or once erased
 * @param loggedBy the subject of the volunteer's user account
 */
@Document("meetings")
@CompoundIndex(name = "referral_held", def = "{'referralId': 1, 'heldOn': -1}")
public record Meeting(@Id String id, String ngoCode, String referralId, String volunteerId, LocalDate heldOn,
                      int minutes, String note, Instant loggedAt, String loggedBy) {
}
