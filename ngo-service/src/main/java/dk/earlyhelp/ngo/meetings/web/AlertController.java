package dk.earlyhelp.ngo.meetings.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.ngo.meetings.ContactAlert;
import dk.earlyhelp.ngo.meetings.ContactAlerts;
import dk.earlyhelp.platform.security.CurrentCaller;

/** The coordinator's alerts about mentors who have had no contact with their child for too long. */
@RestController
@RequestMapping("/api/ngo/alerts")
class AlertController {

    private final ContactAlerts alerts;

    AlertController(ContactAlerts alerts) {
        this.alerts = alerts;
    }

    /** Open no-contact alerts of the caller's NGO, the longest silence first. */
    @GetMapping
    List<AlertResponse> alerts() {
        return alerts.alerts(CurrentCaller.get()).stream().map(AlertResponse::of).toList();
    }

    /**
     * @param since            the last contact: the match, the start or the latest meeting
     * @param daysSinceContact whole days from {@code since} to today
     */
    record AlertResponse(String referralId, String interventionCode, String volunteerId, long daysSinceContact,
                         LocalDate since, Instant raisedAt) {

        static AlertResponse of(ContactAlerts.Silence silence) {
            ContactAlert alert = silence.alert();
            return new AlertResponse(alert.referralId(), alert.interventionCode(), alert.volunteerId(),
                    silence.daysSinceContact(), alert.since(), alert.raisedAt());
        }
    }
}
