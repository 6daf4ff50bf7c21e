package dk.earlyhelp.referrals.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * A referral of one child to one intervention. It guards its lifecycle and stores the events its
 * changes cause in {@code pendingEvents}, written in the same atomic document write as the change
 * and published afterwards by the outbox relay.
 */
@Document("referrals")
public class Referral {

    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String municipalityCode;
    private String referrerId;
    private String referrerRole;
    private Child child;
    private String interventionCode;
    private List<String> concerns;
    private Urgency urgency;
    private ChildView childView;
    private ReferralStatus status;
    private List<TimelineEntry> timeline = new ArrayList<>();
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected Referral() {
    }

    /** A new referral, submitted at once; records {@link ReferralSubmitted}. */
    public static Referral submit(String id, Referrer referrer, Child child, String interventionCode,
            List<String> concerns, Urgency urgency, ChildView childView, Instant now) {
        Referral referral = new Referral();
        referral.id = id;
        referral.municipalityCode = referrer.municipalityCode();
        referral.referrerId = referrer.id();
        referral.referrerRole = referrer.role();
        referral.child = child;
        referral.interventionCode = interventionCode;
        referral.concerns = List.copyOf(concerns);
        referral.urgency = urgency;
        referral.childView = childView;
        referral.status = ReferralStatus.SUBMITTED;
        referral.timeline.add(new TimelineEntry(ReferralStatus.SUBMITTED, now, referrer.id(), null));
        referral.pendingEvents.add(new ReferralSubmitted(id, child.pseudonym(),
                child.ageOn(LocalDate.ofInstant(now, DANISH_TIME)), child.gender().name(),
                referrer.municipalityCode(), interventionCode, referral.concerns, urgency.name(),
                referrer.role(), now).toPendingEvent());
        return referral;
    }

    public String id() {
        return id;
    }

    public String municipalityCode() {
        return municipalityCode;
    }

    public String referrerId() {
        return referrerId;
    }

    public String referrerRole() {
        return referrerRole;
    }

    public Child child() {
        return child;
    }

    public String interventionCode() {
        return interventionCode;
    }

    public List<String> concerns() {
        return concerns;
    }

    public Urgency urgency() {
        return urgency;
    }

    public ChildView childView() {
        return childView;
    }

    public ReferralStatus status() {
        return status;
    }

    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }

    public List<PendingEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
