package dk.earlyhelp.measurement.operations.web;

import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.measurement.operations.OperationsReport;
import dk.earlyhelp.measurement.operations.ReferralFlows;
import dk.earlyhelp.platform.security.CurrentCaller;

@RestController
@RequestMapping("/api/operations")
class OperationsController {

    private final ReferralFlows flows;

    OperationsController(ReferralFlows flows) {
        this.flows = flows;
    }

    /** METRICS.md §5 over the referrals submitted in the period, for the caller's partnerships (admin: all). */
    @GetMapping
    OperationsReport operations(@RequestParam(required = false) String intervention,
            @RequestParam(required = false) String municipality, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return flows.figures(CurrentCaller.get(), blankless(intervention), blankless(municipality), from, to);
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
