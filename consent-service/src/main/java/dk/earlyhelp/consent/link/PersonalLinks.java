package dk.earlyhelp.consent.link;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.ConsentManagement;
import dk.earlyhelp.consent.consent.ConsentRules;
import dk.earlyhelp.consent.consent.ConsentStatus;
import dk.earlyhelp.consent.consent.ConsentStore;
import dk.earlyhelp.consent.consent.DataCategory;
import dk.earlyhelp.consent.consent.ErasureSettings;
import dk.earlyhelp.consent.consent.Grantor;
import dk.earlyhelp.consent.consent.Invitation;
import dk.earlyhelp.consent.consent.Purpose;
import dk.earlyhelp.consent.grantee.Grantee;
import dk.earlyhelp.consent.grantee.GranteeNames;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Use cases of personal links: staff mail a grantor a link; its holder reads the consent, gives
 * (with their own ticks) or refuses it, and after giving gets a receipt with a link to withdraw.
 * A link works once: its use and the change it makes are one version-guarded write of the consent.
 * Unknown secrets answer like missing links; every read and change through a link is audited
 * with the link as the actor.
 */
@Service
@EnableConfigurationProperties(LinkSettings.class)
public class PersonalLinks {

    private static final Logger log = LoggerFactory.getLogger(PersonalLinks.class);
    private static final int ATTEMPTS = 3;

    private final ConsentManagement consents;
    private final ConsentStore store;
    private final GranteeNames names;
    private final ObjectProvider<LinkMailer> mailer;
    private final LinkSettings settings;
    private final ErasureSettings erasure;
    private final ConsentRules rules;
    private final AuditTrail audit;
    private final Clock clock;

