package dk.earlyhelp.gateway.portal;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** A steering group's outcome figures: aggregates of their partnerships, never an individual child. */
@Controller
class OutcomePages {

    private final ServiceCalls services;

    OutcomePages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/resultater")
    String outcomes(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (user == null || !(user.caller().hasRole("STEERING_GROUP") || user.caller().hasRole("ADMIN"))) {
            return "forbidden";
        }
        ServiceCalls.Answer<Map<String, Object>> report = services.get("measurement-service",
                "/api/outcomes", PortalController.token(request), ServiceCalls.OBJECT, Map.of());
        model.addAttribute("report", report.value());
        model.addAttribute("unavailable", report.unavailable());
        return "outcomes";
    }
}
