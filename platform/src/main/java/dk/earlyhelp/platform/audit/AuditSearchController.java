package dk.earlyhelp.platform.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.platform.security.CurrentCaller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Administrators search a service's audit trail (the portal searches every service's at once). */
@RestController
@RequestMapping("${earlyhelp.audit.search-path}")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class AuditSearchController {

    private final AuditTrail audit;
    private final String service;

    AuditSearchController(AuditTrail audit, @Value("${spring.application.name}") String service) {
        this.audit = audit;
        this.service = service;
    }

    @GetMapping
    List<AuditEntry> search(
            @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = "[\\w.@:-]+") String actor,
            @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[\\w-]+") String subject,
            @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = "[\\w.:/-]+") String resource,
            @RequestParam(required = false) AuditRecord.Action action,
            @RequestParam(required = false) @Pattern(regexp = "PERMIT|DENY") String decision,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return audit.search(CurrentCaller.get(), new AuditQuery(actor, subject, resource, action, decision, from, to,
                limit)).stream().map(record -> AuditEntry.of(service, record)).toList();
    }

    /** One record as administrators read it, naming the service that kept it. */
    record AuditEntry(String service, Instant at, String actor, String organisation, String roles, String action,
                      String resourceType, String resourceId, String subjectId, List<String> categories,
                      String purpose, String consent, String decision, String traceId) {

        static AuditEntry of(String service, AuditRecord record) {
            return new AuditEntry(service, record.at(), record.actor(), record.organisation(), record.roles(),
                    record.action(), record.resourceType(), record.resourceId(), record.subjectId(),
                    record.categories() == null ? List.of() : record.categories(), record.purpose(), record.consent(),
                    record.decision(), record.traceId());
        }
    }
}
