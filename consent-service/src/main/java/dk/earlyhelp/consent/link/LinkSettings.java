package dk.earlyhelp.consent.link;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param portalUrl    where the links in the mails point: {@code <portalUrl>/samtykke/<secret>}
 * @param linkValidity how long a link to give or refuse works
 * @param mailFrom     the sender of the mails
 * @param mailRetry    how long after a failed attempt a withdrawal link's mail is tried again
 */
@ConfigurationProperties("earlyhelp.consent")
public record LinkSettings(String portalUrl, Duration linkValidity, String mailFrom, Duration mailRetry) {

    public LinkSettings {
        portalUrl = portalUrl == null ? "http://localhost:8080" : portalUrl;
        linkValidity = linkValidity == null ? Duration.ofDays(14) : linkValidity;
        mailFrom = mailFrom == null ? "tidlig-hjaelp@example.org" : mailFrom;
        mailRetry = mailRetry == null ? Duration.ofMinutes(5) : mailRetry;
    }

    String link(String token) {
        return portalUrl + "/samtykke/" + token;
    }
}
