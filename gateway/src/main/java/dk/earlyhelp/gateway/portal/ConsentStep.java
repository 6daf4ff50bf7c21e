package dk.earlyhelp.gateway.portal;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The consent step of a referral as the referrer sees it: the consent recorded for this referral
 * in the consent service (who has consented, which personal links went out, what is missing),
 * or what to fill in to record or request one.
 */
@Component
class ConsentStep {

    static final String SERVICE = "consent-service";
    /** The consent text the portal and the personal link page show; recorded as the evidence's version. */
    static final String TEXT_VERSION = "EH-SAMTYKKE-2026-11";
    /** Purposes and categories a referrer may ask for; RESEARCH is never part of a referral's consent. */
    static final List<String> PURPOSES = List.of("REFERRAL_AND_DELIVERY", "PROGRESS_TO_REFERRER",
            "BACKGROUND_FROM_MUNICIPALITY", "OUTCOME_MEASUREMENT", "EVALUATION_STATISTICS");
    static final List<String> CATEGORIES = List.of("CONTACT", "SCHOOL", "FAMILY_SITUATION", "CONCERNS",
            "CHILD_VIEW", "WELLBEING_SCORES", "HEALTH_NOTES", "CPR");
    /** Without these the NGO cannot receive the referral at all. */
    static final List<String> REQUIRED = List.of("REFERRAL_AND_DELIVERY", "CONCERNS");
    static final List<String> DEFAULTS = List.of("REFERRAL_AND_DELIVERY", "PROGRESS_TO_REFERRER", "CONTACT", "SCHOOL",
            "CONCERNS", "CHILD_VIEW");
    private static final ZoneId DANISH = ZoneId.of("Europe/Copenhagen");

    private final ServiceCalls services;

    /**
     * The ticked codes of one kind (purposes or categories) with the required ones added: the
     * forms show those as fixed, and a disabled checkbox is not sent.
     */
    static List<String> withRequired(List<String> ticked, List<String> kind) {
        List<String> codes = new java.util.ArrayList<>(ticked == null ? List.of() : ticked);
        REQUIRED.stream().filter(kind::contains).filter(code -> !codes.contains(code)).forEach(codes::add);
        return codes;
    }

    ConsentStep(ServiceCalls services) {
        this.services = services;
    }

    /** Records a grantor staff collected, or sends a personal link; the message keys of what went wrong. */
    List<String> grantor(String consentId, String role, String how, String email, Jwt token) {
        if (how == null || "LATER".equals(how)) {
            return List.of();
        }
        ServiceCalls.Outcome outcome;
        if ("LINK".equals(how)) {
            outcome = services.post(ConsentStep.SERVICE, "/api/consents/" + consentId + "/invitations", token,
                    Map.of("role", role, "email", email == null ? "" : email.strip(), "language", "da"));
        } else {
            outcome = services.post(ConsentStep.SERVICE, "/api/consents/" + consentId + "/grantors", token,
                    Map.of("role", role, "method", "PAPER".equals(how) ? "SIGNED_PAPER" : "VERBAL_RECORDED"));
        }
        if (outcome.succeeded()) {
            return List.of();
        }
        if (outcome.unavailable()) {
            return List.of("unavailable");
        }
        if (outcome.fieldErrors().containsKey("email")) {
            return List.of("consent.error.email");
        }
        return List.of("mail-unavailable".equals(outcome.problemType()) ? "consent.error.mail" : "consent.error.notPossible");
    }

    /** The step for a referral (as the referral service answered it), or null for a draft. */
    @SuppressWarnings("unchecked")
    View view(Map<String, Object> referral, Jwt token) {
        if ("DRAFT".equals(referral.get("status")) || referral.get("consentState") == null) {
            return null;
        }
        Map<String, Object> child = (Map<String, Object>) referral.get("child");
        String referralId = (String) referral.get("id");
        ServiceCalls.Answer<List<Map<String, Object>>> consents = services.get(SERVICE,
                "/api/consents?childId=" + child.get("id"), token, ServiceCalls.LIST, List.of());
        Map<String, Object> consent = consents.value().stream()
                .filter(candidate -> referralId.equals(candidate.get("referralId")))
                .max(Comparator.comparing(candidate -> String.valueOf(candidate.get("createdAt"))))
                .orElse(null);
        List<Holder> holders = ((List<Map<String, Object>>) referral.getOrDefault("custodyHolders", List.of()))
                .stream().map(holder -> new Holder((String) holder.get("name"), (String) holder.get("email")))
                .toList();
        LocalDate today = LocalDate.now(DANISH);
        Object birthDate = child.get("birthDate");
        boolean fifteen = birthDate != null
                && Period.between(LocalDate.parse(birthDate.toString()), today).getYears() >= 15;
        return new View((String) referral.get("consentState"), consents.unavailable(),
                consent == null ? null : Recorded.of(consent), holders, fifteen,
                today.plusMonths(12).toString(), Math.max(1, Math.min(2, holders.size())));
    }

