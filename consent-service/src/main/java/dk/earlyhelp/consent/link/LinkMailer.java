package dk.earlyhelp.consent.link;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import dk.earlyhelp.consent.consent.Invitation;
import dk.earlyhelp.consent.grantee.Grantee;

/**
 * Mails personal links in the grantor's language ({@code mail/consent-link*.properties}). The
 * mail names the NGO and the intervention, what the link is for and until when; never the child,
 * whose name this service does not know, since mail may travel unencrypted. Only present where a
 * mail server is configured.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class LinkMailer {

    /** Custody holders read times in Danish time, whatever the server's zone. */
    private static final ZoneId SHOWN_IN = ZoneId.of("Europe/Copenhagen");

    private final JavaMailSender sender;
    private final LinkSettings settings;

    LinkMailer(JavaMailSender sender, LinkSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    /**
     * The link to give or refuse; throws {@link org.springframework.mail.MailException} when it cannot go.
     *
     * @param registeredByNgo the parents sought the NGO themselves: the mail says so, not that the municipality
     *                        suggested the offer
     */
    void sendInvitation(Invitation invitation, Grantee grantee, boolean registeredByNgo, String token) {
        Locale locale = Locale.forLanguageTag(invitation.language());
        String offer = offer(locale, grantee);
        send(invitation.email(), text(locale, "give.subject", offer),
                text(locale, "give.body." + (registeredByNgo ? "registered." : "") + invitation.role(), offer,
                        grantee.ngoName()) + "\n\n"
                        + text(locale, "give.link") + "\n" + settings.link(token) + "\n\n"
                        + text(locale, "give.expires", dateTime(locale, invitation.expiresAt())) + "\n\n"
                        + text(locale, "privacy"));
    }

    /** The receipt for a consent given through a link, with the link to withdraw it. */
    void sendConfirmation(Invitation withdrawal, Grantee grantee, LocalDate validUntil, String token) {
        Locale locale = Locale.forLanguageTag(withdrawal.language());
        String offer = offer(locale, grantee);
        send(withdrawal.email(), text(locale, "confirm.subject", offer),
                text(locale, "confirm.body", offer, grantee.ngoName()) + "\n\n"
                        + text(locale, "confirm.link") + "\n" + settings.link(token) + "\n\n"
                        + text(locale, "confirm.expires", validUntil.format(pattern(locale, "date"))) + "\n\n"
                        + text(locale, "privacy"));
    }

    private void send(String to, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        sender.send(message);
    }

    private static String offer(Locale locale, Grantee grantee) {
        return grantee.interventionName() == null ? text(locale, "offerNgo", grantee.ngoName())
                : text(locale, "offer", grantee.interventionName(), grantee.ngoName());
    }

    private static String dateTime(Locale locale, Instant instant) {
        return instant.atZone(SHOWN_IN).format(pattern(locale, "dateTime"));
    }

    private static DateTimeFormatter pattern(Locale locale, String key) {
        return DateTimeFormatter.ofPattern(bundle(locale).getString(key), locale);
    }

    private static String text(Locale locale, String key, Object... arguments) {
        return new MessageFormat(bundle(locale).getString(key), locale).format(arguments);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("mail.consent-link", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
