package dk.earlyhelp.measurement.outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.Intervention;
import dk.earlyhelp.measurement.consent.EvaluationConsents;
import dk.earlyhelp.measurement.fidelity.FidelityManagement;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Outcome figures for the partnerships the caller may see, over the enrolments that match the
 * filters of METRICS.md §2. Steering groups and integration clients see aggregates only, so small
 * cells are suppressed for them.
 */
@Service
public class OutcomeManagement {

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final OutcomeProjection projection;
    private final Catalogue catalogue;
    private final FidelityManagement fidelities;
    private final EvaluationConsents consents;
    private final Clock clock;
    private final int suppressionThreshold;
    private final Map<String, Double> reliability;

    /**
     * @param reliability per dimension code, the instrument's reliability (e.g. Cronbach's alpha) for
     *                    the reliable change index; dimensions not named use 0.8
     */
    OutcomeManagement(OutcomeProjection projection, Catalogue catalogue, FidelityManagement fidelities,
            EvaluationConsents consents, Clock clock,
            @Value("${earlyhelp.outcomes.suppression-threshold:5}") int suppressionThreshold,
            @Value("#{${earlyhelp.outcomes.reliability:{:}}}") Map<String, Double> reliability) {
        this.reliability = Map.copyOf(reliability);
        this.projection = projection;
        this.catalogue = catalogue;
        this.fidelities = fidelities;
        this.consents = consents;
        this.clock = clock;
        this.suppressionThreshold = suppressionThreshold;
    }

    public OutcomeReport outcomes(Caller caller, Filters filters) {
        filters.check();
        Map<String, Intervention> interventions = catalogue.all();
        List<OutcomeReport.Fidelity> fidelity = fidelities.figures(caller, filters.intervention(), filters.from(),
                filters.to()).stream()
                .filter(figure -> filters.ngo() == null || interventions.containsKey(figure.intervention())
                        && filters.ngo().equals(interventions.get(figure.intervention()).ngoCode()))
                .map(figure -> OutcomeReport.Fidelity.of(figure.intervention(), figure.n(), figure.mean()))
                .toList();
        Predicate<EnrolmentOutcome> matches = scope(caller).and(filters.matching(interventions, fidelity));
        // Answers collected under a consent count only while it permits EVALUATION_STATISTICS (rule 9).
        Set<String> counting = consents.counting(projection.children());
        OutcomeFigures figures = new OutcomeFigures(projection.dimensions(), filters.period(),
                LocalDate.now(clock.withZone(DANISH)));
        Predicate<EnrolmentOutcome> counted = matches.and(enrolment -> enrolment.childId == null
                || counting.contains(enrolment.childId));
        projection.forEach(enrolment -> {
            if (counted.test(enrolment)) {
                figures.add(enrolment);
            }
        });
        if (filters.reliableChange()) {
            figures.classifyByReliableChange(reliability);
            projection.forEach(enrolment -> {
                if (counted.test(enrolment)) {
                    figures.add(enrolment);
                }
            });
        }
        boolean aggregatesOnly = !caller.hasRole("ADMIN") && !caller.hasRole("NGO_COORDINATOR");
        return figures.report(filters.asMap(), suppressionThreshold, aggregatesOnly).withFidelity(fidelity);
    }

    private static Predicate<EnrolmentOutcome> scope(Caller caller) {
        if (caller.hasRole("ADMIN")) {
            return enrolment -> true;
        }
        Set<String> partnerships = caller.partnerships();
        return enrolment -> partnerships.contains(enrolment.partnership);
    }

