package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The operations dashboard (METRICS.md §5) for steering groups and NGO coordinators: how referrals
 * flow, how long children wait, why they are declined, capacity, volunteers and whether the
 * questionnaires come in on time, filtered, printable and as CSV. Aggregates only; the measurement
 * service scopes the figures to the caller's partnerships.
 */
@Controller
class OperationsPages {

    private static final String SERVICE = "measurement-service";
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final ServiceCalls services;
    private final OutcomeViews outcomeViews;
    private final OperationsViews views;

    OperationsPages(ServiceCalls services, OutcomeViews outcomeViews, OperationsViews views) {
        this.services = services;
        this.outcomeViews = outcomeViews;
        this.views = views;
    }

    @GetMapping("/drift")
    String operations(@ModelAttribute("user") PortalUser user, @RequestParam Map<String, String> parameters,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!allowed(user)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "forbidden";
        }
        OperationsFilters filters = OperationsFilters.of(parameters);
        Jwt token = PortalController.token(request);
        List<Map<String, Object>> partnerships = services.get("ngo-service", "/api/ngo/partnerships", token,
                ServiceCalls.LIST, List.of()).value();
        OutcomeViews.FilterOptions options = outcomeViews.options(user.caller(), partnerships,
                filters.asOutcomeFilters());
        model.addAttribute("filters", filters);
        model.addAttribute("options", options);
        model.addAttribute("applied", outcomeViews.applied(filters.asOutcomeFilters(), options));
        model.addAttribute("generatedOn", outcomeViews.date(LocalDate.now(DANISH).toString()));
        model.addAttribute("csvHref", "/drift.csv" + filters.query());

        Map<String, String> errors = new LinkedHashMap<>();
        filters.dateErrors().forEach((field, key) -> errors.put(field, outcomeViews.text(key)));
        OperationsViews.Dashboard dashboard = null;
        boolean unavailable = false;
        if (errors.isEmpty()) {
            ServiceCalls.Outcome answer = services.fetch(SERVICE, "/api/operations" + filters.query(), token);
            if (answer.succeeded()) {
                dashboard = views.dashboard(answer.body(), filters, interventionNames(token, partnerships));
            } else if (OutcomePages.badFilter(answer)) {
                errors.putAll(OutcomePages.filterErrors(answer, OperationsFilters.NAMES, field ->
                        "from".equals(field) || "to".equals(field) ? "operations.error.period" : "outcomes.error.filter",
                        outcomeViews));
            } else {
                unavailable = true;
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("unavailable", unavailable);
        model.addAttribute("filtered", !filters.given().isEmpty());
        return "operations";
    }

    /** The page's figures as a CSV download; the same filters and the same access rule. */
    @GetMapping("/drift.csv")
    ModelAndView csv(@ModelAttribute("user") PortalUser user, @RequestParam Map<String, String> parameters,
            HttpServletRequest request) {
        if (!allowed(user)) {
            return new ModelAndView("forbidden", HttpStatus.FORBIDDEN);
        }
        OperationsFilters filters = OperationsFilters.of(parameters);
        if (!filters.dateErrors().isEmpty()) {
            return OutcomePages.plain(HttpStatus.BAD_REQUEST, outcomeViews.text("operations.csv.badFilter"));
        }
        Jwt token = PortalController.token(request);
        ServiceCalls.Outcome answer = services.fetch(SERVICE, "/api/operations" + filters.query(), token);
        if (answer.succeeded()) {
            List<Map<String, Object>> partnerships = services.get("ngo-service", "/api/ngo/partnerships", token,
                    ServiceCalls.LIST, List.of()).value();
            Map<String, String> names = interventionNames(token, partnerships);
            return OutcomePages.csvDownload("drift", OperationsCsv.write(answer.body(), filters, views::label, names));
        }
        return OutcomePages.badFilter(answer)
                ? OutcomePages.plain(HttpStatus.BAD_REQUEST, outcomeViews.text("operations.csv.badFilter"))
                : OutcomePages.plain(HttpStatus.SERVICE_UNAVAILABLE, outcomeViews.text("unavailable"));
    }

    private static boolean allowed(PortalUser user) {
        return user != null && (user.caller().hasRole("STEERING_GROUP") || user.caller().hasRole("NGO_COORDINATOR")
                || user.caller().hasRole("ADMIN"));
    }

    /**
     * Intervention names by code: the suggested offers and those declined children went on to lie
     * outside the user's partnerships, so the NGO service's public catalogue names them; without it,
     * the partnerships' names, and else the codes.
     */
    private Map<String, String> interventionNames(Jwt token, List<Map<String, Object>> partnerships) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, Object> intervention : services.get("ngo-service", "/api/ngo/interventions", token,
                ServiceCalls.LIST, List.<Map<String, Object>>of()).value()) {
            if (intervention.get("code") != null && intervention.get("name") != null) {
                names.put(intervention.get("code").toString(), intervention.get("name").toString());
            }
        }
        for (Map<String, Object> partnership : partnerships) {
            if (partnership.get("interventionCode") != null && partnership.get("interventionName") != null) {
                names.putIfAbsent(partnership.get("interventionCode").toString(),
                        partnership.get("interventionName").toString());
            }
            // NGO codes and intervention codes differ, so the volunteers' NGOs are named from the same map.
            if (partnership.get("ngoCode") != null && partnership.get("ngoName") != null) {
                names.putIfAbsent(partnership.get("ngoCode").toString(), partnership.get("ngoName").toString());
            }
        }
        return names;
    }
}
