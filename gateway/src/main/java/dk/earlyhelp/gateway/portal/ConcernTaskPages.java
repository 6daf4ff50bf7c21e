package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The coordinator's concern tasks after a worrying answer: hold a conversation with the child
 * within two working days, acknowledge, and record the decision on a notification of concern.
 * Administrators see the escalated ones.
 */
@Controller
class ConcernTaskPages {

    private static final String SERVICE = "measurement-service";
    private static final Set<String> DECISIONS = Set.of("NOTIFY_MUNICIPALITY", "NO_NOTIFICATION");

    private final ServiceCalls services;

    ConcernTaskPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/bekymringsopgaver")
    String list(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> tasks = services.get(SERVICE,
                "/api/measurements/concern-tasks", PortalController.token(request), ServiceCalls.LIST, List.of());
        model.addAttribute("tasks", tasks.value());
        model.addAttribute("unavailable", tasks.unavailable());
        model.addAttribute("mayAct", user.caller().hasRole("NGO_COORDINATOR"));
        return "concern-tasks";
    }

    @PostMapping("/bekymringsopgaver/{id}/kvitter")
    String acknowledge(@ModelAttribute("user") PortalUser user, @PathVariable String id, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (user == null || !user.caller().hasRole("NGO_COORDINATOR") || !id.matches("[0-9a-f-]{36}")) {
            return "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/measurements/concern-tasks/" + id
                + "/acknowledgement", PortalController.token(request), Map.of());
        redirect.addFlashAttribute(outcome.succeeded() ? "notice" : "problem",
                outcome.succeeded() ? "concernTasks.acknowledged" : "concernTasks.error");
        return "redirect:/bekymringsopgaver";
    }

    @PostMapping("/bekymringsopgaver/{id}/beslutning")
    String decide(@ModelAttribute("user") PortalUser user, @PathVariable String id,
            @RequestParam(defaultValue = "") String decision, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (user == null || !user.caller().hasRole("NGO_COORDINATOR") || !id.matches("[0-9a-f-]{36}")) {
            return "forbidden";
        }
        if (!DECISIONS.contains(decision)) {
            redirect.addFlashAttribute("problem", "concernTasks.chooseDecision");
            redirect.addFlashAttribute("problemFor", id);
            return "redirect:/bekymringsopgaver";
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/measurements/concern-tasks/" + id + "/decision",
                PortalController.token(request), Map.of("decision", decision));
        redirect.addFlashAttribute(outcome.succeeded() ? "notice" : "problem",
                outcome.succeeded() ? "concernTasks.decided" : "concernTasks.error");
        return "redirect:/bekymringsopgaver";
    }

    private static boolean allowed(PortalUser user) {
        return user != null && (user.caller().hasRole("NGO_COORDINATOR") || user.caller().hasRole("ADMIN"));
    }
}
