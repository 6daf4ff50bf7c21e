package dk.earlyhelp.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much one caller may ask of the gateway.
 *
 * @param maxBodyBytes       the largest request body accepted anywhere else (API, portal forms, login, tokens)
 * @param importMaxBodyBytes the largest file of historical answers {@code POST /api/measurements/imports} accepts
 * @param rateLimit          token buckets per caller
 */
@ConfigurationProperties("earlyhelp.gateway")
public record LimitsProperties(long maxBodyBytes, long importMaxBodyBytes, RateLimit rateLimit) {

    /** The one request that carries whole files: an import of historical answers. */
    public static final String IMPORT_PATH = "/api/measurements/imports";

    /**
     * @param requestsPerSecond the API's sustained rate per user or client (per address without a valid token)
     * @param burst             how many API requests a caller may send at once after a pause
     * @param maxKeys           how many callers are tracked per bucket set before new ones share one bucket
     * @param login             the login form, per address
     * @param tokenEndpoint     the authorization server's token, revocation and introspection endpoints, per address
     */
    public record RateLimit(double requestsPerSecond, int burst, int maxKeys, Bucket login, Bucket tokenEndpoint) {
    }

    public record Bucket(double requestsPerSecond, int burst) {
    }
}
