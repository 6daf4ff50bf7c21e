package dk.earlyhelp.ngo.catalogue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What makes an intervention's description consistent, beyond each field's own range: codes from
 * the shared lists, a target group that can be met, and a format whose figures fit its kind (a
 * group course has sessions and a group size, mentoring a length, counselling no group). The demo
 * catalogue meets every rule, so an administrator can save a demo offer unchanged.
 */
final class InterventionRules {

    static final Set<String> FORMAT_KINDS = Set.of("GROUP_COURSE", "COURSE", "MENTORING", "COUNSELLING");

    private InterventionRules() {
    }

    /** Every rule the description breaks, by field (as the API names it). */
    static FieldErrors check(InterventionDescription description, CatalogueReference reference,
            Set<String> municipalities) {
        FieldErrors errors = new FieldErrors();
        TargetGroup group = description.targetGroup();
        if (group.ageMin() != null && group.ageMax() != null && group.ageMax() < group.ageMin()) {
            errors.add("targetGroup.ageMax", "must not be below ageMin");
        }
        unknown(group.concerns(), reference.concerns()).ifPresent(codes -> errors.add("targetGroup.concerns",
                "must be concern codes of the catalogue; unknown: " + codes));
        unknown(group.excludes(), reference.concerns()).ifPresent(codes -> errors.add("targetGroup.excludes",
                "must be concern codes of the catalogue; unknown: " + codes));
        Set<String> both = new TreeSet<>(orEmpty(group.concerns()));
        both.retainAll(orEmpty(group.excludes()));
        if (!both.isEmpty()) {
            errors.add("targetGroup.excludes", "must not name a concern the offer is for: " + both);
        }
        if (!orEmpty(group.excludes()).isEmpty() && blank(group.excludedReferTo())) {
            // A safety exclusion is not a preference: the referrer must learn at once where to turn.
            errors.add("targetGroup.excludedReferTo", "must say where an excluded child should go instead");
        }
        if (Boolean.TRUE.equals(group.acceptsSection52()) && Boolean.TRUE.equals(group.excludesSection52())) {
            errors.add("targetGroup.excludesSection52", "cannot be set together with acceptsSection52");
        }
        if (group.mustLiveOrStudyIn() != null && !municipalities.contains(group.mustLiveOrStudyIn())) {
            errors.add("targetGroup.mustLiveOrStudyIn", "is not a municipality of the catalogue");
        }
        format(description.format(), orEmpty(description.types()), errors);
        unknown(description.measures(), reference.dimensions()).ifPresent(codes -> errors.add("measures",
                "must be dimensions of the shared instrument (instrument.json); unknown: " + codes));
        if (description.measures() != null
                && new HashSet<>(description.measures()).size() != description.measures().size()) {
            errors.add("measures", "must name each dimension once");
        }
        if (description.staircaseStep() != null
                && (description.staircaseStep() < 1 || description.staircaseStep() > 7)) {
            errors.add("staircaseStep", "must be a step of the intervention staircase, 1 to 7");
        }
        return errors;
    }

    private static void format(Format format, List<String> types, FieldErrors errors) {
        switch (format.kind()) {
            case "GROUP_COURSE" -> {
                required(format.sessions(), "format.sessions", "a group course", errors);
                required(format.sessionEveryDays(), "format.sessionEveryDays", "a group course", errors);
                required(format.groupSizeMax(), "format.groupSizeMax", "a group course", errors);
                absent(format.maxSessions(), "format.maxSessions", "a group course (it has a fixed number)", errors);
                absent(format.meetingsPerMonthMin(), "format.meetingsPerMonthMin", "a group course", errors);
                absent(format.meetingHours(), "format.meetingHours", "a group course", errors);
                if (!types.contains("GROUP")) {
                    errors.add("types", "must include GROUP for a group course");
                }
            }
            case "MENTORING" -> {
                required(format.durationWeeks(), "format.durationWeeks", "mentoring", errors);
                absent(format.sessions(), "format.sessions", "mentoring (it is a course of meetings)", errors);
                absent(format.sessionEveryDays(), "format.sessionEveryDays", "mentoring", errors);
                absent(format.groupSizeMax(), "format.groupSizeMax", "mentoring", errors);
                absent(format.maxSessions(), "format.maxSessions", "mentoring", errors);
                if (!types.contains("INDIVIDUAL")) {
                    errors.add("types", "must include INDIVIDUAL for mentoring");
                }
            }
            case "COUNSELLING" -> {
                absent(format.sessions(), "format.sessions", "counselling (give maxSessions)", errors);
                absent(format.sessionEveryDays(), "format.sessionEveryDays", "counselling", errors);
                absent(format.groupSizeMax(), "format.groupSizeMax", "counselling", errors);
                absent(format.meetingsPerMonthMin(), "format.meetingsPerMonthMin", "counselling", errors);
            }
            case "COURSE" -> {
                if (format.durationWeeks() == null && format.sessions() == null) {
                    errors.add("format.durationWeeks", "is needed for a course (or give its sessions)");
                }
                absent(format.groupSizeMax(), "format.groupSizeMax", "a course (make it a group course)", errors);
                absent(format.maxSessions(), "format.maxSessions", "a course", errors);
                absent(format.meetingsPerMonthMin(), "format.meetingsPerMonthMin", "a course", errors);
            }
            default -> errors.add("format.kind", "must be one of " + new TreeSet<>(FORMAT_KINDS));
        }
        if (format.sessionEveryDays() != null && format.sessions() == null
                && FORMAT_KINDS.contains(format.kind()) && !"GROUP_COURSE".equals(format.kind())) {
            errors.add("format.sessions", "is needed when sessionEveryDays is given");
        }
    }

    private static void required(Integer value, String field, String kind, FieldErrors errors) {
        if (value == null) {
            errors.add(field, "is needed for " + kind);
        }
    }

    private static void absent(Integer value, String field, String kind, FieldErrors errors) {
        if (value != null) {
            errors.add(field, "does not apply to " + kind);
        }
    }

    private static java.util.Optional<Set<String>> unknown(List<String> codes, Set<String> known) {
        Set<String> unknown = new TreeSet<>(orEmpty(codes));
        unknown.removeAll(known);
        return unknown.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(unknown);
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
