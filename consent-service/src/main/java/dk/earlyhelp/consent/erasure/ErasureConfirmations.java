package dk.earlyhelp.consent.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.ConsentStore;
import dk.earlyhelp.consent.consent.ErasureConfirmation;
import dk.earlyhelp.consent.consent.ErasureSettings;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records the receivers' erasure confirmations on the consent (once per event id), shows
 * administrators where each erasure stands, and alerts when a confirmation is missing after the
 * deadline: the gauge {@code earlyhelp.consent.erasure.missing} and one WARN per consent, naming
 * the consent and the missing services only.
 */
@Service
public class ErasureConfirmations {

    static final String MISSING_GAUGE = "earlyhelp.consent.erasure.missing";
    private static final Logger log = LoggerFactory.getLogger(ErasureConfirmations.class);

    private final ConsentStore store;
    private final ErasureSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final AtomicInteger overdue = new AtomicInteger();

    ErasureConfirmations(ConsentStore store, ErasureSettings settings, AuditTrail audit, Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        Gauge.builder(MISSING_GAUGE, overdue, AtomicInteger::get)
                .description("Ended consents with an erasure confirmation missing after the deadline")
                .register(meters);
    }

    /**
     * A service confirmed it erased what it received under the consent. A repeat of the event, or a
     * confirmation naming no consent of that child, changes nothing.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public void confirmed(String eventId, String consentId, String childId, ErasureConfirmation confirmation) {
        if (!store.recordErasureConfirmation(consentId, childId, eventId, confirmation)) {
            if (store.find(consentId).filter(consent -> consent.childId().equals(childId)).isEmpty()) {
                log.warn("Erasure confirmation {} from {} names no known consent of its child: {}", eventId,
                        confirmation.service(), consentId);
            }
            return;
        }
        Consent consent = store.find(consentId).orElseThrow();
        audit.record(confirmer(confirmation.service()), AuditRecord.Action.UPDATE, "consent-erasure", consentId,
                childId);
        if (!consent.expectedConfirmations().isEmpty() && consent.missingConfirmations().isEmpty()) {
            store.erasureConfirmed(consentId);
            count(clock.instant());
        }
    }

    /**
     * Every consent that expects erasure confirmations, newest end first; {@code missing} true for
     * those still waiting for one, false for those complete, null for all. An administrator of a
     * municipality sees that municipality's consents, the platform's administrator all; any other
     * organisation none. Each consent shown is audited.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Erasure> overview(Caller caller, Boolean missing) {
        String municipality;
        if ("MUNICIPALITY".equals(caller.organisationType()) && caller.organisation() != null) {
            municipality = caller.organisation();
        } else if ("PLATFORM".equals(caller.organisationType())) {
            municipality = null;
        } else {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only a municipality's or the platform's administrator sees erasures.");
        }
        Instant now = clock.instant();
        List<Erasure> erasures = store.expectingErasure(municipality).stream()
                .map(consent -> erasure(consent, now))
                .filter(erasure -> missing == null || missing != erasure.missing().isEmpty())
                .sorted(Comparator.comparing(Erasure::endedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        erasures.forEach(erasure -> audit.record(caller, AuditRecord.Action.READ, "consent-erasure",
                erasure.consentId(), erasure.childId()));
        return erasures;
    }

    /**
     * Counts the consents whose confirmation is missing after the deadline, for the gauge, and
     * warns once about each.
     */
    @Scheduled(fixedDelayString = "${earlyhelp.consent.erasure.check-interval:PT15M}")
    void checkDeadlines() {
        Instant now = clock.instant();
        for (Consent consent : count(now)) {
            if (store.erasureAlerted(consent.id(), now)) {
                log.warn("Erasure of consent {} not confirmed within {} of its end by: {}", consent.id(),
                        settings.deadline(), String.join(", ", consent.missingConfirmations()));
            }
        }
    }

    private List<Consent> count(Instant now) {
        List<Consent> late = store.awaitingErasureConfirmation().stream()
                .filter(consent -> consent.erasureOverdue(now, settings.deadline()))
                .toList();
        overdue.set(late.size());
        return late;
    }

    private Erasure erasure(Consent consent, Instant now) {
        return new Erasure(consent.id(), consent.childId(), consent.municipalityCode(), consent.status(),
                consent.endedAt(), consent.expectedConfirmations(), consent.erasureConfirmations(),
                consent.missingConfirmations(), consent.erasureOverdue(now, settings.deadline()));
    }

    /** The confirming service as the audit trail records it. */
    private static Caller confirmer(String service) {
        return Caller.system("service:" + service);
    }
}
