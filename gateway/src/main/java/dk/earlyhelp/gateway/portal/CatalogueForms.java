package dk.earlyhelp.gateway.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The administrator's catalogue forms as posted (every value as typed, so nothing is lost when the
 * NGO service refuses it), each with the request it makes and the form fields the service's errors
 * point at.
 */
final class CatalogueForms {

    /** The dimensions of the shared questionnaire (instrument.json), in its order. */
    static final List<String> DIMENSIONS = List.of("PSYCHOLOGICAL", "RELATIONAL", "SOCIAL", "COPING",
            "SELF_PERCEPTION", "SCHOOL", "SELF_HARM", "SUICIDAL_BEHAVIOUR");
    static final List<String> MODELS = List.of("A_FUNCTIONAL_SPLIT", "B1_PARTNERSHIP_RECRUITMENT",
            "B2_PARTNERSHIP_DELIVERY", "B3_PARTNERSHIP_FULL");
    static final List<String> SHARING = List.of("PROGRESS_WITH_CONSENT", "AGGREGATES_ONLY");
    static final List<String> STAFFING = List.of("MOSTLY_VOLUNTEERS", "PAID_AND_VOLUNTEERS", "PAID_STAFF");
    static final List<String> QUALIFICATIONS = List.of("PERSONAL_FIT", "APPROVED_NO_TRAINING", "TRAINED_BY_NGO",
            "IN_RELEVANT_EDUCATION", "PROFESSIONAL");
    static final List<String> TYPES = List.of("INDIVIDUAL", "GROUP", "FAMILY");
    static final List<String> FORMAT_KINDS = List.of("GROUP_COURSE", "COURSE", "MENTORING", "COUNSELLING");
    static final List<String> DELIVERED_BY = List.of("NGO", "MUNICIPAL_STAFF", "BOTH");
    static final List<String> STAIRCASE = List.of("1", "2", "3", "4", "5", "6", "7");
    /** Blank rows a steering group form offers for new members. */
    static final int NEW_MEMBER_ROWS = 2;

    private CatalogueForms() {
    }

    /** An NGO as the form has it. */
    record NgoForm(String code, String name, String staffing, String volunteerQualification, String focus) {

        static final NgoForm EMPTY = new NgoForm(null, null, null, null, null);

        static NgoForm of(MultiValueMap<String, String> fields) {
            return new NgoForm(fields.getFirst("code"), fields.getFirst("name"), fields.getFirst("staffing"),
                    fields.getFirst("volunteerQualification"), fields.getFirst("focus"));
        }

        static NgoForm of(Map<String, Object> ngo) {
            return new NgoForm(text(ngo.get("code")), text(ngo.get("name")), text(ngo.get("staffing")),
                    text(ngo.get("volunteerQualification")), text(ngo.get("focus")));
        }

        Map<String, Object> toRequest(boolean adding) {
            Map<String, Object> request = new LinkedHashMap<>();
            if (adding) {
                put(request, "code", code);
            }
            put(request, "name", name);
            put(request, "staffing", staffing);
            put(request, "volunteerQualification", volunteerQualification);
            put(request, "focus", focus);
            return request;
        }
    }

    /** A municipality as the form has it. */
    record MunicipalityForm(String code, String name) {

        static final MunicipalityForm EMPTY = new MunicipalityForm(null, null);

        static MunicipalityForm of(MultiValueMap<String, String> fields) {
            return new MunicipalityForm(fields.getFirst("code"), fields.getFirst("name"));
        }

        Map<String, Object> toRequest(boolean adding) {
            Map<String, Object> request = new LinkedHashMap<>();
            if (adding) {
                put(request, "code", code);
            }
            put(request, "name", name);
            return request;
        }
    }

