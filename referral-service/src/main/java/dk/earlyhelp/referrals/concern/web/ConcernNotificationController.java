package dk.earlyhelp.referrals.concern.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.platform.security.CurrentCaller;
import dk.earlyhelp.referrals.concern.ConcernNotification;
import dk.earlyhelp.referrals.concern.ConcernNotifications;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Notifications of concern: raised by the NGO on a referral, read by the municipality; never changed or deleted. */
@RestController
@RequestMapping("/api/referrals")
class ConcernNotificationController {

    private final ConcernNotifications notifications;

    ConcernNotificationController(ConcernNotifications notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "The NGO delivering the referral notifies the child's municipality of a concern, "
            + "whatever the consent says")
    @PostMapping("/{id}/concern-notifications")
    @ResponseStatus(HttpStatus.CREATED) // documents the status the ResponseEntity sets
    ResponseEntity<Receipt> raise(@PathVariable String id, @Valid @RequestBody RaiseRequest request) {
        ConcernNotification notification = notifications.raise(CurrentCaller.get(), id, request.description(),
                request.urgent());
        // The NGO gets a receipt only: what it wrote is the municipality's to read.
        return ResponseEntity.created(URI.create("/api/referrals/concern-notifications/" + notification.id()))
                .body(new Receipt(notification.id(), notification.municipalityCode(), notification.raisedAt()));
    }

    @Operation(summary = "The notifications of concern the caller may read: a caseworker or team lead all of the "
            + "municipality's, others those about children they referred")
    @GetMapping("/concern-notifications")
    List<ConcernNotificationResponse> readable() {
        return notifications.readable(CurrentCaller.get(), null).stream().map(ConcernNotificationResponse::of).toList();
    }

    @Operation(summary = "The notifications of concern about one referral that the caller may read")
    @GetMapping("/{id}/concern-notifications")
    List<ConcernNotificationResponse> aboutReferral(@PathVariable String id) {
        return notifications.readable(CurrentCaller.get(), id).stream().map(ConcernNotificationResponse::of).toList();
    }

    /** What the NGO writes. */
    record RaiseRequest(@NotBlank @Size(max = 4000) String description, @NotNull Boolean urgent) {
    }

    record Receipt(String id, String municipalityCode, Instant raisedAt) {
    }

    record ConcernNotificationResponse(String id, String referralId, String interventionCode, String ngoCode,
                                       String raisedByRole, Instant raisedAt, boolean urgent, String description) {

        static ConcernNotificationResponse of(ConcernNotification notification) {
            return new ConcernNotificationResponse(notification.id(), notification.referralId(),
                    notification.interventionCode(), notification.ngoCode(), notification.raisedByRole(),
                    notification.raisedAt(), notification.urgent(), notification.description());
        }
    }
}
