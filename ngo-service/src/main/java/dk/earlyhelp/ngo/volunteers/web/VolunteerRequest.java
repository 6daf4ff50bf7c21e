package dk.earlyhelp.ngo.volunteers.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dk.earlyhelp.ngo.volunteers.ChildProtectionCertificate;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.WeeklySlot;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A volunteer or staff member as the coordinator describes them, when adding or updating. */
public record VolunteerRequest(
        @Schema(description = "how the coordinator knows the person") @NotBlank @Size(max = 100) String displayName,
        @NotNull Profile.Kind kind,
        @NotNull Profile.Qualification qualification,
        @Schema(description = "the child protection certificate (børneattest); required before working with "
                + "children under 15") @Valid CertificateRequest childProtectionCertificate,
        @PastOrPresent LocalDate trainingCompletedOn,
        Boolean supervised,
        @Size(max = 10)
        List<@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code (ISO 639-1)") String>
        languages,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> interests,
        @Pattern(regexp = "\\d{4}", message = "must be a Danish postcode of four digits") String postcode,
        Set<@NotNull WeeklySlot> availability,
        @Schema(description = "children the person can take one-to-one at a time") @NotNull @Min(0) @Max(30)
        Integer capacity,
        @Size(max = 10)
        List<@NotNull @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be an intervention code from the catalogue")
                String> interventionCodes,
        @Schema(description = "only when adding: APPLICANT (default), ONBOARDING or ACTIVE; later changes go "
                + "through /status") Volunteer.Status status,
        @Schema(description = "the children the person would rather work with; weighed when matching, never "
                + "enforced") @Valid ChildPreferencesRequest childPreferences,
        @Schema(description = "the subject of the person's user account, so they see their own children")
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a user name") String login) {

    /** An age band (either end may be open) and genders; nothing given is no preference. */
    public record ChildPreferencesRequest(@Min(0) @Max(25) Integer ageMin, @Min(0) @Max(25) Integer ageMax,
                                          @Size(max = 3) List<@NotNull @Pattern(regexp = "GIRL|BOY|OTHER",
                                                  message = "must be GIRL, BOY or OTHER") String> genders) {

        @AssertTrue(message = "must not be below ageMin")
        @Schema(hidden = true)
        public boolean isAgeMax() {
            return ageMin == null || ageMax == null || ageMax >= ageMin;
        }

        Profile.ChildPreferences toPreferences() {
            List<String> distinctGenders = distinct(genders);
            return ageMin == null && ageMax == null && distinctGenders.isEmpty() ? null
                    : new Profile.ChildPreferences(ageMin, ageMax, distinctGenders);
        }
    }

    /** When the certificate was checked and until when the NGO accepts it. */
    public record CertificateRequest(@NotNull @PastOrPresent LocalDate checkedOn, @NotNull LocalDate validUntil) {

        @AssertTrue(message = "must be after checkedOn")
        @Schema(hidden = true)
        public boolean isValidUntil() {
            return checkedOn == null || validUntil == null || validUntil.isAfter(checkedOn);
        }
    }

    Profile toProfile() {
        return new Profile(displayName.strip(), kind, qualification,
                childProtectionCertificate == null ? null
                        : new ChildProtectionCertificate(childProtectionCertificate.checkedOn(),
                                childProtectionCertificate.validUntil()),
                trainingCompletedOn, Boolean.TRUE.equals(supervised), distinct(languages),
                distinct(interests == null ? null : interests.stream().map(String::strip).toList()), postcode,
                availability == null || availability.isEmpty() ? EnumSet.noneOf(WeeklySlot.class)
                        : EnumSet.copyOf(availability),
                capacity, distinct(interventionCodes),
                childPreferences == null ? null : childPreferences.toPreferences(), login);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
