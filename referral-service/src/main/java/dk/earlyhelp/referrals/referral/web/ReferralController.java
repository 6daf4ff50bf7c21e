package dk.earlyhelp.referrals.referral.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.platform.security.CurrentCaller;
import dk.earlyhelp.referrals.referral.Referral;
import dk.earlyhelp.referrals.referral.ReferralManagement;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final ReferralManagement referrals;

    ReferralController(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    @PostMapping
    ResponseEntity<ReferralResponse> submit(@Valid @RequestBody SubmitReferralRequest request) {
        Referral referral = referrals.submit(CurrentCaller.get(), request.toNewReferral());
        return ResponseEntity.created(URI.create("/api/referrals/" + referral.id())).body(ReferralResponse.of(referral));
    }

    @GetMapping
    List<ReferralResponse> mine() {
        return referrals.mine(CurrentCaller.get()).stream().map(ReferralResponse::of).toList();
    }

    @GetMapping("/{id}")
    ReferralResponse get(@PathVariable String id) {
        return ReferralResponse.of(referrals.get(CurrentCaller.get(), id));
    }
}
