package dk.earlyhelp.measurement.enrolment;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
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
 */
@Document("enrolments")
public record Enrolment(@Id String id, @Indexed String childId, String ageBand, String gender,
                        String municipality, @Indexed String intervention, LocalDate startedOn, LocalDate endedOn,
                        String endStatus) {

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
