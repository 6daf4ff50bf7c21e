package dk.earlyhelp.referrals.search.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.CurrentCaller;
import dk.earlyhelp.referrals.child.CprNumber;
import dk.earlyhelp.referrals.eligibility.ChildFacts;
import dk.earlyhelp.referrals.eligibility.Eligibility;
import dk.earlyhelp.referrals.offer.Availability;
import dk.earlyhelp.referrals.offer.Format;
import dk.earlyhelp.referrals.offer.TargetGroup;
import dk.earlyhelp.referrals.referral.Child;
import dk.earlyhelp.referrals.search.OfferMatch;
import dk.earlyhelp.referrals.search.OfferSearch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/referrals")
class OfferSearchController {

    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final OfferSearch search;
    private final Clock clock;

    OfferSearchController(OfferSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
    }

    @Operation(summary = "Offers the caller's municipality may refer to, best first for the child (\"help me choose\")")
    @GetMapping("/offers")
    List<OfferResponse> offers(@RequestParam(required = false) @Min(0) @Max(25) Integer age,
            @RequestParam(required = false) Child.Gender gender,
            @RequestParam(required = false) @Size(max = 20)
            List<@Pattern(regexp = "[A-Z0-9_]{2,60}", message = "must be a concern code") String> concerns,
            @RequestParam(required = false) @Pattern(regexp = "INDIVIDUAL|GROUP|FAMILY",
                    message = "must be INDIVIDUAL, GROUP or FAMILY") String type,
            @RequestParam(required = false) Boolean specialSupportMeasure) {
        ChildFacts child = new ChildFacts(age, gender == null ? null : gender.name(), null,
                concerns == null ? Set.of() : Set.copyOf(concerns), specialSupportMeasure);
        String municipality = CurrentCaller.get().organisation();
        return search.search(CurrentCaller.get(), child, type).stream()
                .map(match -> OfferResponse.of(match, municipality)).toList();
    }

    @Operation(summary = "Checks a child against one offer's target group, criterion by criterion")
    @PostMapping("/eligibility")
    OfferResponse eligibility(@Valid @RequestBody EligibilityRequest request) {
        return OfferResponse.of(search.check(CurrentCaller.get(), request.interventionCode(),
                new ChildFacts(age(request), request.gender() == null ? null : request.gender().name(), null,
                        request.concerns() == null ? Set.of() : Set.copyOf(request.concerns()),
                        request.specialSupportMeasure())), CurrentCaller.get().organisation());
    }

    private Integer age(EligibilityRequest request) {
        LocalDate birthDate = request.birthDate();
        if (request.cpr() != null && !request.cpr().isBlank()) {
            try {
                birthDate = CprNumber.parse(request.cpr()).birthDate();
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("cpr", e.getMessage());
            }
        }
        if (birthDate == null) {
            return request.age();
        }
        return Period.between(birthDate, LocalDate.now(clock.withZone(DANISH_TIME))).getYears();
    }

    /** The child as far as the referrer has described them; the CPR number only gives the birth date. */
    record EligibilityRequest(
            @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be an intervention code from the catalogue")
            String interventionCode,
            @Min(0) @Max(25) Integer age,
            @Past LocalDate birthDate,
            @Schema(description = "used for the birth date only; never stored") @Size(max = 11) String cpr,
            Child.Gender gender,
            @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9_]{2,60}", message = "must be a concern code") String> concerns,
            Boolean specialSupportMeasure) {
    }

    /**
     * An offer with the child's eligibility and the NGO's availability (null until the NGO has told).
     *
     * @param model         the collaboration model of the partnership with the caller's municipality
     * @param staircaseStep the offer's step on the intervention staircase (1–7), where the catalogue states it
     */
    record OfferResponse(String code, String name, String ngoCode, String ngoName, String model, List<String> types,
                         TargetGroup targetGroup, Format format, String deliveredBy, Availability availability,
                         Eligibility eligibility, @JsonInclude(JsonInclude.Include.NON_NULL) Integer staircaseStep) {

        static OfferResponse of(OfferMatch match, String municipalityCode) {
            var offer = match.offer();
            return new OfferResponse(offer.code(), offer.name(), offer.ngoCode(), offer.ngoName(),
                    offer.modelIn(municipalityCode), offer.types(), offer.targetGroup(), offer.format(),
                    offer.deliveredBy(), offer.availability(), match.eligibility(), offer.staircaseStep());
        }
    }
}
