package dk.earlyhelp.measurement.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.Intervention;
import dk.earlyhelp.measurement.questionnaire.MeasurementFigures;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/** Keeps the referral flows and capacity from events, and computes the operations figures from them. */
@Service
public class ReferralFlows {

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final MongoTemplate mongo;
    private final Catalogue catalogue;
    private final Volunteers volunteers;
    private final MeasurementFigures measurement;
    private final Clock clock;

    ReferralFlows(MongoTemplate mongo, Catalogue catalogue, Volunteers volunteers, MeasurementFigures measurement,
            Clock clock) {
        this.mongo = mongo;
        this.measurement = measurement;
        this.catalogue = catalogue;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('SYSTEM')")
    public void submitted(String referralId, String childId, String intervention, String municipality,
            String referrerRole, Instant at) {
        record(referralId, new Update().set("childId", childId).set("intervention", intervention)
                .set("municipality", municipality).set("referrerRole", referrerRole).min("submittedAt", at));
    }

    /**
     * A child the NGO registered itself, without a municipal referral (parents' own contact, outreach):
     * it enters the flow as a referral would, with its source in place of a referrer's role.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void registeredByNgo(String referralId, String intervention, String municipality, String source,
            Instant at) {
        record(referralId, new Update().set("intervention", intervention).set("municipality", municipality)
                .set("source", source).min("submittedAt", at));
    }

    /** ACCEPTED, WAITLISTED or DECLINED; the first decision of any kind is the NGO's response. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void decided(String referralId, String decision, String reason, String suggestedIntervention, Instant at) {
        Update update = new Update().min("decidedAt", at);
        switch (decision) {
            case "ACCEPTED" -> update.min("acceptedAt", at);
            case "WAITLISTED" -> update.min("waitlistedAt", at);
            case "DECLINED" -> update.min("declinedAt", at).set("declineReason", reason)
                    .set("suggestedIntervention", suggestedIntervention);
            default -> throw new IllegalArgumentException("Unknown decision " + decision);
        }
        record(referralId, update);
    }

    /** MATCHED, STARTED, COMPLETED or DROPPED_OUT. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void progressed(String referralId, String status, LocalDate startedOn, Instant at) {
        Update update = switch (status) {
            case "MATCHED" -> new Update().min("matchedAt", at);
            case "STARTED" -> new Update().min("startedOn", startedOn != null ? startedOn : day(at));
            case "COMPLETED" -> new Update().min("completedAt", at);
            case "DROPPED_OUT" -> new Update().min("droppedOutAt", at);
            default -> throw new IllegalArgumentException("Unknown progress " + status);
        };
        record(referralId, update);
    }

    @PreAuthorize("hasRole('SYSTEM')")
    public void withdrawn(String referralId, Instant at) {
        record(referralId, new Update().min("withdrawnAt", at));
    }

    @PreAuthorize("hasRole('SYSTEM')")
    public void capacityChanged(Capacity capacity) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(capacity.intervention())
                .orOperator(Criteria.where("asOf").exists(false), Criteria.where("asOf").lt(capacity.asOf())));
        try {
            mongo.upsert(olderOrMissing, new Update().set("places", capacity.places())
                    .set("occupied", capacity.occupied()).set("waiting", capacity.waiting())
                    .set("freePlaces", capacity.freePlaces()).set("expectedStart", capacity.expectedStart())
                    .set("asOf", capacity.asOf()), Capacity.class);
        } catch (DuplicateKeyException newerIsStored) {
            // an older figure arrived late; the newer one stays
        }
    }

    private void record(String referralId, Update update) {
        mongo.upsert(Query.query(Criteria.where("_id").is(referralId)), update, ReferralFlow.class);
    }

    /** The figures over the referrals submitted in the period to the caller's partnerships. */
    @PreAuthorize("hasAnyRole('STEERING_GROUP', 'NGO_COORDINATOR', 'ADMIN')")
    public OperationsReport figures(Caller caller, String intervention, String municipality, LocalDate from,
            LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        Criteria criteria = Criteria.where("submittedAt").ne(null);
        if (intervention != null) {
            criteria = criteria.and("intervention").is(intervention);
        }
        if (municipality != null) {
            criteria = criteria.and("municipality").is(municipality);
        }
        boolean everything = caller.hasRole("ADMIN");
        Set<String> partnerships = caller.partnerships();
        List<ReferralFlow> flows = mongo.find(Query.query(criteria), ReferralFlow.class).stream()
                .filter(flow -> everything || partnerships.contains(flow.partnership()))
                .filter(flow -> from == null || !day(flow.submittedAt()).isBefore(from))
                .filter(flow -> to == null || !day(flow.submittedAt()).isAfter(to))
                .toList();
        Map<String, String> filters = new LinkedHashMap<>();
        putIf(filters, "intervention", intervention);
        putIf(filters, "municipality", municipality);
        putIf(filters, "from", from == null ? null : from.toString());
        putIf(filters, "to", to == null ? null : to.toString());
        return new OperationsReport(filters, flows.size(), funnel(flows), byStatus(flows),
                OperationsReport.Durations.of(days(flows, ReferralFlow::submittedAt, ReferralFlow::decidedAt)),
                OperationsReport.Durations.of(waitingDays(flows)), declines(flows),
                count(flows.stream().map(ReferralFlow::origin).toList()),
                capacity(everything, partnerships, intervention),
                volunteers.figures(ngos(everything, partnerships, intervention), intervention, clock.instant()),
                measurement.backgroundShares(partnership(everything, partnerships, municipality), intervention),
                measurement.completeness(partnership(everything, partnerships, municipality), intervention));
    }

    private static List<OperationsReport.Step> funnel(List<ReferralFlow> flows) {
        List<OperationsReport.Step> steps = new ArrayList<>();
        long submitted = flows.size();
        steps.add(new OperationsReport.Step("SUBMITTED", submitted, null));
        long decided = flows.stream().filter(flow -> flow.decidedAt() != null).count();
        steps.add(new OperationsReport.Step("DECIDED", decided, share(decided, submitted)));
        long accepted = flows.stream().filter(flow -> flow.acceptedAt() != null).count();
        steps.add(new OperationsReport.Step("ACCEPTED", accepted, share(accepted, decided)));
        long started = flows.stream().filter(flow -> flow.startedOn() != null).count();
        steps.add(new OperationsReport.Step("STARTED", started, share(started, accepted)));
        long completed = flows.stream().filter(flow -> flow.completedAt() != null).count();
        steps.add(new OperationsReport.Step("COMPLETED", completed, share(completed, started)));
        return steps;
    }

    private static Map<String, Long> byStatus(List<ReferralFlow> flows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : List.of("SUBMITTED", "WAITLISTED", "ACCEPTED", "DECLINED", "MATCHED", "STARTED",
                "COMPLETED", "DROPPED_OUT", "WITHDRAWN")) {
            counts.put(status, flows.stream().filter(flow -> flow.status().equals(status)).count());
        }
        return counts;
    }