    /** An intervention as the form has it: one field per value of its description. */
    record InterventionForm(String code, String name, String ngoCode, List<String> types, String ageMin,
                            String ageMax, String gender, List<String> concerns, List<String> excludes,
                            String excludedReferTo, String mustLiveOrStudyIn, boolean acceptsSection52,
                            boolean excludesSection52, boolean belowMunicipalThreshold, String formatKind,
                            String sessions, String sessionEveryDays, String durationWeeks, String maxSessions,
                            String groupSizeMax, String meetingsPerMonthMin, String meetingHours, String formatNote,
                            String deliveredBy, List<String> measures, boolean fidelityManual, String staircaseStep,
                            String concurrentChildren, String groupsPerTerm, String volunteers, String staff,
                            String childrenPerMentor) {

        static final InterventionForm EMPTY = new InterventionForm(null, null, null, List.of(), null, null, "", List.of(),
                List.of(), null, "", false, false, false, null, null, null, null, null, null, null, null, null, null,
                List.of(), false, null, null, null, null, null, null);

        static InterventionForm of(MultiValueMap<String, String> fields) {
            return new InterventionForm(fields.getFirst("code"), fields.getFirst("name"), fields.getFirst("ngoCode"),
                    fields.getOrDefault("types", List.of()), fields.getFirst("ageMin"), fields.getFirst("ageMax"),
                    fields.getFirst("gender"), fields.getOrDefault("concerns", List.of()),
                    fields.getOrDefault("excludes", List.of()), fields.getFirst("excludedReferTo"),
                    fields.getFirst("mustLiveOrStudyIn"), fields.containsKey("acceptsSection52"),
                    fields.containsKey("excludesSection52"), fields.containsKey("belowMunicipalThreshold"),
                    fields.getFirst("formatKind"), fields.getFirst("sessions"), fields.getFirst("sessionEveryDays"),
                    fields.getFirst("durationWeeks"), fields.getFirst("maxSessions"), fields.getFirst("groupSizeMax"),
                    fields.getFirst("meetingsPerMonthMin"), fields.getFirst("meetingHours"),
                    fields.getFirst("formatNote"), fields.getFirst("deliveredBy"),
                    fields.getOrDefault("measures", List.of()), fields.containsKey("fidelityManual"),
                    fields.getFirst("staircaseStep"), fields.getFirst("concurrentChildren"),
                    fields.getFirst("groupsPerTerm"), fields.getFirst("volunteers"), fields.getFirst("staff"),
                    fields.getFirst("childrenPerMentor"));
        }

        /** The form filled in from the NGO service's description of the intervention. */
        @SuppressWarnings("unchecked")
        static InterventionForm of(Map<String, Object> intervention) {
            Map<String, Object> group = (Map<String, Object>) intervention.getOrDefault("targetGroup", Map.of());
            Map<String, Object> format = (Map<String, Object>) intervention.getOrDefault("format", Map.of());
            Map<String, Object> capacity = intervention.get("capacity") instanceof Map<?, ?> stated
                    ? (Map<String, Object>) stated : Map.of();
            return new InterventionForm(text(intervention.get("code")), text(intervention.get("name")),
                    text(intervention.get("ngoCode")), list(intervention.get("types")), text(group.get("ageMin")),
                    text(group.get("ageMax")), group.get("gender") == null ? "" : text(group.get("gender")),
                    list(group.get("concerns")), list(group.get("excludes")), text(group.get("excludedReferTo")),
                    group.get("mustLiveOrStudyIn") == null ? "" : text(group.get("mustLiveOrStudyIn")),
                    Boolean.TRUE.equals(group.get("acceptsSection52")),
                    Boolean.TRUE.equals(group.get("excludesSection52")),
                    Boolean.TRUE.equals(group.get("belowMunicipalThreshold")), text(format.get("kind")),
                    text(format.get("sessions")), text(format.get("sessionEveryDays")),
                    text(format.get("durationWeeks")), text(format.get("maxSessions")),
                    text(format.get("groupSizeMax")), text(format.get("meetingsPerMonthMin")),
                    text(format.get("meetingHours")), text(format.get("note")), text(intervention.get("deliveredBy")),
                    list(intervention.get("measures")), Boolean.TRUE.equals(intervention.get("fidelityManual")),
                    text(intervention.get("staircaseStep")), text(capacity.get("concurrentChildren")),
                    text(capacity.get("groupsPerTerm")), text(capacity.get("volunteers")), text(capacity.get("staff")),
                    text(capacity.get("childrenPerMentor")));
        }

        public boolean has(String field, String value) {
            return switch (field) {
                case "types" -> types.contains(value);
                case "concerns" -> concerns.contains(value);
                case "excludes" -> excludes.contains(value);
                case "measures" -> measures.contains(value);
                default -> false;
            };
        }

        /** Blank fields are left out, so the service names what is missing; a number that is none goes as -1. */
        Map<String, Object> toRequest(boolean adding) {
            Map<String, Object> request = new LinkedHashMap<>();
            if (adding) {
                put(request, "code", code);
            }
            put(request, "name", name);
            put(request, "ngoCode", ngoCode);
            request.put("types", types);
            Map<String, Object> group = new LinkedHashMap<>();
            number(group, "ageMin", ageMin);
            number(group, "ageMax", ageMax);
            put(group, "gender", gender);
            group.put("concerns", concerns);
            group.put("excludes", excludes);
            put(group, "excludedReferTo", excludedReferTo);
            put(group, "mustLiveOrStudyIn", mustLiveOrStudyIn);
            flag(group, "acceptsSection52", acceptsSection52);
            flag(group, "excludesSection52", excludesSection52);
            flag(group, "belowMunicipalThreshold", belowMunicipalThreshold);
            request.put("targetGroup", group);
            Map<String, Object> format = new LinkedHashMap<>();
            put(format, "kind", formatKind);
            number(format, "sessions", sessions);
            number(format, "sessionEveryDays", sessionEveryDays);
            number(format, "durationWeeks", durationWeeks);
            number(format, "maxSessions", maxSessions);
            number(format, "groupSizeMax", groupSizeMax);
            number(format, "meetingsPerMonthMin", meetingsPerMonthMin);
            number(format, "meetingHours", meetingHours);
            put(format, "note", formatNote);
            request.put("format", format);
            put(request, "deliveredBy", deliveredBy);
            request.put("measures", measures);
            request.put("fidelityManual", fidelityManual);
            number(request, "staircaseStep", staircaseStep);
            Map<String, Object> capacity = new LinkedHashMap<>();
            number(capacity, "concurrentChildren", concurrentChildren);
            number(capacity, "groupsPerTerm", groupsPerTerm);
            number(capacity, "volunteers", volunteers);
            number(capacity, "staff", staff);
            number(capacity, "childrenPerMentor", childrenPerMentor);
            if (!capacity.isEmpty()) {
                request.put("capacity", capacity);
            }
            return request;
        }
    }

