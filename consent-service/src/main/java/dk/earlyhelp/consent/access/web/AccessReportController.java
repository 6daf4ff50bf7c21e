package dk.earlyhelp.consent.access.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.consent.access.AccessReport;
import dk.earlyhelp.consent.access.AccessReports;
import dk.earlyhelp.platform.security.CurrentCaller;

/**
 * The access report: for staff and the data protection officer by the child's pseudonym, and for
 * the custody holder through their withdrawal link (the link's secret is the authentication, as
 * for the other {@code /api/consent-links} paths).
 */
@RestController
class AccessReportController {

    private final AccessReports reports;

    AccessReportController(AccessReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/consents/access-report")
    AccessReport forStaff(@RequestParam String childId) {
        return reports.forStaff(CurrentCaller.get(), childId);
    }

    @GetMapping("/api/consent-links/{token}/access-report")
    AccessReport forLinkHolder(@PathVariable String token) {
        return reports.forLinkHolder(token);
    }
}
