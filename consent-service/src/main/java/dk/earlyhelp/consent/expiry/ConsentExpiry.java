package dk.earlyhelp.consent.expiry;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.ConsentStatus;
import dk.earlyhelp.consent.consent.ConsentStore;
import dk.earlyhelp.consent.consent.ErasureSettings;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.security.Caller;

/**
 * Expires active consents whose last day (Danish time) has passed, at start and then every
 * {@code earlyhelp.consent.expiry-interval}: each gets {@code consent.expired.v1} and expects the
 * receivers' erasure confirmations, as a withdrawal does. Each expiry is one version-guarded write,
 * so a withdrawal at the same moment wins and the expiry of that consent is dropped. The decision
 * denies after the last day even before this runs.
 */
@Service
public class ConsentExpiry {

    private static final Logger log = LoggerFactory.getLogger(ConsentExpiry.class);
    /** The actor of expiries in the audit trail. */
    static final Caller SYSTEM = Caller.system("system:consent-expiry");
    private static final int ATTEMPTS = 3;

    private final ConsentStore store;
    private final ErasureSettings erasure;
    private final AuditTrail audit;
    private final Clock clock;

    ConsentExpiry(ConsentStore store, ErasureSettings erasure, AuditTrail audit, Clock clock) {
        this.store = store;
        this.erasure = erasure;
        this.audit = audit;
        this.clock = clock;
    }

    /** Expires what is due now. */
    @Scheduled(fixedDelayString = "${earlyhelp.consent.expiry-interval:PT15M}")
    void expireDue() {
        Instant now = clock.instant();
        store.activeEndedBefore(Consent.dayOf(now)).forEach(due -> expire(due, now));
    }

    private void expire(Consent consent, Instant now) {
        for (int attempt = 1; attempt <= ATTEMPTS && consent != null; attempt++) {
            consent.changedBy("system");
            try {
                consent.expire(now, erasure.confirmers());
                consent.forgetUnneededEmails(now);
                store.saveChange(consent);
            } catch (Consent.IllegalState e) {
                return;
            } catch (OptimisticLockingFailureException e) {
                // Changed meanwhile: a withdrawal wins; another change (a mail went out) is retried on the fresh copy.
                consent = store.find(consent.id()).filter(fresh -> fresh.status() == ConsentStatus.ACTIVE).orElse(null);
                continue;
            }
            audit.record(SYSTEM, AuditRecord.Action.UPDATE, "consent", consent.id(), consent.childId());
            log.info("Consent {} expired after its last day {}", consent.id(), consent.validUntil());
            return;
        }
    }
}