    private static List<Long> days(List<ReferralFlow> flows, java.util.function.Function<ReferralFlow, Instant> start,
            java.util.function.Function<ReferralFlow, Instant> end) {
        return flows.stream().filter(flow -> start.apply(flow) != null && end.apply(flow) != null)
                .map(flow -> ChronoUnit.DAYS.between(day(start.apply(flow)), day(end.apply(flow))))
                .toList();
    }

    /** From ACCEPTED to STARTED; a child started on the day of acceptance waited 0 days. */
    private static List<Long> waitingDays(List<ReferralFlow> flows) {
        return flows.stream().filter(flow -> flow.acceptedAt() != null && flow.startedOn() != null)
                .map(flow -> Math.max(0, ChronoUnit.DAYS.between(day(flow.acceptedAt()), flow.startedOn())))
                .toList();
    }

    /**
     * Decline reasons, the NGOs' suggested offers, and where declined children were in fact
     * referred next: the first later referral of the same child to another intervention.
     */
    private OperationsReport.Declines declines(List<ReferralFlow> flows) {
        List<ReferralFlow> declined = flows.stream().filter(flow -> flow.declinedAt() != null).toList();
        Map<String, List<ReferralFlow>> laterByChild = mongo.find(Query.query(Criteria.where("childId")
                .in(declined.stream().map(ReferralFlow::childId).filter(id -> id != null).distinct().toList())
                .and("submittedAt").ne(null)), ReferralFlow.class).stream()
                .collect(Collectors.groupingBy(ReferralFlow::childId));
        List<String> bridgedTo = new ArrayList<>();
        for (ReferralFlow flow : declined) {
            laterByChild.getOrDefault(flow.childId(), List.of()).stream()
                    .filter(next -> next.submittedAt().isAfter(flow.declinedAt())
                            && !next.intervention().equals(flow.intervention()))
                    .min(Comparator.comparing(ReferralFlow::submittedAt))
                    .ifPresent(next -> bridgedTo.add(next.intervention()));
        }
        return new OperationsReport.Declines(declined.size(),
                count(declined.stream().map(ReferralFlow::declineReason).toList()),
                count(declined.stream().map(ReferralFlow::suggestedIntervention).filter(code -> code != null).toList()),
                count(bridgedTo));
    }

    private static Predicate<String> partnership(boolean everything, Set<String> partnerships, String municipality) {
        Predicate<String> visible = everything ? code -> true : partnerships::contains;
        return municipality == null ? visible : visible.and(code -> code.endsWith("-" + municipality));
    }

    /** The NGOs delivering the interventions of the caller's partnerships. */
    private Set<String> ngos(boolean everything, Set<String> partnerships, String intervention) {
        return catalogue.all().values().stream()
                .filter(known -> everything || known.municipalities().stream()
                        .anyMatch(municipality -> partnerships.contains(known.code() + "-" + municipality)))
                .filter(known -> intervention == null || intervention.equals(known.code()))
                .map(Intervention::ngoCode)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private List<OperationsReport.InterventionCapacity> capacity(boolean everything, Set<String> partnerships,
            String intervention) {
        Set<String> interventions = partnerships.stream().map(code -> code.substring(0, code.lastIndexOf('-')))
                .collect(Collectors.toSet());
        LocalDate today = LocalDate.now(clock.withZone(DANISH));
        return mongo.findAll(Capacity.class).stream()
                .filter(capacity -> everything || interventions.contains(capacity.intervention()))
                .filter(capacity -> intervention == null || intervention.equals(capacity.intervention()))
                .sorted(Comparator.comparing(Capacity::intervention))
                .map(capacity -> new OperationsReport.InterventionCapacity(capacity.intervention(), capacity.places(),
                        capacity.occupied(), capacity.waiting(), capacity.freePlaces(),
                        capacity.places() == 0 ? null : (double) capacity.occupied() / capacity.places(),
                        capacity.expectedStart(), capacity.expectedStart() == null ? null
                                : Math.max(0, ChronoUnit.DAYS.between(today, capacity.expectedStart()))))
                .toList();
    }

    private static Map<String, Long> count(List<String> values) {
        return values.stream().map(value -> value == null ? "UNKNOWN" : value)
                .collect(Collectors.groupingBy(value -> value, TreeMap::new, Collectors.counting()));
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(DANISH).toLocalDate();
    }

    private static void putIf(Map<String, String> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
