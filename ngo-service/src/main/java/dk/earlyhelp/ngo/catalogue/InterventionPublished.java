package dk.earlyhelp.ngo.catalogue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * One intervention of the catalogue, as other services search, choose and check offers. Published
 * on {@code ngo.events}, keyed by the intervention code, each time the catalogue is saved (also at
 * every start with demo data) and after every change the administrator makes to the intervention,
 * one of its partnerships or its NGO, so read models catch up by upserting by code. It carries each
 * partnership's terms as they are now ({@code models}, {@code progressSharing}); {@code model} only
 * where every partnership has the same. Absent catalogue values are left out, never sent as null
 * (contract: contracts/events/ngo.intervention-published.v1.*).
 */
record InterventionPublished(Intervention intervention, String ngoName, Instant occurredAt) {

    static final String TYPE = "ngo.intervention-published.v1";

    PendingEvent toPendingEvent() {
        Map<String, Object> data = present(
                "interventionCode", intervention.code(),
                "name", intervention.name(),
                "ngoCode", intervention.ngoCode(),
                "ngoName", ngoName,
                "municipalities", listOrEmpty(intervention.municipalities()),
                "model", intervention.commonModel(),
                "models", intervention.models(),
                "types", listOrEmpty(intervention.types()),
                "targetGroup", targetGroup(intervention.targetGroup()),
                "format", format(intervention.format()),
                "deliveredBy", intervention.deliveredBy(),
                "measures", intervention.measures(),
                "fidelityManual", intervention.fidelityManual(),
                "progressSharing", progressSharing(intervention),
                "staircaseStep", intervention.staircaseStep(),
                "occurredAt", occurredAt.toString());
        return PendingEvent.of(TYPE, intervention.code(), occurredAt, data);
    }

    /** Every partnership's policy, the default too, so no consumer has to know the default. */
    private static Map<String, String> progressSharing(Intervention intervention) {
        Map<String, String> policies = new LinkedHashMap<>();
        listOrEmpty(intervention.municipalities()).forEach(municipality -> policies.put(municipality,
                intervention.progressSharingWith(municipality).name()));
        return policies;
    }

    private static Map<String, Object> targetGroup(TargetGroup group) {
        if (group == null) {
            return Map.of();
        }
        return present("ageMin", group.ageMin(), "ageMax", group.ageMax(), "gender", group.gender(),
                "concerns", group.concerns(), "excludes", group.excludes(), "excludedReferTo", group.excludedReferTo(),
                "mustLiveOrStudyIn", group.mustLiveOrStudyIn(), "acceptsSection52", group.acceptsSection52(),
                "excludesSection52", group.excludesSection52(),
                "belowMunicipalThreshold", group.belowMunicipalThreshold());
    }

    private static Map<String, Object> format(Format format) {
        if (format == null) {
            return Map.of();
        }
        return present("kind", format.kind(), "sessions", format.sessions(),
                "sessionEveryDays", format.sessionEveryDays(), "durationWeeks", format.durationWeeks(),
                "maxSessions", format.maxSessions(), "groupSizeMax", format.groupSizeMax(),
                "meetingsPerMonthMin", format.meetingsPerMonthMin(), "meetingHours", format.meetingHours(),
                "note", format.note());
    }

    private static List<String> listOrEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** Name-value pairs in order, without the absent ones. */
    private static Map<String, Object> present(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
    }
}
