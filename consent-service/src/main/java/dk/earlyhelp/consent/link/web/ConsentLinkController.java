package dk.earlyhelp.consent.link.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.DataCategory;
import dk.earlyhelp.consent.consent.Grantor;
import dk.earlyhelp.consent.consent.Invitation;
import dk.earlyhelp.consent.consent.Purpose;
import dk.earlyhelp.consent.link.PersonalLink;
import dk.earlyhelp.consent.link.PersonalLinks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The custody holder's (or young person's) side of a personal link, without an account: the
 * link's secret in the path is the only authentication ({@code earlyhelp.security.public-paths}).
 */
@RestController
@RequestMapping("/api/consent-links/{token}")
class ConsentLinkController {

    private final PersonalLinks links;

    ConsentLinkController(PersonalLinks links) {
        this.links = links;
    }

    @GetMapping
    ConsentLinkResponse open(@PathVariable String token) {
        return ConsentLinkResponse.of(links.open(token));
    }

    /** Give (with what is ticked) or refuse, through a link to give. */
    @PostMapping
    ConsentLinkResponse answer(@PathVariable String token, @Valid @RequestBody AnswerRequest request) {
        return ConsentLinkResponse.of(links.answer(token, request.decision() == Decision.GIVE, request.purposes(),
                request.categories()));
    }

    @PostMapping("/withdraw")
    ConsentLinkResponse withdraw(@PathVariable String token) {
        return ConsentLinkResponse.of(links.withdraw(token));
    }

    enum Decision { GIVE, REFUSE }

    /** For GIVE, the purposes and categories ticked; unticking referral and delivery is a refusal. */
    record AnswerRequest(@NotNull Decision decision, Set<Purpose> purposes, Set<DataCategory> categories) {
    }

    record ConsentLinkResponse(Invitation.Kind kind, Grantor.Role role, String language, Instant expiresAt,
                               Invitation.State state, Invitation.Outcome outcome, LinkedConsent consent) {

        static ConsentLinkResponse of(PersonalLink link) {
            Invitation invitation = link.invitation();
            return new ConsentLinkResponse(invitation.kind(), invitation.role(), invitation.language(),
                    invitation.expiresAt(), link.state(), invitation.outcome(), LinkedConsent.of(link));
        }
    }

    /**
     * What the consent asks for, by name: the effective scope, as the grantors so far have narrowed it.
     *
     * @param registeredByNgo about a child the NGO registered itself: the parents sought the offer, and the
     *                        consent asks only whether the municipality may be told and answers used
     */
    record LinkedConsent(String id, String status, String municipalityCode, String ngoCode, String ngoName,
                         String interventionCode, String interventionName, Set<Purpose> purposes,
                         Set<DataCategory> categories, List<String> followerRoles, LocalDate validFrom,
                         LocalDate validUntil, String textVersion, boolean registeredByNgo) {

        static LinkedConsent of(PersonalLink link) {
            Consent consent = link.consent();
            return new LinkedConsent(consent.id(), consent.status().name(), consent.municipalityCode(),
                    link.grantee().ngoCode(), link.grantee().ngoName(), link.grantee().interventionCode(),
                    link.grantee().interventionName(), consent.effectivePurposes(), consent.effectiveCategories(),
                    consent.followerRoles(), consent.validFrom(), consent.validUntil(), consent.textVersion(),
                    consent.registeredBy() != null);
        }
    }
}