    /**
     * The filters of METRICS.md §2; null means no filter. Imported history says neither the child's
     * age nor gender, so it is left out when filtering by age band or gender.
     */
    public record Filters(String intervention, String ngo, String municipality, String type, LocalDate from,
                          LocalDate to, String ageBand, String gender, String classification, String fidelity) {

        static final Set<String> TYPES = Set.of("INDIVIDUAL", "GROUP", "FAMILY");
        static final Set<String> AGE_BANDS = Set.of("0-5", "6-9", "10-12", "13-15", "16-18");
        static final Set<String> GENDERS = Set.of("GIRL", "BOY", "OTHER");
        static final Set<String> CLASSIFICATIONS = Set.of("DIFFERENCE", "RELIABLE_CHANGE");
        static final Set<String> FIDELITY_LEVELS = Set.of("HIGH", "PARTIAL", "LOW");

        void check() {
            refuseUnless(type == null || TYPES.contains(type), "type", "must be INDIVIDUAL, GROUP or FAMILY");
            refuseUnless(ageBand == null || AGE_BANDS.contains(ageBand), "ageBand",
                    "must be one of 0-5, 6-9, 10-12, 13-15, 16-18");
            refuseUnless(gender == null || GENDERS.contains(gender), "gender", "must be GIRL, BOY or OTHER");
            refuseUnless(from == null || to == null || !from.isAfter(to), "from", "must not be after to");
            refuseUnless(classification == null || CLASSIFICATIONS.contains(classification), "classification",
                    "must be DIFFERENCE or RELIABLE_CHANGE");
            refuseUnless(fidelity == null || FIDELITY_LEVELS.contains(fidelity), "fidelity",
                    "must be HIGH, PARTIAL or LOW");
        }

        boolean reliableChange() {
            return "RELIABLE_CHANGE".equals(classification);
        }

        private static void refuseUnless(boolean valid, String field, String message) {
            if (!valid) {
                throw ProblemException.invalidField(field, message);
            }
        }

        /**
         * @param fidelity the interventions' fidelity in the period: outcomes split by fidelity level
         *                 keep the interventions at the level asked for
         */
        Predicate<EnrolmentOutcome> matching(Map<String, Intervention> interventions,
                List<OutcomeReport.Fidelity> fidelity) {
            Predicate<EnrolmentOutcome> matching = enrolment -> true;
            if (this.fidelity != null) {
                Set<String> atLevel = fidelity.stream().filter(figure -> this.fidelity.equals(figure.level()))
                        .map(OutcomeReport.Fidelity::intervention).collect(Collectors.toSet());
                matching = matching.and(enrolment -> atLevel.contains(enrolment.intervention));
            }
            if (intervention != null) {
                matching = matching.and(enrolment -> intervention.equals(enrolment.intervention));
            }
            if (municipality != null) {
                matching = matching.and(enrolment -> municipality.equals(enrolment.municipality));
            }
            if (ngo != null) {
                matching = matching.and(enrolment -> interventions.containsKey(enrolment.intervention)
                        && ngo.equals(interventions.get(enrolment.intervention).ngoCode()));
            }
            if (type != null) {
                // An enrolment counts under every type its intervention gives (METRICS.md §1-2).
                matching = matching.and(enrolment -> interventions.containsKey(enrolment.intervention)
                        && interventions.get(enrolment.intervention).types().contains(type));
            }
            if (ageBand != null) {
                matching = matching.and(enrolment -> ageBand.equals(enrolment.ageBand));
            }
            if (gender != null) {
                matching = matching.and(enrolment -> gender.equals(enrolment.gender));
            }
            return matching;
        }

        /** A response belongs to the period by the day it was answered. */
        LongPredicate period() {
            long first = from == null ? Long.MIN_VALUE : from.toEpochDay();
            long last = to == null ? Long.MAX_VALUE : to.toEpochDay();
            return day -> day >= first && day <= last;
        }

        Map<String, String> asMap() {
            Map<String, String> given = new LinkedHashMap<>();
            put(given, "intervention", intervention);
            put(given, "ngo", ngo);
            put(given, "municipality", municipality);
            put(given, "type", type);
            put(given, "from", from == null ? null : from.toString());
            put(given, "to", to == null ? null : to.toString());
            put(given, "ageBand", ageBand);
            put(given, "gender", gender);
            put(given, "classification", classification);
            put(given, "fidelity", fidelity);
            return given;
        }

        private static void put(Map<String, String> given, String name, String value) {
            if (value != null) {
                given.put(name, value);
            }
        }
    }
}
