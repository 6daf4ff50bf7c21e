package dk.earlyhelp.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the services listen; the API routes and the portal's calls go there. */
@ConfigurationProperties("earlyhelp.services")
public record ServicesProperties(String referralUrl, String ngoUrl, String consentUrl, String measurementUrl) {

    /** Service name to base URL, in a stable order. */
    public Map<String, String> byName() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("referral-service", referralUrl);
        services.put("ngo-service", ngoUrl);
        services.put("consent-service", consentUrl);
        services.put("measurement-service", measurementUrl);
        return services;
    }
}
