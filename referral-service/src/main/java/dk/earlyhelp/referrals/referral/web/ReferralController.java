package dk.earlyhelp.referrals.referral.web;

import java.net.URI;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.platform.security.CurrentCaller;
import dk.earlyhelp.referrals.referral.Referral;
import dk.earlyhelp.referrals.referral.ReferralManagement;
import dk.earlyhelp.referrals.referral.ReferralStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralManagement referrals;

    ReferralController(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @PostMapping
    ResponseEntity<ReferralResponse> create(@Valid @RequestBody SubmitReferralRequest request) {
        Referral referral = referrals.create(CurrentCaller.get(), request.toNewReferral());
        return ResponseEntity.created(URI.create("/api/referrals/" + referral.id())).body(ReferralResponse.of(referral));
    }

    @PostMapping("/{id}/submit")
    ReferralResponse submit(@PathVariable String id) {
        return ReferralResponse.of(referrals.submit(CurrentCaller.get(), id));
    }

    @PostMapping("/{id}/withdraw")
    ReferralResponse withdraw(@PathVariable String id, @Valid @RequestBody WithdrawReferralRequest request) {
        return ReferralResponse.of(referrals.withdraw(CurrentCaller.get(), id, request.reason().strip()));
    }

    /** The caller's own referrals, newest first. */
    @GetMapping
    PageResponse<ReferralResponse> mine(@RequestParam(required = false) List<ReferralStatus> status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<Referral> found = referrals.mine(CurrentCaller.get(), status, page, size);
        return new PageResponse<>(found.getContent().stream().map(ReferralResponse::of).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements(), found.getTotalPages());
    }

    @GetMapping("/{id}")
    ReferralResponse get(@PathVariable String id) {
        return ReferralResponse.of(referrals.get(CurrentCaller.get(), id));
    }

    /** One page of a list. */
    record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
    }
}
