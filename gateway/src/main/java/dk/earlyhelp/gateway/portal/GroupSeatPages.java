package dk.earlyhelp.gateway.portal;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Seats in group courses: the coordinator sees the intervention's coming groups with their free
 * seats on an accepted or waitlisted child's page and gives the child a seat; the NGO service
 * never overbooks and checks the group's age band.
 */
@Controller
class GroupSeatPages {

    private static final String SERVICE = "ngo-service";

    private final ServiceCalls services;
    private final InboxPages inboxPages;

    GroupSeatPages(ServiceCalls services, InboxPages inboxPages) {
        this.services = services;
        this.inboxPages = inboxPages;
    }

    @PostMapping("/indbakke/{referralId}/plads")
    String placeChild(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @RequestParam(defaultValue = "") String groupId, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (user == null || !user.caller().hasRole("NGO_COORDINATOR")) {
            return "forbidden";
        }
        if (!groupId.matches("[A-Za-z0-9_-]{1,100}")) {
            model.addAttribute("seatError", "groups.error.choose");
            return inboxPages.show(user, referralId, request, model);
        }
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/ngo/groups/" + groupId + "/seats",
                PortalController.token(request), Map.of("referralId", referralId));
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "groups.placed");
            return "redirect:/indbakke/" + referralId;
        }
        model.addAttribute("seatError", outcome.unavailable() ? "unavailable"
                : outcome.status() == 409 ? "groups.error.full" : "groups.error.notFitting");
        model.addAttribute("seatDetail", outcome.body().get("detail"));
        return inboxPages.show(user, referralId, request, model);
    }

    /** A group course as the coordinator chooses among them. */
    public record Group(String id, String startDate, int sessions, int ageMin, int ageMax, int sizeLimit,
                        int freeSeats) {

        static Group of(Map<String, Object> group) {
            return new Group((String) group.get("id"), String.valueOf(group.get("startDate")),
                    number(group, "sessions"), number(group, "ageMin"), number(group, "ageMax"),
                    number(group, "sizeLimit"), number(group, "freeSeats"));
        }

        private static int number(Map<String, Object> group, String field) {
            return group.get(field) instanceof Number number ? number.intValue() : 0;
        }
    }
}