    /**
     * @param referralConsent the referral's own state: AWAITING, GIVEN, REFUSED or WITHDRAWN
     * @param recorded        the consent recorded for this referral, or null
     */
    public record View(String referralConsent, boolean unavailable, Recorded recorded, List<Holder> holders,
                       boolean youngPersonRequired, String defaultUntil, int defaultHoldersRequired) {

        /** A new consent can be recorded while the referral waits and none is pending. */
        public boolean canRecord() {
            return "AWAITING".equals(referralConsent) && !unavailable
                    && (recorded == null || !"DRAFT".equals(recorded.status()) && !"ACTIVE".equals(recorded.status()));
        }

        public List<String> purposes() {
            return PURPOSES;
        }

        public List<String> categories() {
            return CATEGORIES;
        }

        /** The professional roles the custody holders may let follow the referral; none by default. */
        public List<String> followerRoles() {
            return ColleagueChoices.ROLES;
        }

        public boolean required(String code) {
            return REQUIRED.contains(code);
        }

        public boolean byDefault(String code) {
            return DEFAULTS.contains(code);
        }
    }

    /** A custody holder named on the referral. */
    public record Holder(String name, String email) {
    }

    /** The consent as the consent service holds it, for display. */
    public record Recorded(String id, String status, boolean refused, int custodyHoldersRequired,
                           boolean youngPersonRequired, long custodyHoldersGiven, boolean youngPersonGiven,
                           List<String> purposes, List<String> categories, String validUntil, String textVersion,
                           List<Given> grantors, List<Link> links, List<String> confirmations,
                           List<String> missingConfirmations, String ageRuleNote, List<String> followerRoles,
                           String registeredBy) {

        @SuppressWarnings("unchecked")
        static Recorded of(Map<String, Object> consent) {
            List<Map<String, Object>> grantors = (List<Map<String, Object>>) consent.getOrDefault("grantors", List.of());
            List<Map<String, Object>> invitations = (List<Map<String, Object>>) consent.getOrDefault("invitations",
                    List.of());
            return new Recorded((String) consent.get("id"), (String) consent.get("status"),
                    Boolean.TRUE.equals(consent.get("refused")),
                    ((Number) consent.get("custodyHoldersRequired")).intValue(),
                    Boolean.TRUE.equals(consent.get("youngPersonRequired")),
                    grantors.stream().filter(grantor -> "CUSTODY_HOLDER".equals(grantor.get("role"))).count(),
                    grantors.stream().anyMatch(grantor -> "YOUNG_PERSON".equals(grantor.get("role"))),
                    (List<String>) consent.getOrDefault("effectivePurposes", List.of()),
                    (List<String>) consent.getOrDefault("effectiveCategories", List.of()),
                    (String) consent.get("validUntil"), (String) consent.get("textVersion"),
                    grantors.stream().map(grantor -> new Given((String) grantor.get("role"),
                            (String) grantor.get("method"), Rows.time(grantor.get("at")))).toList(),
                    invitations.stream().map(link -> new Link((String) link.get("role"), (String) link.get("kind"),
                            (String) link.get("maskedEmail"), Rows.time(link.get("sentAt")),
                            Rows.time(link.get("expiresAt")), (String) link.get("outcome"))).toList(),
                    ((List<Map<String, Object>>) consent.getOrDefault("confirmations", List.of())).stream()
                            .map(confirmation -> confirmation.get("service") + " (" + Rows.time(confirmation.get("at"))
                                    + ")").toList(),
                    (List<String>) consent.getOrDefault("missingConfirmations", List.of()),
                    (String) consent.get("ageRuleNote"),
                    (List<String>) consent.getOrDefault("followerRoles", List.of()),
                    (String) consent.get("registeredBy"));
        }

        public boolean pending() {
            return "DRAFT".equals(status);
        }

        public boolean active() {
            return "ACTIVE".equals(status);
        }

        /** Recorded by the NGO for a child it registered itself, or by the municipality for a referral. */
        public boolean forRegisteredChild() {
            return registeredBy != null;
        }

        /** Withdrawn, refused or expired: a new consent may be recorded. */
        public boolean ended() {
            return !pending() && !active();
        }
    }

    /** One grantor's consent: who (by role), how and when. */
    public record Given(String role, String method, String at) {
    }

    /** A personal link sent to a grantor (address masked) and what became of it. */
    public record Link(String role, String kind, String maskedEmail, String sentAt, String expiresAt, String outcome) {
    }
}
