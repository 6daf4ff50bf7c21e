package dk.earlyhelp.consent.access.web;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.consent.access.AccessReport;
import dk.earlyhelp.consent.access.AccessReports;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;

/**
 * The access report: for staff and the data protection officer by the child's pseudonym, and for
 * the custody holder through their withdrawal link (the link's secret is the authentication, as
 * for the other {@code /api/consent-links} paths).
 */
@RestController
@Validated
class AccessReportController {

    private final AccessReports reports;

    AccessReportController(AccessReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/consents/access-report")
    @ApiResponse(responseCode = "200", description = "who read which categories of the child's data, when and why")
    @ApiResponse(responseCode = "404", description = "no child of the caller's municipality with this pseudonym")
    AccessReport forStaff(
            @RequestParam @Pattern(regexp = "[0-9a-f-]{36}", message = "must be the child's pseudonymous id")
            String childId) {
        return reports.forStaff(CurrentCaller.get(), childId);
    }

    @GetMapping("/api/consent-links/{token}/access-report")
    AccessReport forLinkHolder(@PathVariable String token) {
        return reports.forLinkHolder(token);
    }
}
