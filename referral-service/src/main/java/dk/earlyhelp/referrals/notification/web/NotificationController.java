package dk.earlyhelp.referrals.notification.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.platform.security.Caller;
import dk.earlyhelp.platform.security.CurrentCaller;
import dk.earlyhelp.referrals.notification.Notification;
import dk.earlyhelp.referrals.notification.NotificationCentre;
import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/referrals/notifications")
class NotificationController {

    private final NotificationCentre notifications;

    NotificationController(NotificationCentre notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "The caller's newest notifications about their referrals, and how many are unread")
    @GetMapping
    NotificationsResponse mine() {
        Caller caller = CurrentCaller.get();
        return new NotificationsResponse(notifications.mine(caller).stream().map(NotificationResponse::of).toList(),
                notifications.unread(caller));
    }

    @Operation(summary = "How many of the caller's notifications are unread (for the portal's menu)")
    @GetMapping("/unread")
    UnreadResponse unread() {
        return new UnreadResponse(notifications.unread(CurrentCaller.get()));
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status the ResponseEntity sets
    ResponseEntity<Void> markRead(@PathVariable String id) {
        notifications.markRead(CurrentCaller.get(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read")
    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status the ResponseEntity sets
    ResponseEntity<Void> markAllRead() {
        notifications.markAllRead(CurrentCaller.get());
        return ResponseEntity.noContent().build();
    }

    record NotificationsResponse(List<NotificationResponse> items, long unread) {
    }

    record UnreadResponse(long unread) {
    }

    /** @param mailed when the e-mail about it was sent; null if none (yet) */
    record NotificationResponse(String id, String referralId, String interventionCode, String status, String reason,
                                LocalDate expectedStart, Instant createdAt, boolean read, Instant mailed) {

        static NotificationResponse of(Notification notification) {
            return new NotificationResponse(notification.id(), notification.referralId(),
                    notification.interventionCode(), notification.status(), notification.reason(),
                    notification.expectedStart(), notification.createdAt(), notification.readAt() != null,
                    notification.mail() == null ? null : notification.mail().sentAt());
        }
    }
}
