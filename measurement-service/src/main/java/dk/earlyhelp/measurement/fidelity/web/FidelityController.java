package dk.earlyhelp.measurement.fidelity.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.measurement.fidelity.FidelityManagement;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.CurrentCaller;

@RestController
@RequestMapping("/api/measurements/fidelity")
class FidelityController {

    private final FidelityManagement fidelity;

    FidelityController(FidelityManagement fidelity) {
        this.fidelity = fidelity;
    }

    /** Aggregates about those who deliver, never about a child: steering groups see them too. */
    @GetMapping
    List<FidelityManagement.FidelityFigure> figures(@RequestParam(required = false) String intervention,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.invalidField("from", "must not be after to");
        }
        return fidelity.figures(CurrentCaller.get(), intervention, from, to);
    }
}
