package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** A volunteer's own children (nobody else's) and logging a meeting with one of them. */
@Controller
class VolunteerPages {

    private static final String SERVICE = "ngo-service";

    private final ServiceCalls services;

    VolunteerPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/mine-boern")
    String children(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (!allowed(user)) {
            return "forbidden";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> children = services.get(SERVICE, "/api/ngo/my-children",
                PortalController.token(request), ServiceCalls.LIST, List.of());
        List<Child> own = children.value().stream().map(Child::of).toList();
        model.addAttribute("children", own);
        // Each child's questionnaires, so nothing due is forgotten; the one who delivers answers with the child.
        Map<String, Map<String, Object>> checklists = new LinkedHashMap<>();
        own.forEach(child -> checklists.put(child.referralId(),
                QuestionnairePages.checklist(services, child.referralId(), request)));
        model.addAttribute("checklists", checklists);
        ServiceCalls.Answer<List<Map<String, Object>>> groups = services.get(SERVICE, "/api/ngo/my-groups",
                PortalController.token(request), ServiceCalls.LIST, List.of());
        model.addAttribute("groups", groups.value().stream().map(LedGroup::of).toList());
        model.addAttribute("canAnswer", List.of("VOLUNTEER"));
        model.addAttribute("unavailable", children.unavailable());
        model.addAttribute("today", LocalDate.now(ZoneId.of("Europe/Copenhagen")).toString());
        return "my-children";
    }

    @PostMapping("/mine-boern/{referralId}/moede")
    String logMeeting(@ModelAttribute("user") PortalUser user, @PathVariable String referralId,
            @RequestParam Map<String, String> fields, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        Map<String, Object> meeting = new LinkedHashMap<>();
        meeting.put("referralId", referralId);
        ReferralForm.put(meeting, "heldOn", fields.get("heldOn"));
        String minutes = fields.getOrDefault("minutes", "").strip();
        // A number goes as a number; anything else as given, so the service names the field.
        meeting.put("minutes", minutes.matches("\\d{1,4}") ? Integer.valueOf(minutes) : minutes);
        ReferralForm.put(meeting, "note", fields.get("note"));
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/ngo/meetings", PortalController.token(request),
                meeting);
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "volunteer.meetingLogged");
            return "redirect:/mine-boern";
        }
        model.addAttribute("meetingError", outcome.unavailable() ? "unavailable" : "volunteer.meetingError");
        model.addAttribute("meetingFor", referralId);
        model.addAttribute("meetingForm", fields);
        return children(user, request, model);
    }

    /** A group leader logs a session of a group they lead, ticking the seated children who came. */
    @PostMapping("/mine-boern/hold/{groupId}/samling")
    String logSession(@ModelAttribute("user") PortalUser user, @PathVariable String groupId,
            @RequestParam(defaultValue = "") String heldOn, @RequestParam(defaultValue = "") String minutes,
            @RequestParam(name = "present", required = false) List<String> present, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        if (!allowed(user)) {
            return "forbidden";
        }
        Map<String, Object> session = new LinkedHashMap<>();
        ReferralForm.put(session, "heldOn", heldOn);
        session.put("minutes", minutes.strip().matches("\\d{1,4}") ? Integer.valueOf(minutes.strip()) : minutes);
        session.put("present", present == null ? List.of() : present);
        ServiceCalls.Outcome outcome = services.post(SERVICE, "/api/ngo/groups/" + groupId + "/sessions",
                PortalController.token(request), session);
        if (outcome.succeeded()) {
            redirect.addFlashAttribute("notice", "volunteer.sessionLogged");
            return "redirect:/mine-boern";
        }
        model.addAttribute("sessionError", outcome.unavailable() ? "unavailable"
                : outcome.status() == 409 ? "volunteer.sessionConflict" : "volunteer.sessionError");
        model.addAttribute("sessionFor", groupId);
        return children(user, request, model);
    }

    private static boolean allowed(PortalUser user) {
        return user != null && user.caller().hasRole("VOLUNTEER");
    }

    /** A group the volunteer leads: its course, its seats (referral and age) and the sessions held. */
    public record LedGroup(String id, String interventionCode, String startDate, int sessions, List<Seat> seats,
                           List<String> held) {

        /** A seat, numbered for the attendance list (the NGO holds no names). */
        public record Seat(int number, String referralId, Integer childAge) {
        }

        @SuppressWarnings("unchecked")
        static LedGroup of(Map<String, Object> group) {
            List<Map<String, Object>> seats = (List<Map<String, Object>>) group.getOrDefault("seats", List.of());
            List<Seat> numbered = new java.util.ArrayList<>();
            for (int i = 0; i < seats.size(); i++) {
                numbered.add(new Seat(i + 1, (String) seats.get(i).get("referralId"),
                        seats.get(i).get("childAge") instanceof Number age ? age.intValue() : null));
            }
            List<String> held = ((List<Map<String, Object>>) group.getOrDefault("held", List.of())).stream()
                    .map(session -> (String) session.get("heldOn")).toList();
            return new LedGroup((String) group.get("id"), (String) group.get("interventionCode"),
                    (String) group.get("startDate"), ((Number) group.get("sessions")).intValue(), numbered, held);
        }
    }

    /**
     * One of the volunteer's children, as the NGO service tells them: no name is held there.
     *
     * @param matchedOn null for a child in a group the volunteer leads
     * @param groupId   the group, for a child in a group the volunteer leads
     */
    public record Child(String referralId, String interventionCode, String status, Integer childAge, String matchedOn,
                        String groupId, String lastMeetingOn) {

        static Child of(Map<String, Object> child) {
            return new Child((String) child.get("referralId"), (String) child.get("interventionCode"),
                    (String) child.get("status"), child.get("childAge") instanceof Number age ? age.intValue() : null,
                    (String) child.get("matchedOn"), (String) child.get("groupId"), (String) child.get("lastMeetingOn"));
        }
    }
}
