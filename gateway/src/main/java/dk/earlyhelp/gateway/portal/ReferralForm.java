package dk.earlyhelp.gateway.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The referral form as the referrer filled it in, kept whole so nothing is lost when the page is
 * shown again with corrections; turned into the referral service's request on sending.
 */
public record ReferralForm(String firstName, String lastName, String cpr, String birthDate, String gender, String school,
                    String postcode, String interventionCode, List<String> concerns, String urgency,
                    String whatIsHard, String wishes, boolean confirmDuplicate, String basedOn) {

    static final ReferralForm EMPTY = new ReferralForm(null, null, null, null, null, null, null, null, List.of(),
            "NORMAL", null, null, false, null);

    /** A new referral of the same child to the offer the NGO suggested, filled in from the declined one. */
    @SuppressWarnings("unchecked")
    static ReferralForm reReferral(Map<String, Object> original) {
        Map<String, Object> child = (Map<String, Object>) original.get("child");
        Map<String, Object> childView = (Map<String, Object>) original.get("childView");
        return new ReferralForm((String) child.get("firstName"), (String) child.get("lastName"), null,
                (String) child.get("birthDate"), (String) child.get("gender"), null, null,
                (String) original.get("suggestedInterventionCode"), (List<String>) original.get("concerns"),
                (String) original.get("urgency"), (String) childView.get("whatIsHard"),
                (String) childView.get("wishes"), false, (String) original.get("id"));
    }

    static ReferralForm of(MultiValueMap<String, String> fields) {
        return new ReferralForm(fields.getFirst("firstName"), fields.getFirst("lastName"), fields.getFirst("cpr"),
                fields.getFirst("birthDate"), fields.getFirst("gender"), fields.getFirst("school"),
                fields.getFirst("postcode"), fields.getFirst("interventionCode"),
                fields.getOrDefault("concerns", List.of()), fields.getFirst("urgency"), fields.getFirst("whatIsHard"),
                fields.getFirst("wishes"), "true".equals(fields.getFirst("confirmDuplicate")),
                fields.getFirst("basedOn"));
    }

    /** Adds a form field to a request only when the user filled it in, so the service names what is missing. */
    static void put(Map<String, Object> target, String field, String value) {
        if (value != null && !value.isBlank()) {
            target.put(field, value.strip());
        }
    }

    /** The request to the referral service; blank fields are left out, so the service names what is missing. */
    Map<String, Object> toRequest(boolean submit) {
        Map<String, Object> child = new LinkedHashMap<>();
        put(child, "firstName", firstName);
        put(child, "lastName", lastName);
        put(child, "cpr", cpr);
        put(child, "birthDate", birthDate);
        put(child, "gender", gender);
        put(child, "school", school);
        put(child, "postcode", postcode);
        Map<String, Object> childView = new LinkedHashMap<>();
        put(childView, "whatIsHard", whatIsHard);
        put(childView, "wishes", wishes);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("child", child);
        put(request, "interventionCode", interventionCode);
        request.put("concerns", concerns);
        put(request, "urgency", urgency);
        request.put("childView", childView);
        request.put("submit", submit);
        request.put("confirmDuplicate", confirmDuplicate);
        put(request, "basedOn", basedOn);
        return request;
    }

    public boolean hasConcern(String code) {
        return concerns.contains(code);
    }

}
