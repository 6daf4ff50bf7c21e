package dk.earlyhelp.ngo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import dk.earlyhelp.platform.test.Api;

/** The NGO's people for the matching and course tests, added through the coordinator's API. */
public final class People {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Copenhagen"));

    private People() {
    }

    /**
     * An active volunteer on the intervention, taking one child, with a personal-fit qualification
     * and whatever {@code fields} (JSON members, e.g. {@code "languages": ["so"]}) adds.
     *
     * @return the person's id
     */
    public static String active(Api api, String coordinator, String interventionCode, String fields) throws Exception {
        return active(api, coordinator, interventionCode, "PERSONAL_FIT", 1, fields);
    }

    public static String active(Api api, String coordinator, String interventionCode, String qualification,
            int capacity, String fields) throws Exception {
        return Api.body(api.post("/api/ngo/volunteers", coordinator, """
                {"displayName": "Mentor %s", "kind": "VOLUNTEER", "status": "ACTIVE", "qualification": "%s",
                 "capacity": %d, "interventionCodes": ["%s"]%s}""".formatted(
                UUID.randomUUID().toString().substring(0, 8), qualification, capacity, interventionCode,
                fields.isBlank() ? "" : ", " + fields)), 201).get("id").asText();
    }

    /** A child protection certificate checked a while ago and valid for two more years. */
    public static String validCertificate() {
        return "\"childProtectionCertificate\": {\"checkedOn\": \"%s\", \"validUntil\": \"%s\"}"
                .formatted(TODAY.minusDays(30), TODAY.plusYears(2));
    }

    /** A certificate that ran out last month. */
    public static String expiredCertificate() {
        return "\"childProtectionCertificate\": {\"checkedOn\": \"%s\", \"validUntil\": \"%s\"}"
                .formatted(TODAY.minusYears(2), TODAY.minusDays(30));
    }
}
