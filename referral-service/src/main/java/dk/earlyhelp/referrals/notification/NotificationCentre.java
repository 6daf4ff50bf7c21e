package dk.earlyhelp.referrals.notification;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.security.Caller;
import dk.earlyhelp.referrals.referral.ReferralManagement;

/** Makes a notification of each piece of news for its referrer and lets them read it. */
@Service
public class NotificationCentre {

    private static final Logger log = LoggerFactory.getLogger(NotificationCentre.class);
    static final int SHOWN = 50;

    private final MongoTemplate mongo;
    private final ReferralManagement referrals;
    private final AuditTrail audit;
    private final boolean mailOn;
    private final Clock clock;

    NotificationCentre(MongoTemplate mongo, ReferralManagement referrals, AuditTrail audit,
            ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
        this.referrals = referrals;
        this.mailOn = mail.getIfAvailable() != null;
    }

    /**
     * Notifies the referrer and the referral's followers of the news in event {@code eventId}; a
     * repeat of the event changes nothing.
     *
     * @return how many notifications were made
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public int referralUpdated(String eventId, ReferralNews news) {
        int made = 0;
        for (ReferralManagement.Recipient recipient : referrals.recipientsOf(news.referralId())) {
            Notification.Mail mail = mailOn && recipient.email() != null
                    ? new Notification.Mail(recipient.email(), null, 0, null) : null;
            String who = recipient.userId() != null ? recipient.userId() : recipient.email();
            try {
                mongo.insert(new Notification(eventId + ":" + who, recipient.userId(), recipient.email(),
                        recipient.municipalityCode(), news.referralId(), news.interventionCode(), news.status(),
                        news.reason(), news.expectedStart(), news.occurredAt(), null, mail));
                made++;
            } catch (DuplicateKeyException alreadyNotified) {
                // this recipient already has it
            }
        }
        if (made > 0) {
            log.info("{} notified of referral {}: {}", made, news.referralId(), news.status());
        }
        return made;
    }

    /** The caller's newest notifications. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public List<Notification> mine(Caller caller) {
        return mongo.find(own(caller).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(SHOWN),
                Notification.class);
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public long unread(Caller caller) {
        return mongo.count(Query.query(ownCriteria(caller).and("readAt").is(null)), Notification.class);
    }

    /** Marks one of the caller's notifications read; another's answers like a missing one. */
    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public void markRead(Caller caller, String id) {
        boolean found = mongo.exists(Query.query(ownCriteria(caller).and("_id").is(id)), Notification.class);
        if (!found) {
            if (mongo.exists(Query.query(Criteria.where("_id").is(id)), Notification.class)) {
                audit.record(caller, AuditRecord.Action.DENIED, "notification", id, null);
            }
            throw ProblemException.notFound("Notification " + id);
        }
        mongo.updateFirst(Query.query(ownCriteria(caller).and("_id").is(id).and("readAt").is(null)),
                new Update().set("readAt", clock.instant()), Notification.class);
    }

    @PreAuthorize("hasRole('MUNICIPAL_STAFF')")
    public void markAllRead(Caller caller) {
        mongo.updateMulti(Query.query(ownCriteria(caller).and("readAt").is(null)), new Update().set("readAt", clock.instant()),
                Notification.class);
    }

    private static Query own(Caller caller) {
        return Query.query(ownCriteria(caller));
    }

    /** The caller's own: as the referrer (by user id) or as a follower (by e-mail), in their municipality. */
    private static Criteria ownCriteria(Caller caller) {
        Criteria mine = caller.email() == null ? Criteria.where("recipient").is(caller.subject())
                : new Criteria().orOperator(Criteria.where("recipient").is(caller.subject()),
                        Criteria.where("recipientEmail").is(caller.email().toLowerCase(java.util.Locale.ROOT)));
        return new Criteria().andOperator(mine, Criteria.where("municipalityCode").is(caller.organisation()));
    }
}
