package dk.earlyhelp.measurement.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One child's course in one intervention. The two topics it is built from keep no order between
 * them, so every field is set on its own and the enrolment counts once it has both its referral
 * and its start.
 *
 * @param id           the referral id
 * @param childId      the child's pseudonym, never a name or CPR number
 * @param ageBand      the child's age band at referral ({@code 0-5}, {@code 6-9}, {@code 10-12}, {@code 13-15}, {@code 16-18})
 * @param gender       GIRL, BOY or OTHER
 * @param startedOn    the day the course started; null until it has
 * @param endedOn      the day it completed or the child dropped out; null while it runs
 * @param endStatus    COMPLETED or DROPPED_OUT once ended
 * @param deliveredBy  who delivers the course (the mentor, or the group's leaders) as the newest news of
 *                     the NGO says; null until it has said
 * @param deliveredAsOf when the NGO's step that named {@code deliveredBy} happened; an older step changes nothing
 */
@Document("enrolments")
@CompoundIndex(name = "delivered_by", def = "{'deliveredBy.subjectPseudonym': 1}")
public record Enrolment(@Id String id, @Indexed String childId, String ageBand, String gender,
                        String municipality, @Indexed String intervention, LocalDate startedOn, LocalDate endedOn,
                        String endStatus, List<Deliverer> deliveredBy, Instant deliveredAsOf) {

    /**
     * One of the people who deliver the course, as ngo-service names them: its id of the person and the
     * pseudonym of the account they sign in with ({@code SubjectPseudonym}); null while they have no login.
     */
    public record Deliverer(String volunteerId, String subjectPseudonym) {
    }

    /** Whether the person who signs in with this subject pseudonym delivers the course now. */
    public boolean isDeliveredBy(String subjectPseudonym) {
        return subjectPseudonym != null && deliveredBy != null
                && deliveredBy.stream().anyMatch(deliverer -> subjectPseudonym.equals(deliverer.subjectPseudonym()));
    }

    /** Whether both the referral and the start are known: only then are questionnaires due. */
    public boolean started() {
        return intervention != null && startedOn != null;
    }

    public boolean ended() {
        return endedOn != null;
    }

    /** The partnership code, {@code INTERVENTION-MUNICIPALITY}. */
    public String partnership() {
        return intervention + "-" + municipality;
    }
}
