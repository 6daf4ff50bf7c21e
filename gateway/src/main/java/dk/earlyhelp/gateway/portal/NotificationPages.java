package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/** "Notifikationer": the news about the user's referrals, newest first, unread ones marked. */
@Controller
class NotificationPages {

    private final ServiceCalls services;

    NotificationPages(ServiceCalls services) {
        this.services = services;
    }

    /** One notification as the page shows it. */
    public record NotificationRow(String referralId, String interventionCode, String status, String reason,
                                  String expectedStart, String at, boolean read, boolean mailed) {
    }

    @GetMapping("/notifikationer")
    String list(@ModelAttribute("user") PortalUser user, HttpServletRequest request, Model model) {
        if (user == null || !user.caller().hasRole("MUNICIPAL_STAFF")) {
            return "forbidden";
        }
        ServiceCalls.Answer<Map<String, Object>> answer = services.get("referral-service",
                "/api/referrals/notifications", PortalController.token(request), ServiceCalls.OBJECT,
                Map.of("items", List.of()));
        model.addAttribute("notifications", Rows.items(answer.value()).stream().map(NotificationPages::row).toList());
        model.addAttribute("unavailable", answer.unavailable());
        return "notifications";
    }

    @PostMapping("/notifikationer/laest")
    String markAllRead(@ModelAttribute("user") PortalUser user, HttpServletRequest request,
            RedirectAttributes redirect) {
        if (user == null || !user.caller().hasRole("MUNICIPAL_STAFF")) {
            return "forbidden";
        }
        ServiceCalls.Outcome outcome = services.post("referral-service", "/api/referrals/notifications/read",
                PortalController.token(request), Map.of());
        redirect.addFlashAttribute("notice", outcome.succeeded() ? "notifications.allRead" : "unavailable");
        return "redirect:/notifikationer";
    }

    private static NotificationRow row(Map<String, Object> notification) {
        Object expected = notification.get("expectedStart");
        return new NotificationRow((String) notification.get("referralId"),
                (String) notification.get("interventionCode"), (String) notification.get("status"),
                (String) notification.get("reason"),
                expected == null ? null : LocalDate.parse(expected.toString()).format(DateTimeFormatter.ofPattern("dd-MM-yyyy")),
                Rows.time(notification.get("createdAt")),
                Boolean.TRUE.equals(notification.get("read")), notification.get("mailed") != null);
    }
}
