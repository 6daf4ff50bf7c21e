package dk.earlyhelp.referrals.concern;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.security.Caller;
import dk.earlyhelp.referrals.referral.Referral;
import dk.earlyhelp.referrals.referral.ReferralManagement;

/** Receiving notifications of concern from NGOs and letting the responsible municipality read them. */
@Service
public class ConcernNotifications {

    private static final Logger log = LoggerFactory.getLogger(ConcernNotifications.class);
    /** The municipal roles that handle notifications of concern besides the child's referrer. */
    private static final String CASEWORKER = "CASEWORKER";

    private final MongoTemplate mongo;
    private final ReferralManagement referrals;
    private final AuditTrail audit;
    private final Clock clock;

    ConcernNotifications(MongoTemplate mongo, ReferralManagement referrals, AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The NGO delivering a referral tells the child's municipality of its concern. No consent is
     * asked (rule 8): it goes through even after the custody holders withdrew theirs. The
     * coordinator sends it: a volunteer's worry reaches the coordinator first (the safety rule's
     * concern task), and this service does not know which volunteer works with which child.
     */
    @PreAuthorize("hasRole('NGO_COORDINATOR')")
    public ConcernNotification raise(Caller caller, String referralId, String description, boolean urgent) {
        Referral referral = referrals.deliveredBy(caller, referralId);
        ConcernNotification notification = mongo.insert(ConcernNotification.raise(UUID.randomUUID().toString(),
                referral.id(), referral.child().pseudonym(), referral.municipalityCode(), referral.interventionCode(),
                referral.referrerId(), caller.organisation(), caller.subject(),
                "NGO_COORDINATOR", clock.instant(), urgent,
                description.strip()));
        audit.record(caller, AuditRecord.Action.CREATE, "concern-notification", notification.id(),
                notification.childId());
        log.info("Notification of concern {} about referral {} to municipality {}{}", notification.id(),
                referral.id(), referral.municipalityCode(), urgent ? " (urgent)" : "");
        return notification;
    }

    /**
     * The notifications the caller may read, newest first: a caseworker or team lead reads all of
     * the municipality's, any other professional those about children they referred.
     */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public List<ConcernNotification> readable(Caller caller, String referralId) {
        if (referralId != null) {
            referrals.requireOwnMunicipality(caller, referralId);
        }
        Criteria criteria = Criteria.where("municipalityCode").is(caller.organisation());
        if (!handlesConcerns(caller)) {
            criteria.and("referrerId").is(caller.subject());
        }
        if (referralId != null) {
            criteria.and("referralId").is(referralId);
        }
        List<ConcernNotification> found = mongo.find(Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "raisedAt")).limit(200), ConcernNotification.class);
        found.forEach(notification -> audit.record(caller, AuditRecord.Action.READ, "concern-notification",
                notification.id(), notification.childId()));
        return found;
    }

    /** Whether the caller handles the municipality's notifications of concern (not only their own referrals'). */
    public static boolean handlesConcerns(Caller caller) {
        return CASEWORKER.equals(caller.staffRole()) || caller.leadsTeam();
    }
}
