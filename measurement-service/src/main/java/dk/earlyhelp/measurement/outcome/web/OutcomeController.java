package dk.earlyhelp.measurement.outcome.web;

import java.time.LocalDate;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.measurement.outcome.OutcomeManagement;
import dk.earlyhelp.measurement.outcome.OutcomeReport;
import dk.earlyhelp.platform.security.CurrentCaller;

@RestController
@RequestMapping("/api/outcomes")
class OutcomeController {

    private final OutcomeManagement outcomes;

    OutcomeController(OutcomeManagement outcomes) {
        this.outcomes = outcomes;
    }

    /**
     * METRICS.md §3; every filter optional, dates as YYYY-MM-DD. {@code classification=RELIABLE_CHANGE}
     * counts a pair as improved or worsened only beyond a reliable change index; {@code fidelity=HIGH}
     * (PARTIAL, LOW) keeps the interventions delivered at that fidelity in the period.
     */
    @GetMapping
    OutcomeReport outcomes(@RequestParam(required = false) String intervention,
            @RequestParam(required = false) String ngo, @RequestParam(required = false) String municipality,
            @RequestParam(required = false) String type, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String ageBand,
            @RequestParam(required = false) String gender, @RequestParam(required = false) String classification,
            @RequestParam(required = false) String fidelity) {
        return outcomes.outcomes(CurrentCaller.get(), new OutcomeManagement.Filters(blankless(intervention),
                blankless(ngo), blankless(municipality), blankless(type), from, to, blankless(ageBand),
                blankless(gender), blankless(classification), blankless(fidelity)));
    }

    /** A form sends empty fields for "all". */
    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
