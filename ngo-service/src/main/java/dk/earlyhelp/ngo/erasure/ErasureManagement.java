package dk.earlyhelp.ngo.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.groups.GroupManagement;
import dk.earlyhelp.ngo.inbox.InboxManagement;
import dk.earlyhelp.ngo.inbox.InboxReferral;
import dk.earlyhelp.ngo.meetings.MeetingManagement;

/**
 * Use case of CONSENT.md rule 5 on the NGO side: when a consent that was active ends, the referrals
 * of that child to the NGOs it named are made anonymous, their seats keep only the referral, the
 * volunteers' meeting notes about the child go, and {@link ErasureConfirmed} tells the consent
 * service. The store has no transactions, so the erasure writes come first and the confirmation
 * last, in one insert keyed by the consent event: a delivery interrupted in between is delivered
 * again and finishes, and a repeat confirms nothing.
 */
@Service
public class ErasureManagement {

    private static final Logger log = LoggerFactory.getLogger(ErasureManagement.class);

    private final MongoTemplate mongo;
    private final InboxManagement inbox;
    private final GroupManagement groups;
    private final MeetingManagement meetings;
    private final Clock clock;

    ErasureManagement(MongoTemplate mongo, InboxManagement inbox, GroupManagement groups, MeetingManagement meetings,
            Clock clock) {
        this.mongo = mongo;
        this.inbox = inbox;
        this.groups = groups;
        this.meetings = meetings;
        this.clock = clock;
    }

    /**
     * Erases what the grantees hold about the child under a consent that ended, and records the
     * confirmation, also when nothing was held.
     *
     * @return whether this call confirmed the event (false for a repeat)
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public boolean consentEnded(String eventId, EndedConsent consent) {
        List<InboxReferral> erased = inbox.anonymise(eventId, consent.childId(), consent.grantees(),
                consent.endedAt());
        List<String> ngoCodes = erased.stream().map(InboxReferral::ngoCode).distinct().sorted().toList();
        // Only where a referral was shared under the consent: a child the NGO registered keeps its seat.
        groups.anonymiseSeats(consent.childId(), ngoCodes);
        meetings.eraseNotes(erased.stream().map(InboxReferral::referralId).toList());
        Instant now = clock.instant();
        ErasureConfirmed confirmed = new ErasureConfirmed(consent.consentId(), consent.childId(), ngoCodes,
                erased.size(), now);
        try {
            mongo.insert(new Erasure(eventId, consent.consentId(), ngoCodes, erased.size(), now,
                    List.of(confirmed.toPendingEvent())));
        } catch (DuplicateKeyException alreadyConfirmed) {
            return false;
        }
        log.info("Consent {} ended: {} referrals made anonymous at {}", consent.consentId(), erased.size(), ngoCodes);
        return true;
    }

    /**
     * A consent that was active and ended, withdrawn or expired, as the consent service announced it.
     *
     * @param grantees the NGOs it named
     * @param endedAt  when it ended
     */
    public record EndedConsent(String consentId, String childId, List<String> grantees, Instant endedAt) {

        public EndedConsent {
            Objects.requireNonNull(consentId, "consentId");
            Objects.requireNonNull(childId, "childId");
            grantees = grantees == null ? List.of() : List.copyOf(grantees);
            Objects.requireNonNull(endedAt, "endedAt");
        }
    }
}
