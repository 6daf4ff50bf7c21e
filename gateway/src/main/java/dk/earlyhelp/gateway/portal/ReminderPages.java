package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Overdue questionnaires, as reminders for whoever must see to them: a coordinator sees all of the
 * NGO's, a volunteer those of the children they are with (measurement-service decides which). Each
 * links to the questionnaire, so a volunteer who takes over a child finds what is still missing.
 */
@Controller
class ReminderPages {

    private static final String SERVICE = "measurement-service";

    private final ServiceCalls services;

    ReminderPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/paamindelser")
    String list(@ModelAttribute("user") PortalUser user, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (user == null || !(user.caller().hasRole("NGO_COORDINATOR") || user.caller().hasRole("VOLUNTEER"))) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return "forbidden";
        }
        ServiceCalls.Answer<List<Map<String, Object>>> reminders = services.get(SERVICE,
                "/api/measurements/reminders", PortalController.token(request), ServiceCalls.LIST, List.of());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("reminders", reminders.value().stream().map(reminder -> Reminder.of(reminder, locale)).toList());
        model.addAttribute("unavailable", reminders.unavailable());
        model.addAttribute("coordinator", user.caller().hasRole("NGO_COORDINATOR"));
        return "reminders";
    }

    /** One overdue questionnaire as the page shows it; the due day in words of the page's language. */
    public record Reminder(String referralId, String intervention, String kind, String responsible,
                           String dueOn) {

        static Reminder of(Map<String, Object> reminder, Locale locale) {
            String dueOn = String.valueOf(reminder.get("dueOn"));
            try {
                dueOn = LocalDate.parse(dueOn).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
            } catch (DateTimeParseException notADay) {
                // Shown as it came.
            }
            return new Reminder(String.valueOf(reminder.get("referralId")),
                    String.valueOf(reminder.get("intervention")), String.valueOf(reminder.get("kind")),
                    String.valueOf(reminder.get("responsible")), dueOn);
        }
    }
}
