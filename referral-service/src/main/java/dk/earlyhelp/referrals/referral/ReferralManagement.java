package dk.earlyhelp.referrals.referral;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/** Use cases on referrals; the only entry point for the web and messaging adapters. */
@Service
public class ReferralManagement {

    private static final Logger log = LoggerFactory.getLogger(ReferralManagement.class);

    private final ReferralRepository referrals;
    private final Clock clock;

    ReferralManagement(ReferralRepository referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    /** Submits a referral in the caller's municipality; one insert stores it with its event. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral submit(Caller caller, NewReferral request) {
        Child child = new Child(UUID.randomUUID().toString(), request.firstName(), request.lastName(),
                request.birthDate(), request.gender(), request.school(), request.postcode());
        Referrer referrer = new Referrer(caller.subject(), caller.organisation(),
                caller.staffRole() == null ? "UNKNOWN" : caller.staffRole());
        Referral referral = Referral.submit(UUID.randomUUID().toString(), referrer, child,
                request.interventionCode(), request.concerns(), request.urgency(), request.childView(),
                clock.instant());
        Referral stored = referrals.insert(referral);
        log.info("Referral {} submitted to {} in municipality {}", stored.id(), stored.interventionCode(),
                stored.municipalityCode());
        return stored;
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public Referral get(Caller caller, String id) {
        // Another municipality's referral answers exactly like a missing one.
        return referrals.findByIdAndMunicipalityCode(id, caller.organisation())
                .orElseThrow(() -> ProblemException.notFound("Referral " + id));
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public List<Referral> mine(Caller caller) {
        return referrals.findByMunicipalityCodeAndReferrerId(caller.organisation(), caller.subject(),
                Sort.by(Sort.Direction.DESC, "timeline.0.at"));
    }

    /** What the referrer tells about the child and the wished offer. */
    public record NewReferral(String firstName, String lastName, java.time.LocalDate birthDate, Child.Gender gender,
                              String school, String postcode, String interventionCode, List<String> concerns,
                              Urgency urgency, ChildView childView) {
    }
}
