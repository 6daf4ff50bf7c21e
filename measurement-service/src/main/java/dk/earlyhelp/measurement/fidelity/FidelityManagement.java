package dk.earlyhelp.measurement.fidelity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.platform.security.Caller;

/** Keeps fidelity answers and gives the fidelity figure per intervention (METRICS.md §4). */
@Service
public class FidelityManagement {

    private final MongoTemplate mongo;
    private final Catalogue catalogue;

    FidelityManagement(MongoTemplate mongo, Catalogue catalogue) {
        this.mongo = mongo;
        this.catalogue = catalogue;
    }

    /** Stores one set of answers, already checked; the same id twice stores it once. */
    public void record(String id, String referralId, String intervention, String municipality, LocalDate answeredOn,
            Map<String, Integer> answers) {
        int sum = answers.values().stream().mapToInt(Integer::intValue).sum();
        try {
            mongo.insert(new FidelityAnswers(id, referralId, intervention + "-" + municipality, intervention,
                    municipality, answeredOn, Map.copyOf(answers), answers.size(), sum));
        } catch (DuplicateKeyException alreadyStored) {
            // A repeated submission: stored the first time.
        }
    }

    /**
     * Per intervention: {@code n} item answers and their {@code mean}, over the caller's partnerships
     * (an administrator: all), optionally one intervention and a period of answer days.
     */
    public List<FidelityFigure> figures(Caller caller, String intervention, LocalDate from, LocalDate to) {
        Set<String> partnerships = caller.hasRole("ADMIN") ? new HashSet<>(catalogue.partnerships())
                : caller.partnerships();
        Criteria criteria = Criteria.where("partnership").in(partnerships);
        if (intervention != null) {
            criteria = criteria.and("intervention").is(intervention);
        }
        if (from != null || to != null) {
            Criteria day = criteria.and("answeredOn");
            if (from != null) {
                day.gte(from);
            }
            if (to != null) {
                day.lte(to);
            }
        }
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(criteria),
                Aggregation.group("intervention").sum("count").as("n").sum("sum").as("total"),
                Aggregation.sort(Sort.by("_id")));
        List<FidelityFigure> figures = new ArrayList<>();
        for (org.bson.Document group : mongo.aggregate(aggregation, FidelityAnswers.class, org.bson.Document.class)) {
            int n = ((Number) group.get("n")).intValue();
            double total = ((Number) group.get("total")).doubleValue();
            figures.add(new FidelityFigure(group.getString("_id"), n, n == 0 ? null : total / n));
        }
        return figures;
    }

    /** METRICS.md §4: 4 and above reads as high fidelity, 3 to 4 as partial. */
    public record FidelityFigure(String intervention, int n, Double mean) {
    }
}
