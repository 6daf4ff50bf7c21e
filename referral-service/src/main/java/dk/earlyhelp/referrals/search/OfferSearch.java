package dk.earlyhelp.referrals.search;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;
import dk.earlyhelp.referrals.eligibility.ChildFacts;
import dk.earlyhelp.referrals.eligibility.CriterionResult;
import dk.earlyhelp.referrals.eligibility.Eligibility;
import dk.earlyhelp.referrals.eligibility.EligibilityRules;
import dk.earlyhelp.referrals.offer.Availability;
import dk.earlyhelp.referrals.offer.Offer;
import dk.earlyhelp.referrals.offer.OfferCatalogue;

/** Searches the offers of the caller's municipality and checks a child against one of them. */
@Service
public class OfferSearch {

    /**
     * "Help me choose": offers the child fits come first, then those needing an override, excluded
     * ones last; within that, more shared concerns, fewer open questions, an earlier start.
     */
    static final Comparator<OfferMatch> BEST_FIRST = Comparator
            .comparing((OfferMatch match) -> match.eligibility().verdict())
            .thenComparing(match -> -count(match, CriterionResult.Outcome.PASS))
            .thenComparing(match -> count(match, CriterionResult.Outcome.UNKNOWN))
            .thenComparing(OfferSearch::expectedStart, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(match -> match.offer().name());

    private final OfferCatalogue catalogue;

    OfferSearch(OfferCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The offers of the caller's municipality, of one intervention type if given, best first.
     * The child's municipality is the caller's.
     */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public List<OfferMatch> search(Caller caller, ChildFacts child, String type) {
        ChildFacts local = inMunicipality(caller, child);
        return catalogue.availableIn(caller.organisation()).stream()
                .filter(offer -> type == null || offer.types().contains(type))
                .map(offer -> new OfferMatch(offer, EligibilityRules.check(offer.targetGroup(), local)))
                .sorted(BEST_FIRST)
                .toList();
    }

    /** The child checked against one offer of the caller's municipality. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public OfferMatch check(Caller caller, String interventionCode, ChildFacts child) {
        Offer offer = offerFor(caller, interventionCode);
        return new OfferMatch(offer, EligibilityRules.check(offer.targetGroup(), inMunicipality(caller, child)));
    }

    /** The offer, if the caller's municipality may refer to it; otherwise a 400 on {@code interventionCode}. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Offer offerFor(Caller caller, String interventionCode) {
        return catalogue.find(interventionCode, caller.organisation())
                .orElseThrow(() -> ProblemException.invalidField("interventionCode",
                        "is not an offer your municipality can refer to"));
    }

    private static ChildFacts inMunicipality(Caller caller, ChildFacts child) {
        return new ChildFacts(child.age(), child.gender(), caller.organisation(), child.concerns(),
                child.specialSupportMeasure());
    }

    private static long count(OfferMatch match, CriterionResult.Outcome outcome) {
        return match.eligibility().criteria().stream().filter(result -> result.outcome() == outcome).count();
    }

    private static LocalDate expectedStart(OfferMatch match) {
        Availability availability = match.offer().availability();
        return availability == null ? null : availability.expectedStart();
    }
}
