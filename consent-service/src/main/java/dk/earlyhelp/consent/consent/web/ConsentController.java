package dk.earlyhelp.consent.consent.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.ConsentManagement;
import dk.earlyhelp.consent.consent.ConsentRules;
import dk.earlyhelp.consent.consent.DataCategory;
import dk.earlyhelp.consent.consent.Decision;
import dk.earlyhelp.consent.consent.Grantor;
import dk.earlyhelp.consent.consent.Purpose;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/consents")
class ConsentController {

    private final ConsentManagement consents;

    ConsentController(ConsentManagement consents) {
        this.consents = consents;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // documents the status the ResponseEntity sets
    @ApiResponse(responseCode = "201", description = "the consent, recorded as a draft")
    @ApiResponse(responseCode = "404", description = "a coordinator: no child their NGO registered with this pseudonym")
    ResponseEntity<ConsentResponse> record(@Valid @RequestBody RecordConsentRequest request) {
        Consent consent = consents.record(CurrentCaller.get(), request.toNewConsent());
        return ResponseEntity.created(URI.create("/api/consents/" + consent.id())).body(response(consent));
    }

    /** The child's consents in the caller's municipality, newest first. */
    @GetMapping(params = "childId")
    List<ConsentResponse> ofChild(@RequestParam String childId) {
        return consents.ofChild(CurrentCaller.get(), childId).stream().map(this::response).toList();
    }

    /**
     * The children NGOs registered in the caller's municipality whose parents let the NGO tell the
     * municipality, under a consent in force today; the others are not listed.
     */
    @GetMapping("/registered-children")
    List<RegisteredChildResponse> registeredChildren() {
        return consents.registeredChildren(CurrentCaller.get()).stream().map(RegisteredChildResponse::of).toList();
    }

    /** A grantor's consent; on an active consent, the young person's own (from 15 it is needed). */
    @PostMapping("/{id}/grantors")
    ConsentResponse grant(@PathVariable String id, @Valid @RequestBody GrantRequest request) {
        return response(consents.grant(CurrentCaller.get(), id, request.role(), request.method(),
                request.purposes(), request.categories()));
    }

    /** A grantor told staff they refuse a consent that was not yet active (or, the young person, one without theirs). */
    @PostMapping("/{id}/refusals")
    ConsentResponse refuse(@PathVariable String id, @Valid @RequestBody RefusalRequest request) {
        return response(consents.refuse(CurrentCaller.get(), id, request.role()));
    }

    @PostMapping("/{id}/withdraw")
    ConsentResponse withdraw(@PathVariable String id) {
        return response(consents.withdraw(CurrentCaller.get(), id));
    }

    @GetMapping("/{id}")
    ConsentResponse get(@PathVariable String id) {
        return response(consents.get(CurrentCaller.get(), id));
    }

    /** The consent's versions, oldest first, and its erasure confirmations (administrators). */
    @GetMapping("/{id}/history")
    ConsentHistoryResponse history(@PathVariable String id) {
        return ConsentHistoryResponse.of(consents.history(CurrentCaller.get(), id));
    }

    /** The rules every decision applies, as set now (read-only: they are settings of the service). */
    @GetMapping("/settings")
    SettingsResponse settings() {
        ConsentRules rules = consents.rules();
        return new SettingsResponse(rules.allCustodyHolders(), rules.youngPersonFrom(), rules.adultAt());
    }

    /** Permit or deny one use of information about a child; every answer is audited. */
    @GetMapping("/decision")
    Decision decide(@RequestParam String childId, @RequestParam(required = false) String ngo,
            @RequestParam Purpose purpose, @RequestParam Set<DataCategory> categories) {
        return consents.decide(CurrentCaller.get(), childId, ngo, purpose, categories);
    }

    /** Permit or deny that a professional of this role in the caller's municipality follows the child's referrals. */
    @GetMapping("/follower-decision")
    Decision mayFollow(@RequestParam String childId, @RequestParam String role) {
        if (!role.matches("[A-Z_]{2,40}")) {
            throw ProblemException.invalidField("role", "must be a role code");
        }
        return consents.mayFollow(CurrentCaller.get(), childId, role);
    }

    /**
     * A consent as the professional recorded it from the signed or spoken consent.
     *
     * @param youngPersonRequired whether the young person must consent too; stands in for the age rule only
     *                            while {@code childBirthDate} is not given
     * @param childBirthDate      the child's birth date from the referral; decides the age rule on every day asked
     * @param followerRoles       the professionals around the child, by staff role, whom the custody holders let
     *                            follow the referral
     */
    record RecordConsentRequest(
            @NotBlank @Pattern(regexp = "[0-9a-f-]{36}", message = "must be the child's pseudonymous id") String childId,
            @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a referral id") String referralId,
            List<@Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be an NGO code") String> grantees,
            @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be an intervention code") String interventionCode,
            Set<Purpose> purposes,
            Set<DataCategory> categories,
            LocalDate validFrom,
            LocalDate validUntil,
            @Min(1) @Max(2) Integer custodyHoldersRequired,
            Boolean youngPersonRequired,
            @NotBlank @Size(max = 40) String textVersion,
            LocalDate childBirthDate,
            @Size(max = 10) List<@Pattern(regexp = "[A-Z_]{2,40}", message = "must be a role code") String> followerRoles) {

        ConsentManagement.NewConsent toNewConsent() {
            return new ConsentManagement.NewConsent(childId, childBirthDate, referralId, grantees, interventionCode, purposes,
                    categories, validFrom, validUntil, custodyHoldersRequired == null ? 2 : custodyHoldersRequired,
                    youngPersonRequired != null && youngPersonRequired, textVersion,
                    followerRoles == null ? List.of() : followerRoles);
        }
    }

    private ConsentResponse response(Consent consent) {
        return ConsentResponse.of(consent, consents.standing(consent));
    }

    /** One grantor's consent, as it was given; without ticks, to everything the consent names. */
    record GrantRequest(@NotNull Grantor.Role role, @NotNull Grantor.Method method, Set<Purpose> purposes,
                        Set<DataCategory> categories) {
    }

    record RefusalRequest(@NotNull Grantor.Role role) {
    }

    /**
     * {@code earlyhelp.consent.rules}, as the decisions apply them.
     *
     * @param youngPersonFrom null when the young person's co-consent is switched off
     */
    record SettingsResponse(boolean allCustodyHolders, Integer youngPersonFrom, int adultAt) {
    }
}
