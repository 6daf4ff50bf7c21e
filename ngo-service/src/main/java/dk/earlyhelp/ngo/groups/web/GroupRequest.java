package dk.earlyhelp.ngo.groups.web;

import java.time.LocalDate;
import java.util.List;

import dk.earlyhelp.ngo.groups.GroupManagement.NewGroup;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A group of one of the NGO's group courses, as the coordinator forms it. */
public record GroupRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be an intervention code from the catalogue")
        String interventionCode,
        @NotNull LocalDate startDate,
        @NotNull @Min(1) @Max(52) Integer sessions,
        @Schema(description = "days between two sessions, e.g. 7 for weekly") @NotNull @Min(1) @Max(60)
        Integer sessionEveryDays,
        @NotNull @Min(0) @Max(25) Integer ageMin,
        @NotNull @Min(0) @Max(25) Integer ageMax,
        @NotNull @Min(1) @Max(30) Integer sizeLimit,
        @Schema(description = "ids of the NGO's active volunteers and staff who lead the group")
        @NotEmpty @Size(max = 6) List<@NotBlank @Size(max = 60) String> leaderIds) {

    @AssertTrue(message = "must not be below ageMin")
    @Schema(hidden = true)
    public boolean isAgeMax() {
        return ageMin == null || ageMax == null || ageMax >= ageMin;
    }

    NewGroup toNewGroup() {
        return new NewGroup(interventionCode, startDate, sessions, sessionEveryDays, ageMin, ageMax, sizeLimit,
                leaderIds.stream().distinct().toList());
    }
}
