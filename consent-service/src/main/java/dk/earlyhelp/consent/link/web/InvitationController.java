package dk.earlyhelp.consent.link.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.consent.consent.Grantor;
import dk.earlyhelp.consent.consent.Invitation;
import dk.earlyhelp.consent.consent.web.InvitationResponse;
import dk.earlyhelp.consent.link.PersonalLinks;
import dk.earlyhelp.platform.security.CurrentCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Staff mail a grantor a personal link to give or refuse a draft consent. */
@RestController
@RequestMapping("/api/consents/{id}/invitations")
class InvitationController {

    private final PersonalLinks links;

    InvitationController(PersonalLinks links) {
        this.links = links;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED) // documents the status the ResponseEntity sets
    ResponseEntity<InvitationResponse> invite(@PathVariable String id, @Valid @RequestBody InviteRequest request) {
        Invitation invitation = links.invite(CurrentCaller.get(), id, request.role(), request.email(),
                request.language() == null ? "da" : request.language());
        return ResponseEntity.created(URI.create("/api/consents/" + id)).body(InvitationResponse.of(invitation));
    }

    /** The address is used for this link and its receipt only, and then forgotten. */
    record InviteRequest(@NotNull Grantor.Role role,
                         @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
                                 message = "must be an e-mail address") String email,
                         @Pattern(regexp = "da|en", message = "must be da or en") String language) {
    }
}
