package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Offers and eligibility as the portal shows them, in the user's language: the referral service
 * answers with codes and values, and each criterion's sentence is made here from the messages.
 */
@Component
class OfferViews {

    private final MessageSource messages;

    OfferViews(MessageSource messages) {
        this.messages = messages;
    }

    /** One offer in the search results. */
    public record OfferCard(String code, String name, String ngoName, String model, String types, String ageRange,
                            String concerns, String format, Integer freePlaces, Integer waiting, String expectedStart,
                            EligibilityView eligibility) {
    }

    /** A child's fit with one offer, criterion by criterion. */
    public record EligibilityView(String offerName, String verdict, List<CriterionLine> criteria, String referTo) {

        public boolean excluded() {
            return "EXCLUDED".equals(verdict);
        }

        public boolean overrideRequired() {
            return "OVERRIDE_REQUIRED".equals(verdict);
        }
    }

    /** One criterion: PASS, FAIL or UNKNOWN, and why. */
    public record CriterionLine(String outcome, String text) {
    }

    @SuppressWarnings("unchecked")
    OfferCard card(Map<String, Object> offer) {
        Map<String, Object> group = map(offer.get("targetGroup"));
        Map<String, Object> availability = map(offer.get("availability"));
        List<String> types = (List<String>) offer.getOrDefault("types", List.of());
        return new OfferCard((String) offer.get("code"), (String) offer.get("name"), (String) offer.get("ngoName"),
                text("model." + offer.get("model")),
                String.join(", ", types.stream().map(type -> text("offerType." + type)).toList()),
                text("offers.ageRange", group.getOrDefault("ageMin", 0), group.getOrDefault("ageMax", 18)),
                concerns((List<String>) group.getOrDefault("concerns", List.of())),
                format(map(offer.get("format"))),
                availability.isEmpty() ? null : ((Number) availability.get("freePlaces")).intValue(),
                availability.isEmpty() ? null : ((Number) availability.get("waiting")).intValue(),
                availability.get("expectedStart") == null ? null : date((String) availability.get("expectedStart")),
                eligibility(offer));
    }

    @SuppressWarnings("unchecked")
    EligibilityView eligibility(Map<String, Object> offer) {
        Map<String, Object> eligibility = map(offer.get("eligibility"));
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) eligibility.getOrDefault("criteria", List.of());
        return new EligibilityView((String) offer.get("name"), (String) eligibility.get("verdict"),
                criteria.stream().map(this::line).toList(), (String) eligibility.get("referTo"));
    }

    @SuppressWarnings("unchecked")
    private CriterionLine line(Map<String, Object> criterion) {
        String name = (String) criterion.get("criterion");
        String outcome = (String) criterion.get("outcome");
        List<String> arguments = (List<String>) criterion.getOrDefault("arguments", List.of());
        Object[] values = switch (name) {
            case "EXCLUSION", "CONCERNS" -> new Object[] { concerns(arguments) };
            case "GENDER" -> new Object[] { text("offers.gender." + arguments.get(0)) };
            case "RESIDENCE" -> new Object[] { text("municipality." + arguments.get(0)) };
            default -> arguments.toArray();
        };
        return new CriterionLine(outcome, text("eligibility." + name + "." + outcome, values));
    }

    private String concerns(List<String> codes) {
        return String.join(", ", codes.stream().map(code -> text("concern." + code)).toList());
    }

    private String format(Map<String, Object> format) {
        Object kind = format.get("kind");
        if (kind == null) {
            return "";
        }
        Object sessions = format.getOrDefault("sessions", format.get("maxSessions"));
        String base = text("format." + kind);
        if (format.get("durationWeeks") != null) {
            return text("format.weeks", base, format.get("durationWeeks"));
        }
        return sessions == null ? base : text("format.sessions", base, sessions);
    }

    private String date(String isoDate) {
        Locale locale = LocaleContextHolder.getLocale();
        return LocalDate.parse(isoDate).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
