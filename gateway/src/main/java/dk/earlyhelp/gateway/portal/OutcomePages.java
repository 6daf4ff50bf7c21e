package dk.earlyhelp.gateway.portal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The steering group's outcome dashboard: figures of their partnerships, filtered, drawn and
 * printable, and the same figures as CSV. Aggregates only, never an individual child: the
 * measurement service scopes and suppresses, the portal shows what it answers.
 */
@Controller
class OutcomePages {

    private static final String SERVICE = "measurement-service";
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final ServiceCalls services;
    private final OutcomeViews views;

    OutcomePages(ServiceCalls services, OutcomeViews views) {
        this.services = services;
        this.views = views;
    }

    @GetMapping("/resultater")
    String outcomes(@ModelAttribute("user") PortalUser user, @RequestParam Map<String, String> parameters,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!allowed(user)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "forbidden";
        }
        OutcomeFilters filters = OutcomeFilters.of(parameters);
        Jwt token = PortalController.token(request);
        List<Map<String, Object>> partnerships = services.get("ngo-service", "/api/ngo/partnerships", token,
                ServiceCalls.LIST, List.of()).value();
        OutcomeViews.FilterOptions options = views.options(user.caller(), partnerships, filters);
        model.addAttribute("filters", filters);
        model.addAttribute("options", options);
        model.addAttribute("applied", views.applied(filters, options));
        model.addAttribute("generatedOn", views.date(LocalDate.now(DANISH).toString()));
        model.addAttribute("csvHref", "/resultater.csv" + filters.query());

        Map<String, String> errors = new LinkedHashMap<>();
        filters.dateErrors().forEach((field, key) -> errors.put(field, views.text(key)));
        OutcomeViews.Dashboard dashboard = null;
        boolean unavailable = false;
        if (errors.isEmpty()) {
            ServiceCalls.Outcome answer = services.fetch(SERVICE, "/api/outcomes" + filters.query(), token);
            if (answer.succeeded()) {
                Map<String, String> names = options.interventions().stream()
                        .collect(Collectors.toMap(OutcomeViews.Option::value, OutcomeViews.Option::label));
                dashboard = views.dashboard(answer.body(), filters, names);
            } else if (badFilter(answer)) {
                errors.putAll(filterErrors(answer, OutcomeFilters.NAMES, field -> "outcomes.error.filter", views));
            } else {
                unavailable = true;
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("unavailable", unavailable);
        model.addAttribute("filtered", !filters.given().isEmpty());
        return "outcomes";
    }

    /** The page's figures as a CSV download; the same filters and the same access rule. */
    @GetMapping("/resultater.csv")
    ModelAndView csv(@ModelAttribute("user") PortalUser user, @RequestParam Map<String, String> parameters,
            HttpServletRequest request) {
        if (!allowed(user)) {
            return new ModelAndView("forbidden", HttpStatus.FORBIDDEN);
        }
        OutcomeFilters filters = OutcomeFilters.of(parameters);
        if (!filters.dateErrors().isEmpty()) {
            return plain(HttpStatus.BAD_REQUEST, views.text("outcomes.csv.badFilter"));
        }
        ServiceCalls.Outcome answer = services.fetch(SERVICE, "/api/outcomes" + filters.query(),
                PortalController.token(request));
        if (answer.succeeded()) {
            return csvDownload("resultater", OutcomeCsv.write(answer.body(), filters, views.dimensionNames()));
        }
        return badFilter(answer) ? plain(HttpStatus.BAD_REQUEST, views.text("outcomes.csv.badFilter"))
                : plain(HttpStatus.SERVICE_UNAVAILABLE, views.text("unavailable"));
    }

    private static boolean allowed(PortalUser user) {
        return user != null && (user.caller().hasRole("STEERING_GROUP") || user.caller().hasRole("ADMIN"));
    }

    static boolean badFilter(ServiceCalls.Outcome answer) {
        return !answer.unavailable() && answer.status() == HttpStatus.BAD_REQUEST.value();
    }

    /**
     * A 400 problem from the service, as messages for the form: at the filter it names (one of
     * {@code names}, with the message {@code messageKey} gives for it), or for the whole form with the
     * service's own words when it names none. Shared with the operations dashboard.
     */
    static Map<String, String> filterErrors(ServiceCalls.Outcome answer, Collection<String> names,
            Function<String, String> messageKey, OutcomeViews views) {
        Map<String, String> errors = new LinkedHashMap<>();
        answer.fieldErrors().keySet().stream().filter(names::contains)
                .forEach(field -> errors.put(field, views.text(messageKey.apply(field))));
        if (errors.isEmpty()) {
            Object detail = answer.body().get("detail");
            errors.put("form", views.text("outcomes.error.general") + (detail == null ? ""
                    : " " + views.text("outcomes.error.detail", detail)));
        }
        return errors;
    }

    /** A dashboard's figures as a CSV download named after the page and today. */
    static ModelAndView csvDownload(String fileStem, String csv) {
        // The byte order mark makes spreadsheet programs read the file as UTF-8 (æ, ø, å).
        byte[] body = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        String disposition = ContentDisposition.attachment()
                .filename(fileStem + "-" + LocalDate.now(DANISH) + ".csv").build().toString();
        return new ModelAndView(content(HttpStatus.OK, "text/csv; charset=UTF-8", body, disposition));
    }

    static ModelAndView plain(HttpStatus status, String text) {
        return new ModelAndView(content(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8),
                null));
    }

    static View content(HttpStatus status, String contentType, byte[] body, String disposition) {
        return new View() {
            @Override
            public String getContentType() {
                return contentType;
            }

            @Override
            public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                    throws java.io.IOException {
                response.setStatus(status.value());
                response.setContentType(contentType);
                if (disposition != null) {
                    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
                }
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        };
    }
}
