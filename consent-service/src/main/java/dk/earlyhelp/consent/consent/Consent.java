package dk.earlyhelp.consent.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * One consent about one child: which NGOs may use which kinds of information for which purposes,
 * and when. It grants nothing until every required grantor has consented, and nothing after a
 * withdrawal or its end date (default deny). Its changes record the events other services obey.
 */
@Document("consents")
public class Consent {

    @Id
    private String id;
    @Version
    private Long version;
    @Indexed
    private String childId;
    private String municipalityCode;
    private List<String> grantees;
    private String interventionCode;
    private Set<Purpose> purposes;
    private Set<DataCategory> categories;
    private LocalDate validFrom;
    private LocalDate validUntil;
    private int custodyHoldersRequired;
    private boolean youngPersonRequired;
    private String textVersion;
    private List<Grantor> grantors = new ArrayList<>();
    private ConsentStatus status;
    private Instant withdrawnAt;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    /** Events the last change recorded, written by the store with a targeted update. */
    @Transient
    private final List<PendingEvent> newEvents = new ArrayList<>();

    protected Consent() {
    }

    /** A new consent as a draft; throws {@link NotSpecific} unless it names grantees, purposes, categories and an end. */
    public static Consent draft(String childId, String municipalityCode, List<String> grantees, String interventionCode,
            Set<Purpose> purposes, Set<DataCategory> categories, LocalDate validFrom, LocalDate validUntil,
            int custodyHoldersRequired, boolean youngPersonRequired, String textVersion) {
        if (grantees == null || grantees.isEmpty() || purposes == null || purposes.isEmpty() || categories == null
                || categories.isEmpty() || validFrom == null || validUntil == null) {
            throw new NotSpecific("A consent names its grantees, at least one purpose, its data categories and an end date.");
        }
        if (!validUntil.isAfter(validFrom) || validUntil.isAfter(validFrom.plusMonths(12))) {
            throw new NotSpecific("A consent lasts at most 12 months and ends after it starts.");
        }
        Consent consent = new Consent();
        consent.id = UUID.randomUUID().toString();
        consent.childId = childId;
        consent.municipalityCode = municipalityCode;
        consent.grantees = List.copyOf(grantees);
        consent.interventionCode = interventionCode;
        consent.purposes = Set.copyOf(purposes);
        consent.categories = Set.copyOf(categories);
        consent.validFrom = validFrom;
        consent.validUntil = validUntil;
        consent.custodyHoldersRequired = Math.max(1, custodyHoldersRequired);
        consent.youngPersonRequired = youngPersonRequired;
        consent.textVersion = textVersion;
        consent.status = ConsentStatus.DRAFT;
        return consent;
    }

    /** Records one grantor; the consent becomes ACTIVE when the last required one has consented. */
    public void grant(Grantor grantor, Instant now) {
        if (status != ConsentStatus.DRAFT) {
            throw new IllegalState("Only a draft consent takes more grantors; this one is " + status + ".");
        }
        grantors.add(grantor);
        long custodyHolders = grantors.stream().filter(g -> g.role() == Grantor.Role.CUSTODY_HOLDER).count();
        boolean youngPerson = grantors.stream().anyMatch(g -> g.role() == Grantor.Role.YOUNG_PERSON);
        if (custodyHolders >= custodyHoldersRequired && (!youngPersonRequired || youngPerson)) {
            status = ConsentStatus.ACTIVE;
            newEvents.add(event("consent.granted.v1", now));
        }
    }

    /** Withdrawal by any grantor takes effect at once and tells every service. */
    public void withdraw(Instant now) {
        if (status == ConsentStatus.WITHDRAWN || status == ConsentStatus.EXPIRED) {
            throw new IllegalState("This consent is already " + status + ".");
        }
        boolean wasActive = status == ConsentStatus.ACTIVE;
        status = ConsentStatus.WITHDRAWN;
        withdrawnAt = now;
        if (wasActive) {
            newEvents.add(event("consent.withdrawn.v1", now));
        }
    }

    /** Whether this consent lets the NGO use the categories for the purpose on that day. */
    public boolean permits(String ngoCode, Purpose purpose, Set<DataCategory> wanted, LocalDate day) {
        return status == ConsentStatus.ACTIVE && grantees.contains(ngoCode) && purposes.contains(purpose)
                && categories.containsAll(wanted) && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    private PendingEvent event(String type, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consentId", id);
        data.put("childId", childId);
        data.put("municipalityCode", municipalityCode);
        data.put("grantees", grantees);
        data.put("purposes", purposes.stream().map(Enum::name).sorted().toList());
        data.put("categories", categories.stream().map(Enum::name).sorted().toList());
        data.put("validUntil", validUntil.toString());
        data.put("occurredAt", now.toString());
        // Keyed by the child, so every consent event about one child keeps its order.
        return new PendingEvent(UUID.randomUUID().toString(), type, childId, id, now, data);
    }

    /** The consent is not specific enough to be valid (CONSENT.md rule 4). */
    public static class NotSpecific extends RuntimeException {
        NotSpecific(String message) {
            super(message);
        }
    }

    /** The change is not possible in the consent's present status. */
    public static class IllegalState extends RuntimeException {
        IllegalState(String message) {
            super(message);
        }
    }

    List<PendingEvent> newEvents() {
        return List.copyOf(newEvents);
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String id() { return id; }
    public Long version() { return version; }
    public String childId() { return childId; }
    public String municipalityCode() { return municipalityCode; }
    public List<String> grantees() { return grantees; }
    public String interventionCode() { return interventionCode; }
    public Set<Purpose> purposes() { return purposes; }
    public Set<DataCategory> categories() { return categories; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validUntil() { return validUntil; }
    public List<Grantor> grantors() { return List.copyOf(grantors); }
    public ConsentStatus status() { return status; }
    public String textVersion() { return textVersion; }
}