    PersonalLinks(ConsentManagement consents, ConsentStore store, GranteeNames names, ObjectProvider<LinkMailer> mailer,
            LinkSettings settings, ErasureSettings erasure, ConsentRules rules, AuditTrail audit, Clock clock) {
        this.consents = consents;
        this.store = store;
        this.names = names;
        this.mailer = mailer;
        this.settings = settings;
        this.erasure = erasure;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Mails a grantor a link to give or refuse a draft consent of the caller's municipality, or of a
     * child the coordinator's NGO registered (or the young person one to an active consent without
     * their own consent yet). Without a mail server, or when the mail cannot go, nothing is stored.
     */
    @PreAuthorize("hasAnyRole('MUNICIPAL_STAFF', 'NGO_COORDINATOR')")
    public Invitation invite(Caller caller, String consentId, Grantor.Role role, String email, String language) {
        Consent consent = consents.ownConsent(caller, consentId);
        LinkMailer mail = mailer.getIfAvailable();
        if (mail == null) {
            throw mailUnavailable("This service has no mail server configured, so it cannot send personal links.");
        }
        String token = LinkToken.create();
        Instant now = clock.instant();
        Invitation invitation = Invitation.toGive(role, LinkToken.hash(token), email.trim(), language, now,
                now.plus(settings.linkValidity()));
        inviteTo(consent, invitation);
        try {
            mail.sendInvitation(invitation, grantee(consent), consent.registeredBy() != null, token);
        } catch (MailException e) {
            log.warn("Personal link for consent {} not mailed: {}", consentId, e.getClass().getSimpleName());
            throw mailUnavailable("The mail server did not take the mail. Nothing was stored; please try again later.");
        }
        // The mail is out: store the link even if the consent changed meanwhile, while it is still a draft.
        for (int attempt = 1; ; attempt++) {
            try {
                store.saveChange(consent);
                break;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw changedMeanwhile();
                }
                consent = store.find(consentId).orElseThrow();
                inviteTo(consent, invitation);
            }
        }
        audit.record(caller, AuditRecord.Action.CREATE, "consent-invitation", invitation.id(), consent.childId());
        return invitation;
    }

    /** The link and the consent it asks about, as its holder sees them. */
    public PersonalLink open(String token) {
        String hash = hashOf(token);
        Consent consent = store.findByInvitationTokenHash(hash).orElseThrow(LinkNotFound::new);
        Invitation invitation = consent.invitationWithTokenHash(hash).orElseThrow(LinkNotFound::new);
        audit.record(holder(consent, invitation), AuditRecord.Action.READ, "consent", consent.id(), consent.childId());
        return view(consent, invitation);
    }

    /** Who holds a withdrawal link, for the access report: the consent and child it is about. */
    public record Holder(Caller caller, String consentId, String childId) {
    }

    /**
     * The holder of a withdrawal link may ask for the access report with it, also after using it
     * (a parent who withdrew may still want to know who read what), until it expires. Any other
     * link answers like an unknown one, so the secret tells nothing more.
     */
    public Holder reportHolder(String token) {
        String hash = hashOf(token);
        Consent consent = store.findByInvitationTokenHash(hash).orElseThrow(LinkNotFound::new);
        Invitation link = consent.invitationWithTokenHash(hash).orElseThrow(LinkNotFound::new);
        if (link.kind() != Invitation.Kind.WITHDRAW || link.state(clock.instant()) == Invitation.State.EXPIRED) {
            audit.record(holder(consent, link), AuditRecord.Action.DENIED, "access-report", consent.id(),
                    consent.childId());
            throw new LinkNotFound();
        }
        return new Holder(holder(consent, link), consent.id(), consent.childId());
    }

    /**
     * The holder of a link to give answers: gives with what they ticked (a subset of what the consent
     * names; both lists are required), or refuses. Giving mails a receipt with a link to withdraw.
     * The young person's refusal of an active consent ends it as a withdrawal.
     */
    public PersonalLink answer(String token, boolean give, Set<Purpose> purposes, Set<DataCategory> categories) {
        if (give && purposes == null) {
            throw ProblemException.invalidField("purposes", "must list the purposes consented to");
        }
        if (give && categories == null) {
            throw ProblemException.invalidField("categories", "must list the data categories consented to");
        }
        return use(token, Invitation.Kind.GIVE, (consent, link) -> {
            Instant now = clock.instant();
            if (give) {
                consent.grant(new Grantor(link.role(), Grantor.Method.DIGITAL, now, "personal-link", purposes,
                        categories), now, rules, erasure.confirmers());
            } else {
                consent.refuse(link.role(), now, erasure.confirmers());
            }
            boolean given = consent.status() == ConsentStatus.DRAFT || consent.status() == ConsentStatus.ACTIVE;
            consent.closeInvitation(link.id(), given ? Invitation.Outcome.GIVEN : Invitation.Outcome.REFUSED, now);
            if (!given || mailer.getIfAvailable() == null) {
                return null;
            }
            String secret = LinkToken.create();
            return new Receipt(consent.offerWithdrawal(link.id(), LinkToken.hash(secret), now), secret);
        });
    }

    /** The holder of a link to withdraw withdraws the consent; it takes effect at once. */
    public PersonalLink withdraw(String token) {
        return use(token, Invitation.Kind.WITHDRAW, (consent, link) -> {
            Instant now = clock.instant();
            consent.withdraw(now, erasure.confirmers(), link.role());
            consent.closeInvitation(link.id(), Invitation.Outcome.WITHDRAWN, now);
            return null;
        });
    }

    /**
     * Applies the link's change and marks it used in one guarded write; a concurrent change is
     * retried on the fresh consent, where a second use of the link finds it used.
     *
     * @param change returns the withdrawal link to mail, or null
     */
    private PersonalLink use(String token, Invitation.Kind kind, BiFunction<Consent, Invitation, Receipt> change) {
        String hash = hashOf(token);
        for (int attempt = 1; ; attempt++) {
            Consent consent = store.findByInvitationTokenHash(hash).orElseThrow(LinkNotFound::new);
            Invitation link = consent.invitationWithTokenHash(hash).orElseThrow(LinkNotFound::new);
            Caller holder = holder(consent, link);
            Receipt receipt;
            consent.changedBy("personal-link:" + link.role());
            try {
                usable(link, kind);
                receipt = change.apply(consent, link);
                consent.forgetUnneededEmails(clock.instant());
                store.saveChange(consent);
            } catch (ProblemException e) {
                audit.record(holder, AuditRecord.Action.DENIED, "consent", consent.id(), consent.childId());
                throw e;
            } catch (Consent.IllegalState e) {
                audit.record(holder, AuditRecord.Action.DENIED, "consent", consent.id(), consent.childId());
                throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now", e.getMessage());
            } catch (Consent.OutsideScope e) {
                throw ProblemException.invalidField(e.field(), "must be among those the consent names");
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw changedMeanwhile();
                }
                continue;
            }
            audit.record(holder, AuditRecord.Action.UPDATE, "consent", consent.id(), consent.childId());
            if (receipt != null) {
                consent = mailWithdrawalLink(consent.id(), receipt.withdrawal().id(), receipt.token());
            }
            return view(consent, consent.invitationWithTokenHash(hash).orElseThrow());
        }
    }

    private void usable(Invitation link, Invitation.Kind kind) {
        if (link.kind() != kind) {
            throw new ProblemException(HttpStatus.CONFLICT, "wrong-link", "Not this link",
                    link.kind() == Invitation.Kind.GIVE ? "This link is for giving or refusing consent."
                            : "This link is for withdrawing consent.");
        }
        switch (link.state(clock.instant())) {
            case USED -> throw new ProblemException(HttpStatus.CONFLICT, "link-used", "Link already used",
                    "This personal link has been used and works only once.");
            case EXPIRED -> throw new ProblemException(HttpStatus.GONE, "link-expired", "Link expired",
                    "This personal link has expired. Ask the municipality for a new one.");
            case OPEN -> {
            }
        }
    }

    /**
     * Mails the receipt with the withdrawal link and then forgets the address. A failure leaves the
     * address for {@link #retryUnsentWithdrawalLinks()}, which tries again with a new secret.
     */
    private Consent mailWithdrawalLink(String consentId, String invitationId, String token) {
        Consent consent = store.find(consentId).orElseThrow();
        Invitation withdrawal = consent.invitations().stream().filter(i -> i.id().equals(invitationId)).findFirst()
                .orElseThrow();
        LinkMailer mail = mailer.getIfAvailable();
        if (mail == null || withdrawal.email() == null) {
            return consent;
        }
        try {
            mail.sendConfirmation(withdrawal, grantee(consent), consent.validUntil(), token);
        } catch (MailException e) {
            log.warn("Withdrawal link for consent {} not mailed (attempt {}): {}", consentId, withdrawal.mailAttempts(),
                    e.getClass().getSimpleName());
            return consent;
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                consent.confirmationSent(invitationId, clock.instant());
                store.saveChange(consent);
                return consent;
            } catch (OptimisticLockingFailureException e) {
                consent = store.find(consentId).orElseThrow();
            }
        }
        return consent;
    }

    /** Tries again to mail withdrawal links whose mail failed, each with a new secret. */
    @Scheduled(fixedDelayString = "${earlyhelp.consent.mail-interval:60s}")
    void retryUnsentWithdrawalLinks() {
        if (mailer.getIfAvailable() == null) {
            return;
        }
        Instant now = clock.instant();
        for (Consent consent : store.withUnsentWithdrawalLinks(now.minus(settings.mailRetry()))) {
            consent.invitations().stream()
                    .filter(invitation -> invitation.kind() == Invitation.Kind.WITHDRAW && invitation.sentAt() == null
                            && invitation.email() != null && invitation.state(now) == Invitation.State.OPEN
                            && invitation.mailAttempts() < Invitation.MAX_MAIL_ATTEMPTS)
                    .findFirst()
                    .ifPresent(invitation -> {
                        String token = LinkToken.create();
                        try {
                            consent.renewWithdrawalLink(invitation.id(), LinkToken.hash(token), now);
                            store.saveChange(consent);
                        } catch (OptimisticLockingFailureException e) {
                            return; // changed meanwhile: the next round looks again
                        }
                        mailWithdrawalLink(consent.id(), invitation.id(), token);
                    });
        }
    }

    /** Forgets e-mail addresses of links that expired or can no longer be used. */
    @Scheduled(fixedDelayString = "${earlyhelp.consent.mail-interval:60s}")
    void forgetUnneededEmails() {
        Instant now = clock.instant();
        for (Consent consent : store.withEmails()) {
            if (consent.forgetUnneededEmails(now)) {
                try {
                    store.saveChange(consent);
                } catch (OptimisticLockingFailureException e) {
                    // changed meanwhile: the next round looks again
                }
            }
        }
    }

    private void inviteTo(Consent consent, Invitation invitation) {
        try {
            consent.invite(invitation);
        } catch (Consent.IllegalState e) {
            throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition", "Not possible now", e.getMessage());
        }
    }

    private PersonalLink view(Consent consent, Invitation invitation) {
        return new PersonalLink(invitation, invitation.state(clock.instant()), consent, grantee(consent));
    }

    private Grantee grantee(Consent consent) {
        return names.describe(consent.grantees(), consent.interventionCode());
    }

    /** The custody holder (or young person) acting through their link, as the audit trail records them. */
    private static Caller holder(Consent consent, Invitation invitation) {
        return new Caller("personal-link:" + invitation.id(), Set.of(invitation.role().name()), null,
                consent.municipalityCode(), Set.of(), null, null, null);
    }

    private static String hashOf(String token) {
        return LinkToken.hashOf(token).orElseThrow(LinkNotFound::new);
    }

    private static ProblemException mailUnavailable(String detail) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "mail-unavailable", "Mail unavailable", detail);
    }

    private static ProblemException changedMeanwhile() {
        return new ProblemException(HttpStatus.CONFLICT, "changed-meanwhile", "Changed meanwhile",
                "The consent was changed by someone else at the same moment. Please try again.");
    }

    /** A withdrawal link to mail, with its secret, which only the mail carries. */
    private record Receipt(Invitation withdrawal, String token) {
    }

    /** An unknown or malformed secret: answered like any missing resource, saying nothing more. */
    private static class LinkNotFound extends ProblemException {
        LinkNotFound() {
            super(HttpStatus.NOT_FOUND, "not-found", "Not found", "This personal link was not found.");
        }
    }
}
