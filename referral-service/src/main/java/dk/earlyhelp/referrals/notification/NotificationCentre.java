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
import dk.earlyhelp.platform.security.Caller;
import dk.earlyhelp.referrals.referral.ReferralManagement;
import dk.earlyhelp.referrals.referral.Referrer;

/** Makes a notification of each piece of news for its referrer and lets them read it. */
@Service
public class NotificationCentre {

    private static final Logger log = LoggerFactory.getLogger(NotificationCentre.class);
    static final int SHOWN = 50;

    private final MongoTemplate mongo;
    private final ReferralManagement referrals;
    private final boolean mailOn;
    private final Clock clock;

    NotificationCentre(MongoTemplate mongo, ReferralManagement referrals, ObjectProvider<JavaMailSender> mail,
            Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.referrals = referrals;
        this.mailOn = mail.getIfAvailable() != null;
    }

    /**
     * Notifies the referrer of the news in event {@code eventId}; a repeat of the event changes nothing.
     *
     * @return whether a notification was made
     */
    public boolean referralUpdated(String eventId, ReferralNews news) {
        Referrer referrer = referrals.referrerOf(news.referralId()).orElse(null);
        if (referrer == null) {
            return false;
        }
        Notification.Mail mail = mailOn && referrer.email() != null
                ? new Notification.Mail(referrer.email(), null, 0, null) : null;
        try {
            mongo.insert(new Notification(eventId, referrer.id(), referrer.municipalityCode(), news.referralId(),
                    news.interventionCode(), news.status(), news.reason(), news.expectedStart(), news.occurredAt(),
                    null, mail));
            log.info("Referrer of {} notified: {}", news.referralId(), news.status());
            return true;
        } catch (DuplicateKeyException alreadyNotified) {
            return false;
        }
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

    private static Criteria ownCriteria(Caller caller) {
        return Criteria.where("recipient").is(caller.subject()).and("municipalityCode").is(caller.organisation());
    }
}
