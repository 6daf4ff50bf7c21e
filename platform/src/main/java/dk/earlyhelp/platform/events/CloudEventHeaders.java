package dk.earlyhelp.platform.events;

import java.nio.charset.StandardCharsets;

import org.springframework.messaging.Message;

/**
 * CloudEvents 1.0 attributes in the Kafka protocol binding (binary mode): each attribute is a
 * header prefixed {@code ce_}; the data is the record value, JSON.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /**
     * Reads a CloudEvents attribute ({@code "type"}, {@code "id"}, ...) of a consumed message. On the
     * wire it is {@code ce_type}; Spring Cloud Function may hand it over under its canonical
     * {@code ce-type} instead, and as a String or as raw bytes.
     */
    public static String attribute(Message<?> message, String attribute) {
        for (String prefix : new String[] { "ce_", "ce-" }) {
            Object value = message.getHeaders().get(prefix + attribute);
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
