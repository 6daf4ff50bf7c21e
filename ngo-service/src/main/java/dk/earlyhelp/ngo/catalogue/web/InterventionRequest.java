package dk.earlyhelp.ngo.catalogue.web;

import java.util.List;
import java.util.Set;

import dk.earlyhelp.ngo.catalogue.Capacity;
import dk.earlyhelp.ngo.catalogue.Format;
import dk.earlyhelp.ngo.catalogue.InterventionDescription;
import dk.earlyhelp.ngo.catalogue.TargetGroup;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An intervention as the administrator describes it, when adding or changing it. Rules across
 * fields (a format that fits its kind, codes from the shared lists) are the use case's.
 */
record InterventionRequest(
        @Schema(description = "only when adding (the path names it when changing): capital letters, digits, _")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be 2-40 capital letters, digits or _, "
                + "starting with a letter") String code,
        @NotBlank @Size(max = 120) String name,
        @Schema(description = "the NGO that delivers it; it cannot change later")
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an NGO code of the catalogue")
        String ngoCode,
        @NotEmpty @Size(max = 3) Set<@NotNull InterventionType> types,
        @NotNull @Valid TargetGroupRequest targetGroup,
        @NotNull @Valid FormatRequest format,
        @NotNull DeliveredBy deliveredBy,
        @Schema(description = "dimensions of the shared questionnaire (instrument.json) the partnerships measure")
        @NotEmpty @Size(max = 8) List<@NotNull @Size(max = 40) String> measures,
        @Schema(description = "it follows a manual, so those who deliver it answer the fidelity questions")
        Boolean fidelityManual,
        @Schema(description = "the step on the intervention staircase: 1 early help in universal services, "
                + "2 specialised help in universal services, 3 preventive measures, 4 home-based measures, "
                + "5 placement with relatives or network, 6 foster care, 7 residential care")
        @NotNull @Min(1) @Max(7) Integer staircaseStep,
        @Valid CapacityRequest capacity) {

    enum InterventionType { INDIVIDUAL, GROUP, FAMILY }

    enum DeliveredBy { NGO, MUNICIPAL_STAFF, BOTH }

    enum FormatKind { GROUP_COURSE, COURSE, MENTORING, COUNSELLING }

    enum Gender { GIRL, BOY }

    /** Who the offer is for; an absent field sets no condition. */
    record TargetGroupRequest(
            @NotNull @Min(0) @Max(25) Integer ageMin,
            @NotNull @Min(0) @Max(25) Integer ageMax,
            @Schema(description = "only where the offer is for one gender") Gender gender,
            @Schema(description = "concern codes (catalog.json) the offer is made for")
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z_]{2,60}", message = "must be a concern code")
                    String> concerns,
            @Schema(description = "concern codes that rule a child out, for the child's safety")
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z_]{2,60}", message = "must be a concern code")
                    String> excludes,
            @Schema(description = "where an excluded child must go instead; needed with excludes")
            @Size(max = 300) String excludedReferTo,
            @Schema(description = "municipality code the child must live or go to school in")
            @Pattern(regexp = "\\d{4}", message = "must be a municipality code of four digits") String mustLiveOrStudyIn,
            Boolean acceptsSection52, Boolean excludesSection52, Boolean belowMunicipalThreshold) {

        // That the oldest age is not below the youngest is the use case's rule (InterventionRules): an
        // assertion method named after ageMax here would hide ageMax from the API description.

        TargetGroup toTargetGroup() {
            return new TargetGroup(ageMin, ageMax, gender == null ? null : gender.name(), codes(concerns),
                    codes(excludes), blankToNull(excludedReferTo), mustLiveOrStudyIn, trueOrNull(acceptsSection52),
                    trueOrNull(excludesSection52), trueOrNull(belowMunicipalThreshold));
        }
    }

    /** How the offer is delivered; which figures belong to which kind is the use case's rule. */
    record FormatRequest(
            @NotNull FormatKind kind,
            @Schema(description = "sessions of a fixed course") @Min(1) @Max(100) Integer sessions,
            @Schema(description = "days between two sessions") @Min(1) @Max(90) Integer sessionEveryDays,
            @Schema(description = "length of the course") @Min(1) @Max(260) Integer durationWeeks,
            @Schema(description = "upper bound of composed counselling") @Min(1) @Max(100) Integer maxSessions,
            @Schema(description = "children in one group") @Min(2) @Max(30) Integer groupSizeMax,
            @Schema(description = "mentoring: meetings a month at least") @Min(1) @Max(31) Integer meetingsPerMonthMin,
            @Schema(description = "mentoring: hours a meeting") @Min(1) @Max(12) Integer meetingHours,
            @Size(max = 1000) String note) {

        Format toFormat() {
            return new Format(kind.name(), sessions, sessionEveryDays, durationWeeks, maxSessions, groupSizeMax,
                    meetingsPerMonthMin, meetingHours, blankToNull(note));
        }
    }

    /** The size the catalogue states; the availability estimate reads it (README, Availability). */
    record CapacityRequest(
            @Schema(description = "children the intervention works with at the same time")
            @Min(0) @Max(10000) Integer concurrentChildren,
            @Schema(description = "groups running at the same time") @Min(0) @Max(1000) Integer groupsPerTerm,
            @Min(0) @Max(10000) Integer volunteers,
            @Min(0) @Max(10000) Integer staff,
            @Schema(description = "children one volunteer takes at a time") @Min(0) @Max(30) Integer childrenPerMentor) {

        Capacity toCapacity() {
            return concurrentChildren == null && groupsPerTerm == null && volunteers == null && staff == null
                    && childrenPerMentor == null ? null
                    : new Capacity(concurrentChildren, groupsPerTerm, volunteers, staff, childrenPerMentor);
        }
    }

    InterventionDescription toDescription() {
        return new InterventionDescription(name.strip(),
                types.stream().map(Enum::name).sorted(InterventionRequest::typeOrder).toList(),
                targetGroup.toTargetGroup(), format.toFormat(), deliveredBy.name(), List.copyOf(measures),
                Boolean.TRUE.equals(fidelityManual), staircaseStep, capacity == null ? null : capacity.toCapacity());
    }

    /** INDIVIDUAL, GROUP, FAMILY: the order the catalogue lists them in. */
    private static int typeOrder(String a, String b) {
        return Integer.compare(InterventionType.valueOf(a).ordinal(), InterventionType.valueOf(b).ordinal());
    }

    private static List<String> codes(List<String> codes) {
        return codes == null || codes.isEmpty() ? null : codes.stream().distinct().toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Boolean trueOrNull(Boolean flag) {
        return Boolean.TRUE.equals(flag) ? Boolean.TRUE : null;
    }
}
