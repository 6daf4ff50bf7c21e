package dk.earlyhelp.ngo.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.ngo.catalogue.CatalogueManagement;
import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.InterventionRepository;
import dk.earlyhelp.ngo.catalogue.Partnership;
import dk.earlyhelp.ngo.inbox.InboxReferral.InboxStatus;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * The coordinator registers a child who came without a municipal referral (parents' own contact,
 * the NGO's outreach), where the partnership's collaboration model lets the NGO recruit (B1, B3).
 * The child enters the same inbox as a referred one, so deciding, the waiting list and matching
 * follow unchanged; {@link ReferralReceived} with the source lets the operations figures count it.
 * The municipality learns nothing individual: its referral service knows no such referral.
 */
@Service
public class RegistrationManagement {

    private static final Logger log = LoggerFactory.getLogger(RegistrationManagement.class);
    private static final String PARTNERSHIP = "partnership";

    private final MongoTemplate mongo;
    private final InterventionRepository interventions;
    private final CatalogueManagement catalogue;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RegistrationManagement(MongoTemplate mongo, InterventionRepository interventions, CatalogueManagement catalogue,
            AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.interventions = interventions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Puts the child in the caller's NGO's inbox as RECEIVED, with a new pseudonym, and records
     * {@link ReferralReceived} in the same single-document insert (the outbox).
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public InboxReferral register(Caller caller, NewRegistration registration) {
        if (!registration.source().registeredByNgo()) {
            throw ProblemException.invalidField("source", "must be PARENT_CONTACT or NGO_OUTREACH: municipal "
                    + "referrals come from the referral service");
        }
        Intervention intervention = interventions.findById(registration.interventionCode())
                .orElseThrow(() -> ProblemException.invalidField("interventionCode",
                        "is not an intervention in the catalogue"));
        Partnership partnership = catalogue.partnership(intervention.code(), registration.municipalityCode())
                .orElseThrow(() -> ProblemException.invalidField("municipalityCode",
                        "is not a municipality the intervention works with"));
        if (!caller.organisation().equals(partnership.ngoCode())) {
            audit.record(caller, AuditRecord.Action.DENIED, PARTNERSHIP, partnership.id(), null);
            throw new ProblemException(HttpStatus.FORBIDDEN, "not-your-intervention", "Not your organisation's offer",
                    "Only the NGO that delivers " + intervention.code() + " can register children for it.");
        }
        if (!partnership.ngoRecruits()) {
            audit.record(caller, AuditRecord.Action.DENIED, PARTNERSHIP, partnership.id(), null);
            ProblemException refusal = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "ngo-may-not-recruit",
                    "The collaboration model does not let the NGO recruit", "Under the model " + partnership.model()
                    + " of partnership " + partnership.id() + " the municipality finds and refers the children; "
                    + "a child who contacts you can be referred by the municipality.");
            refusal.getBody().setProperty("model", partnership.model());
            throw refusal;
        }
        List<String> excluded = excludedBy(intervention, registration.concerns());
        if (!excluded.isEmpty()) {
            // A safety exclusion is not a preference (DOMAIN.md): the child must get other help at once.
            ProblemException refusal = new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "safety-exclusion",
                    "Outside the offer for the child's safety", "The offer excludes children with " + excluded
                    + "; the child must be helped elsewhere at once.");
            refusal.getBody().setProperty("excluded", excluded);
            refusal.getBody().setProperty("referTo", intervention.targetGroup().excludedReferTo());
            throw refusal;
        }
        Instant now = clock.instant();
        String referralId = UUID.randomUUID().toString();
        String childId = UUID.randomUUID().toString();
        InboxReferral child = new InboxReferral(referralId, partnership.ngoCode(), intervention.code(),
                partnership.municipalityCode(), childId, registration.childAge(),
                registration.childGender(), registration.concerns(), registration.postcode(),
                registration.languages().isEmpty() ? null : registration.languages(), registration.urgency(),
                registration.source(), InboxStatus.RECEIVED, null, now, null, null, null, null, null, null, List.of(),
                List.of(new ReferralReceived(referralId, childId, partnership.ngoCode(), intervention.code(),
                        partnership.municipalityCode(), registration.source(), now).toPendingEvent()));
        mongo.insert(child);
        audit.record(caller, AuditRecord.Action.CREATE, "inbox-referral", referralId, child.childId());
        log.info("Child registered as {} for {} ({}) by {}", referralId, partnership.id(), registration.source(),
                caller.organisation());
        events.publishEvent(new InboxChanged(intervention.code()));
        return child;
    }

    private static List<String> excludedBy(Intervention intervention, List<String> concerns) {
        List<String> excludes = intervention.targetGroup() == null ? null : intervention.targetGroup().excludes();
        return excludes == null ? List.of() : concerns.stream().filter(excludes::contains).toList();
    }

    /**
     * What the coordinator records about a child who came without a referral: codes and age, no
     * name and no CPR number.
     *
     * @param languages ISO 639-1 codes the child needs the person working with them to speak; may be empty
     */
    public record NewRegistration(String interventionCode, String municipalityCode, ReferralSource source,
                                  int childAge, String childGender, List<String> concerns, String postcode,
                                  List<String> languages, String urgency) {

        public NewRegistration {
            languages = languages == null ? List.of() : List.copyOf(languages);
        }
    }
}
