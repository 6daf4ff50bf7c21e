package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * "Find et tilbud": the offers of the user's municipality for a child's age, gender, concerns and
 * type of help, best fit first ("help me choose"), each with its live capacity and expected start.
 */
@Controller
class OfferPages {

    private final ServiceCalls services;
    private final OfferViews views;

    OfferPages(ServiceCalls services, OfferViews views) {
        this.services = services;
        this.views = views;
    }

    /** The search as the user filled it in; kept so the form shows it again with the results. */
    public record Search(String age, String gender, List<String> concerns, String type, String specialSupport) {

        public boolean hasConcern(String code) {
            return concerns.contains(code);
        }
    }

    @GetMapping("/tilbud")
    String search(@ModelAttribute("user") PortalUser user, @RequestParam(name = "alder", required = false) String age,
            @RequestParam(name = "koen", required = false) String gender,
            @RequestParam(name = "bekymring", required = false) List<String> concerns,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "saerligStoette", required = false) String specialSupport,
            HttpServletRequest request, Model model) {
        if (user == null || !user.caller().hasRole("MUNICIPAL_STAFF")) {
            return "forbidden";
        }
        Search search = new Search(age, gender, concerns == null ? List.of() : concerns, type, specialSupport);
        model.addAttribute("search", search);
        model.addAttribute("concernCodes", ReferralPages.CONCERNS);
        if (age != null && !age.isBlank() && (!age.strip().matches("\\d{1,2}") || Integer.parseInt(age.strip()) > 25)) {
            model.addAttribute("ageError", true);
            model.addAttribute("offers", List.of());
            return "offers";
        }
        UriComponentsBuilder query = UriComponentsBuilder.fromPath("/api/referrals/offers");
        addIfGiven(query, "age", age);
        addIfGiven(query, "gender", gender);
        addIfGiven(query, "type", type);
        addIfGiven(query, "specialSupportMeasure", specialSupport);
        search.concerns().forEach(concern -> query.queryParam("concerns", concern));
        ServiceCalls.Answer<List<Map<String, Object>>> offers = services.get("referral-service",
                query.build().encode().toUriString(), PortalController.token(request), ServiceCalls.LIST, List.of());
        model.addAttribute("offers", offers.value().stream().map(views::card).toList());
        model.addAttribute("unavailable", offers.unavailable());
        return "offers";
    }

    private static void addIfGiven(UriComponentsBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.queryParam(name, value.strip());
        }
    }
}
