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

    @GetMapping
    OutcomeReport outcomes(@RequestParam(required = false) String intervention,
            @RequestParam(required = false) String municipality, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return outcomes.outcomes(CurrentCaller.get(), new OutcomeManagement.Filters(intervention, municipality, from, to));
    }
}
