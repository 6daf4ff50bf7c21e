package dk.earlyhelp.gateway.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The referral form as the referrer filled it in, kept whole so nothing is lost when the page is
 * shown again with corrections; turned into the referral service's request on saving.
 *
 * @param draftId               the draft this form saves into; null until the first save
 * @param hasCpr                the draft already holds a CPR number, which is never shown again
 * @param custodyHolders        always two entries, the second often empty
 * @param specialSupportMeasure "true", "false" or blank (not known)
 */
public record ReferralForm(String draftId, String firstName, String lastName, String cpr, boolean hasCpr,
                           String birthDate, String gender, String school, String postcode,
                           List<CustodyHolder> custodyHolders, String interventionCode,
                           List<String> concerns, String urgency, String specialSupportMeasure, String schoolSupport,
                           String whatIsHard, String wishes, String overrideReason, boolean confirmDuplicate,
                           String basedOn) {

    static final ReferralForm EMPTY = new ReferralForm(null, null, null, null, false, null, null, null, null,
            CustodyHolder.NONE, null, List.of(), "NORMAL", null, null, null, null, null, false, null);

    /** A custody holder as the form asks: name, relation to the child, phone and e-mail. */
    public record CustodyHolder(String name, String relation, String phone, String email) {

        static final List<CustodyHolder> NONE = List.of(new CustodyHolder(null, null, null, null),
                new CustodyHolder(null, null, null, null));

        boolean given() {
            return java.util.stream.Stream.of(name, phone, email).anyMatch(value -> value != null && !value.isBlank());
        }
    }

    /** A new form for an offer found in the search, with what the search already said about the child. */
    static ReferralForm forOffer(String interventionCode, String gender, List<String> concerns) {
        return new ReferralForm(null, null, null, null, false, null, gender, null, null, CustodyHolder.NONE,
                interventionCode, concerns == null ? List.of() : concerns, "NORMAL", null, null, null, null, null, false,
                null);
    }

    /**
     * A new referral of the same child, filled in from the earlier one: to the offer the NGO
     * suggested when it declined, or, after a course that found the child needs another offer, to
     * an offer the referrer chooses in the form.
     */
    static ReferralForm reReferral(Map<String, Object> original) {
        ReferralForm saved = fromReferral(original);
        return new ReferralForm(null, saved.firstName, saved.lastName, null, false, saved.birthDate, saved.gender,
                saved.school, saved.postcode, saved.custodyHolders, (String) original.get("suggestedInterventionCode"),
                saved.concerns,
                saved.urgency, saved.specialSupportMeasure, saved.schoolSupport, saved.whatIsHard, saved.wishes, null,
                false, (String) original.get("id"));
    }

    /** A saved draft, to go on with it. */
    @SuppressWarnings("unchecked")
    static ReferralForm fromReferral(Map<String, Object> referral) {
        Map<String, Object> child = (Map<String, Object>) referral.get("child");
        Map<String, Object> childView = (Map<String, Object>) referral.get("childView");
        Map<String, Object> support = referral.get("currentSupport") instanceof Map<?, ?> given
                ? (Map<String, Object>) given : Map.of();
        return new ReferralForm((String) referral.get("id"), (String) child.get("firstName"),
                (String) child.get("lastName"), null, Boolean.TRUE.equals(child.get("hasCpr")),
                (String) child.get("birthDate"), (String) child.get("gender"), (String) child.get("school"),
                (String) child.get("postcode"),
                holders((List<Map<String, Object>>) referral.getOrDefault("custodyHolders", List.of())),
                (String) referral.get("interventionCode"),
                (List<String>) referral.get("concerns"), (String) referral.get("urgency"),
                answer(support.get("specialSupportMeasure")), answer(support.get("schoolSupport")),
                (String) childView.get("whatIsHard"), (String) childView.get("wishes"),
                (String) referral.get("overrideReason"), false, null);
    }

    static ReferralForm of(MultiValueMap<String, String> fields) {
        return new ReferralForm(fields.getFirst("draftId"), fields.getFirst("firstName"), fields.getFirst("lastName"),
                fields.getFirst("cpr"), "true".equals(fields.getFirst("hasCpr")), fields.getFirst("birthDate"),
                fields.getFirst("gender"), fields.getFirst("school"), fields.getFirst("postcode"),
                List.of(holder(fields, 1), holder(fields, 2)), fields.getFirst("interventionCode"),
                fields.getOrDefault("concerns", List.of()),
                fields.getFirst("urgency"), fields.getFirst("specialSupportMeasure"), fields.getFirst("schoolSupport"),
                fields.getFirst("whatIsHard"), fields.getFirst("wishes"), fields.getFirst("overrideReason"),
                "true".equals(fields.getFirst("confirmDuplicate")), fields.getFirst("basedOn"));
    }

    /** Adds a form field to a request only when the user filled it in, so the service names what is missing. */
    static void put(Map<String, Object> target, String field, String value) {
        if (value != null && !value.isBlank()) {
            target.put(field, value.strip());
        }
    }

    /** The draft request to the referral service; blank fields are left out, so the service names what is missing. */
    Map<String, Object> toRequest() {
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
        Map<String, Object> support = new LinkedHashMap<>();
        put(support, "specialSupportMeasure", specialSupportMeasure);
        put(support, "schoolSupport", schoolSupport);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("child", child);
        request.put("custodyHolders", custodyHolders.stream().filter(CustodyHolder::given).map(holder -> {
            Map<String, Object> given = new LinkedHashMap<>();
            put(given, "name", holder.name());
            put(given, "relation", holder.relation());
            put(given, "phone", holder.phone());
            put(given, "email", holder.email());
            return given;
        }).toList());
        put(request, "interventionCode", interventionCode);
        request.put("concerns", concerns);
        put(request, "urgency", urgency);
        request.put("childView", childView);
        request.put("currentSupport", support);
        put(request, "overrideReason", overrideReason);
        put(request, "basedOn", basedOn);
        return request;
    }

    /** What the eligibility check needs: the child as far as described, never stored. */
    Map<String, Object> toEligibilityQuestion() {
        Map<String, Object> question = new LinkedHashMap<>();
        put(question, "interventionCode", interventionCode);
        put(question, "birthDate", birthDate);
        put(question, "cpr", cpr);
        put(question, "gender", gender);
        question.put("concerns", concerns);
        put(question, "specialSupportMeasure", specialSupportMeasure);
        return question;
    }

    /** The same form without the fields the service refused, so an autosave keeps everything else. */
    ReferralForm without(java.util.Set<String> refused) {
        return new ReferralForm(draftId, refused.contains("firstName") ? null : firstName,
                refused.contains("lastName") ? null : lastName, refused.contains("cpr") ? null : cpr, hasCpr,
                refused.contains("birthDate") ? null : birthDate, gender, refused.contains("school") ? null : school,
                refused.contains("postcode") ? null : postcode,
                refused.contains("custodyHolders") ? CustodyHolder.NONE : custodyHolders, interventionCode, concerns, urgency,
                specialSupportMeasure, schoolSupport, refused.contains("whatIsHard") ? null : whatIsHard,
                refused.contains("wishes") ? null : wishes, refused.contains("overrideReason") ? null : overrideReason,
                confirmDuplicate, basedOn);
    }

    ReferralForm withDraftId(String id) {
        return new ReferralForm(id, firstName, lastName, cpr, hasCpr, birthDate, gender, school, postcode,
                custodyHolders, interventionCode, concerns, urgency, specialSupportMeasure, schoolSupport, whatIsHard, wishes,
                overrideReason, confirmDuplicate, basedOn);
    }

    public boolean hasConcern(String code) {
        return concerns.contains(code);
    }

    private static CustodyHolder holder(MultiValueMap<String, String> fields, int number) {
        String prefix = "holder" + number;
        return new CustodyHolder(fields.getFirst(prefix + "Name"), fields.getFirst(prefix + "Relation"),
                fields.getFirst(prefix + "Phone"), fields.getFirst(prefix + "Email"));
    }

    private static List<CustodyHolder> holders(List<Map<String, Object>> saved) {
        List<CustodyHolder> holders = new java.util.ArrayList<>(saved.stream().limit(2)
                .map(holder -> new CustodyHolder((String) holder.get("name"), (String) holder.get("relation"),
                        (String) holder.get("phone"), (String) holder.get("email")))
                .toList());
        while (holders.size() < 2) {
            holders.add(new CustodyHolder(null, null, null, null));
        }
        return List.copyOf(holders);
    }

    private static String answer(Object value) {
        return value == null ? "" : value.toString();
    }
}