    /** A steering group member's row; a blank row is no member. */
    record MemberRow(String name, String organisation, String role) {

        boolean blank() {
            return isBlank(name) && isBlank(organisation) && isBlank(role);
        }

        Map<String, Object> toRequest() {
            Map<String, Object> member = new LinkedHashMap<>();
            put(member, "name", name);
            put(member, "organisation", organisation);
            put(member, "role", role);
            return member;
        }

        /** The rows as posted ({@code member-0-name} …), in order. */
        static List<MemberRow> of(MultiValueMap<String, String> fields) {
            List<MemberRow> rows = new ArrayList<>();
            for (int i = 0; fields.containsKey("member-" + i + "-name"); i++) {
                rows.add(new MemberRow(fields.getFirst("member-" + i + "-name"),
                        fields.getFirst("member-" + i + "-organisation"), fields.getFirst("member-" + i + "-role")));
            }
            return rows;
        }

        /** The rows of the members as they are, and blank ones to add. */
        @SuppressWarnings("unchecked")
        static List<MemberRow> withBlankRows(Object members) {
            List<MemberRow> rows = new ArrayList<>();
            if (members instanceof List<?> list) {
                list.forEach(member -> {
                    Map<String, Object> values = (Map<String, Object>) member;
                    rows.add(new MemberRow(text(values.get("name")), text(values.get("organisation")),
                            text(values.get("role"))));
                });
            }
            for (int i = 0; i < NEW_MEMBER_ROWS; i++) {
                rows.add(new MemberRow(null, null, null));
            }
            return rows;
        }

        /**
         * The members to send: the filled rows. The service names a member by its place among
         * these; {@code rowOf} maps it back to the form's row.
         */
        static List<Map<String, Object>> request(List<MemberRow> rows) {
            return rows.stream().filter(row -> !row.blank()).map(MemberRow::toRequest).toList();
        }

        static int rowOf(List<MemberRow> rows, int sentIndex) {
            int sent = -1;
            for (int row = 0; row < rows.size(); row++) {
                if (!rows.get(row).blank() && ++sent == sentIndex) {
                    return row;
                }
            }
            return 0;
        }
    }

