package dk.earlyhelp.consent.access;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.consent.consent.ConsentStore;
import dk.earlyhelp.consent.grantee.GranteeNames;
import dk.earlyhelp.consent.link.PersonalLinks;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Keeps the per-child access log from every service's audit events and makes the access report
 * from it (CONSENT.md rule 11, CJEU C-579/21): for the custody holder through their withdrawal
 * link, and for the municipality's staff and the data protection officer. Each report given is
 * itself audited, and so appears in the next one.
 */
@Service
public class AccessReports {

    private static final String RESOURCE = "access-report";
    private static final String DECISION = "consent-decision";

    private final MongoTemplate mongo;
    private final ConsentStore consents;
    private final PersonalLinks links;
    private final GranteeNames names;
    private final AuditTrail audit;
    private final Clock clock;

    AccessReports(MongoTemplate mongo, ConsentStore consents, PersonalLinks links, GranteeNames names,
            AuditTrail audit, Clock clock) {
        this.mongo = mongo;
        this.consents = consents;
        this.links = links;
        this.names = names;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records one access once: a repeat of the event hits the unique id and changes nothing. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void accessed(AccessLogEntry entry) {
        try {
            mongo.insert(entry);
        } catch (DuplicateKeyException alreadyRecorded) {
            // the same event delivered again
        }
    }

    /**
     * The report for staff of the municipality that holds a consent about the child, or for the
     * platform's administrator. Anyone else is answered like an unknown child, and audited.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'MUNICIPAL_STAFF')")
    public AccessReport forStaff(Caller caller, String childId) {
        boolean platformAdmin = "PLATFORM".equals(caller.organisationType()) && caller.hasRole("ADMIN");
        boolean ownChild = "MUNICIPALITY".equals(caller.organisationType())
                && consents.existsForChild(childId, caller.organisation());
        if (!platformAdmin && !ownChild) {
            if (consents.existsForChild(childId, null)) {
                audit.record(caller, AuditRecord.Action.DENIED, RESOURCE, childId, childId);
            }
            throw ProblemException.notFound("Child " + childId);
        }
        audit.record(caller, AuditRecord.Action.READ, RESOURCE, childId, childId);
        return report(childId);
    }

    /** The report for the holder of a withdrawal link (used or not) that has not expired; audited as theirs. */
    public AccessReport forLinkHolder(String token) {
        PersonalLinks.Holder holder = links.reportHolder(token);
        audit.record(holder.caller(), AuditRecord.Action.READ, RESOURCE, holder.consentId(), holder.childId());
        return report(holder.childId());
    }

    private AccessReport report(String childId) {
        List<AccessLogEntry> entries = mongo.find(Query.query(Criteria.where("childId").is(childId))
                .with(Sort.by("at")), AccessLogEntry.class);
        // A consent decision is asked on behalf of a read that the serving service records itself;
        // it stays in this service's own audit trail (rule 10) but would only double the report's lines.
        Map<String, Optional<String>> ngoNames = new HashMap<>();
        return new AccessReport(childId, clock.instant(), entries.stream()
                .filter(entry -> entry.resourceType() == null || !entry.resourceType().startsWith(DECISION))
                .sorted(Comparator.comparing(AccessLogEntry::at))
                .map(entry -> line(entry, ngoNames)).toList());
    }

    /** @param ngoNames names looked up so far in this report, so each NGO is looked up once */
    private AccessReport.Line line(AccessLogEntry entry, Map<String, Optional<String>> ngoNames) {
        String name = "NGO".equals(entry.organisationType()) && entry.organisation() != null
                ? ngoNames.computeIfAbsent(entry.organisation(), names::ngoName).orElse(null) : null;
        String role = Optional.ofNullable(entry.staffRole())
                .orElse(entry.roles().isEmpty() ? null : entry.roles().get(0));
        return new AccessReport.Line(entry.at(), entry.organisation(), entry.organisationType(), name, role,
                entry.categories(), entry.purpose(), entry.service(), entry.resourceType(),
                "DENIED".equals(entry.action()));
    }
}
