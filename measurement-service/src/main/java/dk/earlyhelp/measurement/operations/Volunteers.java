package dk.earlyhelp.measurement.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The volunteer figures of METRICS.md §5 per NGO: active and in onboarding now, left in the last 12
 * months, and turnover = left in 12 months / mean number active over those 12 months. Staff are
 * not volunteers and are left out.
 */
@Service
public class Volunteers {

    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final MongoTemplate mongo;

    Volunteers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A person entered a status; the latest event says their kind and interventions. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void statusChanged(String volunteerId, String ngoCode, String kind, List<String> interventionCodes,
            String status, Instant at) {
        mongo.upsert(Query.query(Criteria.where("_id").is(volunteerId)), new Update().set("ngoCode", ngoCode)
                .set("kind", kind).set("interventionCodes", interventionCodes)
                .addToSet("changes", new VolunteerHistory.Change(status, at)), VolunteerHistory.class);
    }

    /** Per NGO, the people (on the intervention, when given) of the given NGOs, as of now. */
    List<OperationsReport.NgoVolunteers> figures(Collection<String> ngoCodes, String intervention, Instant now) {
        Instant yearAgo = now.atZone(DANISH).minusMonths(12).toInstant();
        Map<String, Tally> byNgo = new TreeMap<>();
        ngoCodes.forEach(ngo -> byNgo.put(ngo, new Tally()));
        for (VolunteerHistory person : mongo.find(Query.query(Criteria.where("ngoCode").in(ngoCodes)
                .and("kind").is("VOLUNTEER")), VolunteerHistory.class)) {
            if (intervention == null || person.interventionCodes().contains(intervention)) {
                byNgo.get(person.ngoCode()).add(person, yearAgo, now);
            }
        }
        double windowDays = Duration.between(yearAgo, now).toMillis() / 86_400_000.0;
        return byNgo.entrySet().stream().map(entry -> entry.getValue().figures(entry.getKey(), windowDays)).toList();
    }

    private static final class Tally {

        int active;
        int onboarding;
        int left;
        double activeDays;

        void add(VolunteerHistory person, Instant from, Instant to) {
            List<VolunteerHistory.Change> changes = person.changes().stream()
                    .sorted(Comparator.comparing(VolunteerHistory.Change::at)).toList();
            String now = changes.get(changes.size() - 1).status();
            active += "ACTIVE".equals(now) ? 1 : 0;
            // Not yet active: vetting (child protection certificate) or training is still missing.
            onboarding += "APPLICANT".equals(now) || "ONBOARDING".equals(now) ? 1 : 0;
            for (int i = 0; i < changes.size(); i++) {
                VolunteerHistory.Change change = changes.get(i);
                if ("LEFT".equals(change.status()) && !change.at().isBefore(from) && !change.at().isAfter(to)) {
                    left++;
                }
                if ("ACTIVE".equals(change.status())) {
                    Instant start = change.at().isBefore(from) ? from : change.at();
                    Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : to;
                    if (end.isAfter(start)) {
                        activeDays += Duration.between(start, end.isAfter(to) ? to : end).toMillis() / 86_400_000.0;
                    }
                }
            }
        }

        OperationsReport.NgoVolunteers figures(String ngo, double windowDays) {
            double meanActive = activeDays / windowDays;
            return new OperationsReport.NgoVolunteers(ngo, active, onboarding, left, meanActive,
                    meanActive == 0 ? null : left / meanActive);
        }
    }
}
