package dk.earlyhelp.measurement.response;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One child's answers for one enrolment at one occasion. Corrections are new responses; the
 * latest by {@code answeredAt}, then by {@code received} order, counts (METRICS.md §1), and the
 * earlier ones stay for audit.
 *
 * @param partnership  intervention and municipality, e.g. {@code POWERKIDS-0751}
 * @param enrolmentRef the source's own reference of the enrolment, kept as given
 * @param received     a number that grows with the order responses arrived in
 * @param answers      item code to answer (1..4), null for unanswered
 * @param childId      the child's pseudonym when the answers were collected under a consent in this
 *                     system; then they count only while a consent permits EVALUATION_STATISTICS and are
 *                     erased when it ends. Null for imported historical answers, which the source vouches for
 * @param ageBand      the child's age band at intake (e.g. {@code 10-12}) for enrolments in this system; null
 *                     for imported ones, which say neither age nor gender
 * @param gender       GIRL, BOY or OTHER for enrolments in this system; null for imported ones
 */
@Document("responses")
public record Response(@Id String id, String partnership, String enrolmentRef, String childRef,
                       String intervention, String municipality, Occasion occasion, LocalDate answeredAt,
                       long received, Map<String, Integer> answers, @Indexed String childId,
                       String ageBand, String gender) {
}
