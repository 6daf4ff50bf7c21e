package dk.earlyhelp.gateway.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * For administrators: every service's audit trail searched at once (who read, changed or was
 * refused what about which child, and when), newest first. The services keep the records and
 * each records the search; the portal only merges what they answer.
 */
@Controller
class AuditPages {

    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");
    /** Each service's search, in a fixed order (Map.of has none); the services name themselves in what they answer. */
    private static final List<Map.Entry<String, String>> SEARCHES = List.of(
            Map.entry("referral-service", "/api/referrals/audit"), Map.entry("ngo-service", "/api/ngo/audit"),
            Map.entry("consent-service", "/api/consents/audit"),
            Map.entry("measurement-service", "/api/measurements/audit"));
    private static final int SHOWN = 200;

    private final ServiceCalls services;

    AuditPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/revisionsspor")
    String search(@ModelAttribute("user") PortalUser user, @RequestParam(name = "barn", defaultValue = "") String child,
            @RequestParam(name = "aktoer", defaultValue = "") String actor,
            @RequestParam(name = "udfald", defaultValue = "") String decision,
            @RequestParam(name = "fra", defaultValue = "") String from,
            @RequestParam(name = "til", defaultValue = "") String to, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (user == null || !user.caller().hasRole("ADMIN")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return "forbidden";
        }
        Map<String, String> errors = new LinkedHashMap<>();
        UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("limit", SHOWN);
        add(query, errors, "barn", "subject", child.strip(), "[\\w-]{1,100}");
        add(query, errors, "aktoer", "actor", actor.strip(), "[\\w.@:-]{1,200}");
        add(query, errors, "udfald", "decision", decision, "PERMIT|DENY");
        LocalDate fromDay = day(from, "fra", errors);
        LocalDate toDay = day(to, "til", errors);
        if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
            errors.put("til", "audit.error.order");
        }
        if (fromDay != null) {
            query.queryParam("from", fromDay.atStartOfDay(DENMARK).toInstant());
        }
        if (toDay != null) {
            query.queryParam("to", toDay.plusDays(1).atStartOfDay(DENMARK).toInstant());
        }
        model.addAllAttributes(Map.of("child", child, "actor", actor, "decision", decision, "from", from, "to", to,
                "errors", errors));
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("entries", List.of());
            model.addAttribute("unavailable", List.of());
            return "audit";
        }
        List<Entry> entries = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        String parameters = query.build().encode().toUriString();
        for (Map.Entry<String, String> search : SEARCHES) {
            ServiceCalls.Answer<List<Map<String, Object>>> found = services.get(search.getKey(),
                    search.getValue() + parameters, PortalController.token(request), ServiceCalls.LIST, List.of());
            if (found.unavailable()) {
                unavailable.add(search.getKey());
            }
            found.value().forEach(record -> entries.add(Entry.of(record)));
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        model.addAttribute("entries", entries.size() > SHOWN ? entries.subList(0, SHOWN) : entries);
        model.addAttribute("unavailable", unavailable);
        return "audit";
    }

    private static void add(UriComponentsBuilder query, Map<String, String> errors, String field, String parameter,
            String value, String form) {
        if (value.isEmpty()) {
            return;
        }
        if (!value.matches(form)) {
            errors.put(field, "audit.error." + field);
            return;
        }
        query.queryParam(parameter, value);
    }

    private static LocalDate day(String value, String field, Map<String, String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.error.date");
            return null;
        }
    }

    /** One audit record for display. */
    public record Entry(Instant at, String time, String service, String actor, String organisation, String roles,
                        String action, String resource, String child, String categories, String purpose,
                        String consent, String decision, String traceId) {

        @SuppressWarnings("unchecked")
        static Entry of(Map<String, Object> record) {
            String resource = record.get("resourceType") + (record.get("resourceId") == null ? ""
                    : " " + record.get("resourceId"));
            return new Entry(Instant.parse(String.valueOf(record.get("at"))), Rows.time(record.get("at")),
                    (String) record.get("service"), (String) record.get("actor"), (String) record.get("organisation"),
                    (String) record.get("roles"), (String) record.get("action"), resource,
                    (String) record.get("subjectId"),
                    String.join(", ", (List<String>) record.getOrDefault("categories", List.of())),
                    (String) record.get("purpose"), (String) record.get("consent"), (String) record.get("decision"),
                    (String) record.get("traceId"));
        }
    }
}
