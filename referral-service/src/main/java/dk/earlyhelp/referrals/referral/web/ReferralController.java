package dk.earlyhelp.referrals.referral.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.platform.security.CurrentCaller;
import dk.earlyhelp.referrals.referral.Referral;
import dk.earlyhelp.referrals.referral.ReferralManagement;
import dk.earlyhelp.referrals.referral.ReferralStatus;
import jakarta.validation.Valid;
import jakarta.validation.groups.Default;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralManagement referrals;
    private final Clock clock;

    ReferralController(ReferralManagement referrals, Clock clock) {
        this.referrals = referrals;
        this.clock = clock;
    }

    /** Creates a referral, submitted at once unless {@code submit} is false; either way it must be complete. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // documents the status the ResponseEntity sets
    ResponseEntity<ReferralResponse> create(
            @Validated({ Default.class, ReferralRequest.Complete.class }) @RequestBody ReferralRequest request) {
        return created(referrals.create(CurrentCaller.get(), request.toNewReferral(request.submitNow())));
    }

    /** Starts a draft that may still lack parts; the portal saves what the referrer types this way. */
    @PostMapping("/drafts")
    @ResponseStatus(HttpStatus.CREATED) // documents the status the ResponseEntity sets
    ResponseEntity<ReferralResponse> createDraft(@Valid @RequestBody ReferralRequest request) {
        return created(referrals.create(CurrentCaller.get(), request.toNewReferral(false)));
    }

    /** Replaces what the caller's own draft says; 409 once it has been submitted. */
    @PutMapping("/{id}")
    ReferralResponse reviseDraft(@PathVariable String id, @Valid @RequestBody ReferralRequest request) {
        return ReferralResponse.of(referrals.reviseDraft(CurrentCaller.get(), id, request.toNewReferral(false)));
    }

    @PostMapping("/{id}/submit")
    ReferralResponse submit(@PathVariable String id, @Valid @RequestBody(required = false) SubmitDraftRequest request) {
        SubmitDraftRequest given = request == null ? new SubmitDraftRequest(null, null) : request;
        return ReferralResponse.of(referrals.submit(CurrentCaller.get(), id,
                Boolean.TRUE.equals(given.confirmDuplicate()), given.overrideReason()));
    }

    @PostMapping("/{id}/withdraw")
    ReferralResponse withdraw(@PathVariable String id, @Valid @RequestBody WithdrawReferralRequest request) {
        return ReferralResponse.of(referrals.withdraw(CurrentCaller.get(), id, request.reason().strip()));
    }

    /** Whose referrals a list shows: the caller's own, or (for a team lead) the team's. */
    enum Scope { MINE, TEAM }

    /** The caller's own referrals (or a team lead's team's), newest first. */
    @GetMapping
    PageResponse<ReferralResponse> list(@RequestParam(required = false) List<ReferralStatus> status,
            @RequestParam(defaultValue = "MINE") Scope scope,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<Referral> found = scope == Scope.TEAM ? referrals.team(CurrentCaller.get(), status, page, size)
                : referrals.mine(CurrentCaller.get(), status, page, size);
        return new PageResponse<>(found.getContent().stream().map(ReferralResponse::of).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/{id}")
    ReferralResponse get(@PathVariable String id) {
        return ReferralResponse.of(referrals.get(CurrentCaller.get(), id));
    }

    private static ResponseEntity<ReferralResponse> created(Referral referral) {
        return ResponseEntity.created(URI.create("/api/referrals/" + referral.id())).body(ReferralResponse.of(referral));
    }

    /** The referrals the caller follows as another professional around the child. */
    @GetMapping("/following")
    List<ReferralResponse> following() {
        return referrals.following(CurrentCaller.get()).stream().map(ReferralResponse::of).toList();
    }

    /** The referrer lets a colleague follow the referral, under a consent in force that names the colleague's role. */
    @PostMapping("/{id}/followers")
    ReferralResponse addFollower(@PathVariable String id, @Valid @RequestBody FollowerRequest request) {
        return ReferralResponse.of(referrals.addFollower(CurrentCaller.get(), id, request.email(), request.role()));
    }

    @DeleteMapping("/{id}/followers/{email}")
    ReferralResponse removeFollower(@PathVariable String id, @PathVariable String email) {
        return ReferralResponse.of(referrals.removeFollower(CurrentCaller.get(), id, email));
    }

    /** Asks the consent service again for a referral that waits for consent; it goes to the NGO if the consent is there. */
    @PostMapping("/{id}/consent-check")
    ReferralResponse recheckConsent(@PathVariable String id) {
        return ReferralResponse.of(referrals.recheckConsent(CurrentCaller.get(), id));
    }

    /** A sent referral as the NGO that delivers the offer reads it, as far as the consent allows now; never the CPR number. */
    @GetMapping("/{id}/for-ngo")
    NgoReferralResponse forNgo(@PathVariable String id) {
        return NgoReferralResponse.of(referrals.forNgo(CurrentCaller.get(), id), clock);
    }

    /** One page of a list. */
    record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }
}
