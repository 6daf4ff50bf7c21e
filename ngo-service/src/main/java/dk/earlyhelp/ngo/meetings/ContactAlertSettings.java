package dk.earlyhelp.ngo.meetings;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a mentor's silence becomes an alert ({@code earlyhelp.contact-alerts}).
 *
 * @param noContactDays days without a logged meeting (since the match, the start or the last
 *                      meeting) that raise an alert; the STRØM format asks for three meetings a month
 * @param checkEvery    how often the check runs (also its delay after start)
 */
@ConfigurationProperties("earlyhelp.contact-alerts")
public record ContactAlertSettings(int noContactDays, Duration checkEvery) {

    public ContactAlertSettings {
        if (noContactDays <= 0) {
            noContactDays = 14;
        }
        if (checkEvery == null) {
            checkEvery = Duration.ofHours(1);
        }
    }
}
