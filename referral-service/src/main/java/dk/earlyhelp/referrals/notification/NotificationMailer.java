package dk.earlyhelp.referrals.notification;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dk.earlyhelp.referrals.offer.Offer;
import dk.earlyhelp.referrals.offer.OfferCatalogue;

/**
 * Sends the e-mails of notifications, apart from making them, so a mail server that is down
 * delays mail but never loses it or holds up the referral: unsent mail is retried a few times.
 * The text is in Danish with English below, and names the offer and the new status only: mail may
 * travel unencrypted, so the child is never named or described.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);
    static final int MAX_ATTEMPTS = 8;

    private final MongoTemplate mongo;
    private final JavaMailSender sender;
    private final OfferCatalogue offers;
    private final String portalUrl;
    private final String from;
    private final Clock clock;

    NotificationMailer(MongoTemplate mongo, JavaMailSender sender, OfferCatalogue offers,
            @Value("${earlyhelp.notifications.portal-url:http://localhost:8080}") String portalUrl,
            @Value("${earlyhelp.notifications.from:tidlig-hjaelp@example.org}") String from, Clock clock) {
        this.mongo = mongo;
        this.sender = sender;
        this.offers = offers;
        this.portalUrl = portalUrl;
        this.from = from;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${earlyhelp.notifications.mail-interval:2s}")
    void sendPending() {
        Query pending = Query.query(Criteria.where("mail.to").ne(null).and("mail.sentAt").is(null)
                .and("mail.attempts").lt(MAX_ATTEMPTS)).with(Sort.by("createdAt")).limit(20);
        List<Notification> unsent = mongo.find(pending, Notification.class);
        unsent.forEach(this::send);
    }

    private void send(Notification notification) {
        try {
            sender.send(message(notification));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(notification.id())),
                    new Update().set("mail.sentAt", clock.instant()), Notification.class);
        } catch (MailException e) {
            log.warn("Mail about referral {} not sent (attempt {}): {}", notification.referralId(),
                    notification.mail().attempts() + 1, e.getClass().getSimpleName());
            mongo.updateFirst(Query.query(Criteria.where("_id").is(notification.id())),
                    new Update().inc("mail.attempts", 1).set("mail.lastError", e.getClass().getSimpleName()),
                    Notification.class);
        }
    }

    SimpleMailMessage message(Notification notification) {
        String offer = offers.find(notification.interventionCode()).map(Offer::name)
                .orElse(notification.interventionCode());
        String link = portalUrl + "/henvisninger/" + notification.referralId();
        String reference = notification.referralId().substring(0, 8);
        String expected = notification.expectedStart() == null ? ""
                : notification.expectedStart().format(DateTimeFormatter.ISO_LOCAL_DATE);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(notification.mail().to());
        message.setSubject(text(Locale.forLanguageTag("da"), "subject", status(notification, "da"), offer));
        message.setText(body(notification, "da", offer, reference, expected, link) + "\n\n-----\n\n"
                + body(notification, "en", offer, reference, expected, link));
        return message;
    }

    private static String body(Notification notification, String language, String offer, String reference,
            String expected, String link) {
        Locale locale = Locale.forLanguageTag(language);
        String news = text(locale, "body", offer, reference, status(notification, language));
        String start = expected.isEmpty() ? "" : "\n" + text(locale, "expectedStart", expected);
        return news + start + "\n\n" + text(locale, "link", link) + "\n\n" + text(locale, "privacy");
    }

    private static String status(Notification notification, String language) {
        return text(Locale.forLanguageTag(language), "status." + notification.status());
    }

    private static String text(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle("mail.notification", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