    /** A new partnership as the form has it. */
    record PartnershipForm(String interventionCode, String municipalityCode, String model, String progressSharing,
                           String reason, List<MemberRow> members) {

        static PartnershipForm empty() {
            return new PartnershipForm(null, null, null, "PROGRESS_WITH_CONSENT", null, MemberRow.withBlankRows(null));
        }

        static PartnershipForm of(MultiValueMap<String, String> fields) {
            return new PartnershipForm(fields.getFirst("interventionCode"), fields.getFirst("municipalityCode"),
                    fields.getFirst("model"), fields.getFirst("progressSharing"), fields.getFirst("reason"),
                    MemberRow.of(fields));
        }

        Map<String, Object> toRequest() {
            Map<String, Object> request = new LinkedHashMap<>();
            put(request, "interventionCode", interventionCode);
            put(request, "municipalityCode", municipalityCode);
            put(request, "model", model);
            put(request, "progressSharing", progressSharing);
            put(request, "reason", reason);
            request.put("steeringGroup", MemberRow.request(members));
            return request;
        }
    }

    /** A partnership's new terms as the form has them. */
    record TermsForm(String model, String progressSharing, String reason) {

        static TermsForm of(MultiValueMap<String, String> fields) {
            return new TermsForm(fields.getFirst("model"), fields.getFirst("progressSharing"), fields.getFirst("reason"));
        }

        Map<String, Object> toRequest() {
            Map<String, Object> request = new LinkedHashMap<>();
            put(request, "model", model);
            put(request, "progressSharing", progressSharing);
            put(request, "reason", reason);
            return request;
        }
    }

    /**
     * The service's refusal as the form's fields and their message keys ({@code prefix + "error." +
     * field}); a problem without fields names the form as a whole.
     *
     * @param problems problem types (the last part of the type) to a form field, e.g. code-taken to code
     */
    static Map<String, String> errors(ServiceCalls.Outcome outcome, String prefix, Map<String, String> problems,
            List<MemberRow> rows) {
        Map<String, String> keys = new LinkedHashMap<>();
        outcome.fieldErrors().keySet().forEach(apiField -> {
            String field = formField(apiField, rows);
            String message = field.startsWith("member-") ? field.substring(field.lastIndexOf('-') + 1) : field;
            keys.putIfAbsent(field, prefix + "error." + (field.startsWith("member-") ? "member." + message : field));
        });
        String problem = outcome.problemType();
        if (problems.containsKey(problem)) {
            String field = problems.get(problem);
            keys.put(field, prefix + "error." + problem);
        } else if (keys.isEmpty()) {
            keys.put("form", outcome.unavailable() ? "unavailable"
                    : "concurrent-change".equals(problem) ? "catalogue.error.concurrent" : "catalogue.error.general");
        }
        return keys;
    }

    /**
     * The API's field as the form's: {@code targetGroup.ageMin} is {@code ageMin}, {@code format.kind}
     * {@code formatKind}, {@code measures[0]} {@code measures}, {@code steeringGroup[1].name} (or
     * {@code members[1].name}) the row's {@code member-<row>-name}.
     */
    static String formField(String apiField, List<MemberRow> rows) {
        java.util.regex.Matcher member = java.util.regex.Pattern
                .compile("(?:steeringGroup|members)\\[(\\d+)]\\.?(\\w*)").matcher(apiField);
        if (member.matches()) {
            String part = member.group(2).isEmpty() ? "name" : member.group(2);
            return "member-" + MemberRow.rowOf(rows, Integer.parseInt(member.group(1))) + "-" + part;
        }
        String field = apiField.replaceAll("\\[.*$", "");
        if ("format.kind".equals(field)) {
            return "formatKind";
        }
        if ("format.note".equals(field)) {
            return "formatNote";
        }
        if ("steeringGroup".equals(field) || "members".equals(field)) {
            return "member-0-name";
        }
        return field.substring(field.lastIndexOf('.') + 1);
    }

    static void put(Map<String, Object> target, String field, String value) {
        if (value != null && !value.isBlank()) {
            target.put(field, value.strip());
        }
    }

    private static void number(Map<String, Object> target, String field, String value) {
        if (value != null && !value.isBlank()) {
            target.put(field, value.strip().matches("\\d{1,6}") ? Integer.valueOf(value.strip()) : -1);
        }
    }

    private static void flag(Map<String, Object> target, String field, boolean value) {
        if (value) {
            target.put(field, true);
        }
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
