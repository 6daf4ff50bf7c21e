package dk.earlyhelp.local.attacks;

import static dk.earlyhelp.local.attacks.Principal.Role.MUNICIPAL_STAFF;
import static dk.earlyhelp.local.attacks.Principal.Role.NGO_COORDINATOR;
import static dk.earlyhelp.local.attacks.Principal.Role.VOLUNTEER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import dk.earlyhelp.local.LocalSettings;
import dk.earlyhelp.local.system.RunningSystem;

/**
 * Attack test 1, the tenant matrix: every operation of the services' OpenAPI documents that names
 * an object, for every principal, on objects owned by each side. Each cell must answer as the
 * policy below says (401 anonymous, 403 a role the operation is not for, 404 an object outside the
 * caller's organisation exactly like a missing one, no denial where permitted), and every refusal of an
 * existing object must be in the owning service's audit trail. Permitted writes are not sent (they
 * would change the objects the other cells aim at; the services' own tests cover them); every
 * refused write is sent, and afterwards the objects read exactly as before.
 */
@Order(2)
class TenantMatrixIT {

    private static LocalSettings system;
    private static Http gateway;
    private static Callers callers;
    private static Fixtures fixtures;

    /** What a path parameter names. */
    enum Kind { REFERRAL, CONSENT, VOLUNTEER, GROUP, PARTNERSHIP, NOTIFICATION, CONCERN_TASK, DEAD_LETTER,
        CONSENT_LINK, INTERVENTION, NGO, MUNICIPALITY }

    /** Which principals, beside the role, an object admits. */
    enum Relation {
        /** Municipal users of the municipality whose referral or consent it is. */
        MUNICIPALITY,
        /** The one user the notification is for. */
        RECIPIENT,
        /** The coordinators of the NGO that holds it. */
        NGO,
        /** The delivering NGO's coordinators and the volunteer who works with the child. */
        DELIVERY,
        /** Everyone of the partnership's municipality and NGO, and its steering group (catalogue facts, no child). */
        PARTNERSHIP,
        /** Nobody of these principals (administrators only, or a secret nobody here has). */
        NOBODY
    }

    /** Who may call an operation (roles) and on which objects (relation). */
    record Rule(Kind kind, Set<Principal.Role> roles, Relation relation) {
    }

    /** One object of the matrix: its id, the side that owns it, and whether it exists at all. */
    record Target(String label, String id, Side side) {
    }

    /** The principals one side's objects admit, by relation. */
    record Side(Set<Principal> municipality, Set<Principal> recipient, Set<Principal> ngo, Set<Principal> delivery,
                Set<Principal> partnership) {

        Set<Principal> admitted(Relation relation) {
            return switch (relation) {
                case MUNICIPALITY -> municipality;
                case RECIPIENT -> recipient;
                case NGO -> ngo;
                case DELIVERY -> delivery;
                case PARTNERSHIP -> partnership;
                case NOBODY -> Set.of();
            };
        }
    }

    static final Side AARHUS = new Side(EnumSet.of(Principal.TEACHER_AARHUS, Principal.INTEGRATION_CLIENT),
            EnumSet.of(Principal.TEACHER_AARHUS), EnumSet.of(Principal.POWERKIDS_COORDINATOR),
            EnumSet.of(Principal.POWERKIDS_COORDINATOR),
            EnumSet.of(Principal.TEACHER_AARHUS, Principal.INTEGRATION_CLIENT, Principal.POWERKIDS_COORDINATOR,
                    Principal.UNASSIGNED_VOLUNTEER, Principal.STEERING_MEMBER));
    static final Side COPENHAGEN = new Side(EnumSet.of(Principal.CASEWORKER_COPENHAGEN),
            EnumSet.of(Principal.CASEWORKER_COPENHAGEN), EnumSet.of(Principal.STROEM_COORDINATOR),
            EnumSet.of(Principal.STROEM_COORDINATOR, Principal.ASSIGNED_VOLUNTEER),
            EnumSet.of(Principal.CASEWORKER_COPENHAGEN, Principal.STROEM_COORDINATOR, Principal.ASSIGNED_VOLUNTEER));

    private static final Set<Principal.Role> MUNICIPAL = EnumSet.of(MUNICIPAL_STAFF);
    private static final Set<Principal.Role> COORDINATOR = EnumSet.of(NGO_COORDINATOR);
    private static final Set<Principal.Role> NGO_PEOPLE = EnumSet.of(NGO_COORDINATOR, VOLUNTEER);
    private static final Set<Principal.Role> ADMIN_ONLY = EnumSet.noneOf(Principal.Role.class);

    /** The policy, one line per operation that names an object; an operation missing here fails the test. */
    static final Map<String, Rule> POLICY = new LinkedHashMap<>();

    static {
        rule(Kind.REFERRAL, MUNICIPAL, Relation.MUNICIPALITY, "GET /api/referrals/{id}", "PUT /api/referrals/{id}",
                "POST /api/referrals/{id}/submit", "POST /api/referrals/{id}/withdraw",
                "POST /api/referrals/{id}/followers", "DELETE /api/referrals/{id}/followers/{email}",
                "POST /api/referrals/{id}/consent-check", "GET /api/referrals/{id}/concern-notifications");
        rule(Kind.REFERRAL, COORDINATOR, Relation.NGO, "POST /api/referrals/{id}/concern-notifications");
        rule(Kind.REFERRAL, COORDINATOR, Relation.NGO, "GET /api/referrals/{id}/for-ngo");
        rule(Kind.NOTIFICATION, MUNICIPAL, Relation.RECIPIENT, "POST /api/referrals/notifications/{id}/read");

        rule(Kind.VOLUNTEER, COORDINATOR, Relation.NGO, "GET /api/ngo/volunteers/{id}", "PUT /api/ngo/volunteers/{id}",
                "POST /api/ngo/volunteers/{id}/status");
        rule(Kind.REFERRAL, COORDINATOR, Relation.NGO, "POST /api/ngo/inbox/{referralId}/decision",
                "POST /api/ngo/inbox/{referralId}/start", "POST /api/ngo/inbox/{referralId}/match",
                "POST /api/ngo/inbox/{referralId}/complete", "POST /api/ngo/inbox/{referralId}/drop-out",
                "GET /api/ngo/inbox/{referralId}/proposals", "POST /api/ngo/inbox/{referralId}/family-answer");
        rule(Kind.GROUP, COORDINATOR, Relation.NGO, "GET /api/ngo/groups/{id}", "POST /api/ngo/groups/{id}/seats");
        // Its leaders run a group too; no principal here leads the Powerkids group of the fixtures.
        rule(Kind.GROUP, NGO_PEOPLE, Relation.NGO, "GET /api/ngo/groups/{id}/sessions",
                "POST /api/ngo/groups/{id}/sessions");
        rule(Kind.PARTNERSHIP, EnumSet.allOf(Principal.Role.class), Relation.PARTNERSHIP,
                "GET /api/ngo/partnerships/{id}");
        // The catalogue is the platform administrator's: none of these principals changes it or reads
        // a partnership's history (the catalogue's reads without an id are everyone's).
        rule(Kind.PARTNERSHIP, ADMIN_ONLY, Relation.NOBODY, "GET /api/ngo/partnerships/{id}/versions",
                "POST /api/ngo/partnerships/{id}/versions", "PUT /api/ngo/partnerships/{id}/steering-group");
        rule(Kind.INTERVENTION, ADMIN_ONLY, Relation.NOBODY, "GET /api/ngo/interventions/{code}",
                "PUT /api/ngo/interventions/{code}");
        rule(Kind.NGO, ADMIN_ONLY, Relation.NOBODY, "PUT /api/ngo/ngos/{code}");
        rule(Kind.MUNICIPALITY, ADMIN_ONLY, Relation.NOBODY, "PUT /api/ngo/municipalities/{code}");

        rule(Kind.CONSENT, MUNICIPAL, Relation.MUNICIPALITY, "GET /api/consents/{id}/fhir");
        // A coordinator manages only the consents their NGO recorded for children it registered (B1/B3);
        // the fixtures' consents are municipal ones, so both coordinators find them missing.
        rule(Kind.CONSENT, EnumSet.of(MUNICIPAL_STAFF, NGO_COORDINATOR), Relation.MUNICIPALITY,
                "GET /api/consents/{id}", "POST /api/consents/{id}/grantors", "POST /api/consents/{id}/refusals",
                "POST /api/consents/{id}/withdraw", "POST /api/consents/{id}/invitations");
        rule(Kind.CONSENT, ADMIN_ONLY, Relation.NOBODY, "GET /api/consents/{id}/history");
        // Custody holders open their links in the portal; the API door itself wants a token, and a
        // link nobody was sent is missing for everyone.
        rule(Kind.CONSENT_LINK, EnumSet.allOf(Principal.Role.class), Relation.NOBODY, "GET /api/consent-links/{token}",
                "POST /api/consent-links/{token}", "POST /api/consent-links/{token}/withdraw",
                "GET /api/consent-links/{token}/access-report");

        rule(Kind.REFERRAL, NGO_PEOPLE, Relation.DELIVERY, "GET /api/measurements/enrolments/{referralId}/checklist",
                "GET /api/measurements/enrolments/{referralId}/questionnaires/{kind}",
                "PUT /api/measurements/enrolments/{referralId}/questionnaires/{kind}/answers",
                "POST /api/measurements/enrolments/{referralId}/questionnaires/{kind}/submission");
        rule(Kind.CONCERN_TASK, COORDINATOR, Relation.NOBODY,
                "POST /api/measurements/concern-tasks/{id}/acknowledgement",
                "POST /api/measurements/concern-tasks/{id}/decision");

        for (String service : List.of("referrals", "ngo", "consents", "measurements")) {
            rule(Kind.DEAD_LETTER, ADMIN_ONLY, Relation.NOBODY,
                    "POST /api/" + service + "/dead-letters/{topic}/{partition}/{offset}/replay");
        }
    }

    private static void rule(Kind kind, Set<Principal.Role> roles, Relation relation, String... operations) {
        for (String operation : operations) {
            POLICY.put(operation, new Rule(kind, roles, relation));
        }
    }

    @BeforeAll
    static void objectsOfBothSides() {
        system = RunningSystem.get();
        gateway = new Http(system.portalUrl());
        callers = new Callers(system.portalUrl());
        fixtures = Fixtures.create(gateway, callers);
    }

    @AfterAll
    static void releaseTheMentor() {
        if (fixtures != null) {
            fixtures.release(gateway, callers);
        }
    }

    @Test
    void everyCellAnswersAsThePolicySaysAndEveryRefusalIsAudited() {
        List<ApiDescription.Operation> operations = new ApiDescription(gateway).operations().stream()
                .filter(ApiDescription.Operation::namesObject).toList();
        assertThat(operations).as("operations that name an object, from the OpenAPI documents").hasSizeGreaterThan(30);
        assertThat(operations).as("every such operation has a line in the policy")
                .allSatisfy(operation -> assertThat(POLICY).containsKey(operation.key()));
        Map<String, String> before = ownersViews();

        Instant start = Instant.now();
        List<Cell> cells = eachPrincipalAtOnce(principal -> {
            List<Cell> own = new ArrayList<>();
            for (ApiDescription.Operation operation : operations) {
                Rule rule = POLICY.get(operation.key());
                for (Target target : targets(rule.kind())) {
                    own.add(run(operation, rule, target, principal));
                }
            }
            return own;
        });

        List<AuditRecords.Denial> denials = AuditRecords.denialsSince(system.mongoPort(), start.minusSeconds(1));
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells) {
            if (!cell.answeredAsExpected()) {
                wrong.add(cell + " answered " + cell.answer);
            } else if (cell.mustBeAudited() && denials.stream().noneMatch(cell::auditedBy)) {
                wrong.add(cell + " was not audited");
            }
        }
        long sent = cells.stream().filter(cell -> cell.answer != null).count();
        System.out.printf("Tenant matrix: %d operations, %d cells, %d sent, %d permitted writes not sent%n",
                operations.size(), cells.size(), sent, cells.size() - sent);
        assertThat(wrong).as("cells that differ from the policy").isEmpty();
        assertThat(ownersViews()).as("refused writes changed nothing").isEqualTo(before);
    }

    /**
     * The principals attack side by side, each their cells one after another (so each refusal's
     * audit record is found by actor and time), which keeps the matrix within a minute.
     */
    private static List<Cell> eachPrincipalAtOnce(Function<Principal, List<Cell>> cellsOf) {
        ExecutorService attackers = Executors.newFixedThreadPool(Principal.values().length);
        try {
            List<Future<List<Cell>>> running = new ArrayList<>();
            for (Principal principal : Principal.values()) {
                running.add(attackers.submit(() -> cellsOf.apply(principal)));
            }
            List<Cell> cells = new ArrayList<>();
            for (Future<List<Cell>> own : running) {
                cells.addAll(own.get());
            }
            return cells;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            attackers.shutdownNow();
        }
    }

    private static Cell run(ApiDescription.Operation operation, Rule rule, Target target, Principal principal) {
        Expected expected = expected(rule, target, principal);
        Cell cell = new Cell(operation, target, principal, expected);
        if (expected == Expected.PERMIT && !operation.method().equals("GET")) {
            return cell;
        }
        String path = operation.path().replaceAll("\\{(id|referralId|token|code)}", target.id())
                .replace("{kind}", "BEFORE").replace("{email}", "attack@example.org")
                .replace("{topic}", "referral.events").replace("{partition}", "0").replace("{offset}", "999999999");
        Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> body = operation.body();
        cell.startedAt = Instant.now();
        cell.answer = gateway.sendWithinRateLimit(operation.method(), path, callers.token(principal),
                body == null ? null : body.getKey(), body == null ? null : operation.example(body.getValue()).toString());
        cell.endedAt = Instant.now();
        return cell;
    }

    private static Expected expected(Rule rule, Target target, Principal principal) {
        if (principal == Principal.ANONYMOUS) {
            return Expected.UNAUTHENTICATED;
        }
        if (!rule.roles().contains(principal.role)) {
            return Expected.FORBIDDEN;
        }
        return target.side() != null && target.side().admitted(rule.relation()).contains(principal) ? Expected.PERMIT
                : Expected.NOT_FOUND;
    }

    private static List<Target> targets(Kind kind) {
        Function<Fixtures.Side, String> id = switch (kind) {
            case REFERRAL -> Fixtures.Side::referralId;
            case CONSENT -> Fixtures.Side::consentId;
            case VOLUNTEER -> Fixtures.Side::volunteerId;
            case PARTNERSHIP -> Fixtures.Side::partnershipId;
            case NOTIFICATION -> Fixtures.Side::notificationId;
            default -> null;
        };
        if (id != null) {
            return List.of(new Target("Aarhus " + kind, id.apply(fixtures.aarhus), AARHUS),
                    new Target("Copenhagen " + kind, id.apply(fixtures.copenhagen), COPENHAGEN));
        }
        if (kind == Kind.GROUP) {
            return List.of(new Target("Powerkids group", fixtures.powerkidsGroup, AARHUS));
        }
        // The catalogue's objects of each side: the offer, its NGO and the municipality.
        if (kind == Kind.INTERVENTION) {
            return List.of(new Target("Powerkids", "POWERKIDS", AARHUS), new Target("STRØM", "STROEM", COPENHAGEN));
        }
        if (kind == Kind.NGO) {
            return List.of(new Target("Red Cross Youth Aarhus", "URK_AAR", AARHUS),
                    new Target("Red Cross Youth Copenhagen", "URK_KBH", COPENHAGEN));
        }
        if (kind == Kind.MUNICIPALITY) {
            return List.of(new Target("Aarhus", "0751", AARHUS), new Target("Copenhagen", "0101", COPENHAGEN));
        }
        // No such object for anybody here: concern tasks arise from answers, dead letters from failures, links are secrets.
        return List.of(new Target("missing " + kind, "attack-" + UUID.randomUUID(), null));
    }

    /** What the owners see of the objects; refused writes must not change any of it. */
    private static Map<String, String> ownersViews() {
        Map<String, String> views = new LinkedHashMap<>();
        String teacher = callers.token(Principal.TEACHER_AARHUS);
        String caseworker = callers.token(Principal.CASEWORKER_COPENHAGEN);
        String powerkids = callers.token(Principal.POWERKIDS_COORDINATOR);
        String stroem = callers.token(Principal.STROEM_COORDINATOR);
        for (String[] read : new String[][] {
                { teacher, "/api/referrals/" + fixtures.aarhus.referralId() },
                { caseworker, "/api/referrals/" + fixtures.copenhagen.referralId() },
                { teacher, "/api/consents/" + fixtures.aarhus.consentId() },
                { caseworker, "/api/consents/" + fixtures.copenhagen.consentId() },
                { powerkids, "/api/ngo/volunteers/" + fixtures.aarhus.volunteerId() },
                { stroem, "/api/ngo/volunteers/" + fixtures.copenhagen.volunteerId() },
                { powerkids, "/api/ngo/groups/" + fixtures.powerkidsGroup },
                { powerkids, "/api/referrals/" + fixtures.aarhus.referralId() + "/for-ngo" },
                { stroem, "/api/referrals/" + fixtures.copenhagen.referralId() + "/for-ngo" },
                { teacher, "/api/ngo/partnerships/POWERKIDS-0751" },
                { caseworker, "/api/ngo/partnerships/STROEM-0101" },
                { powerkids, "/api/ngo/ngos" },
                { teacher, "/api/ngo/municipalities" } }) {
            views.put(read[1], gateway.json(gateway.get(read[1], read[0]), 200).toString());
        }
        return views;
    }

    enum Expected {
        PERMIT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND;

        boolean matches(int status) {
            return switch (this) {
                // Allowed through; the object's state may still say no (409, 422), never a denial or a failure.
                case PERMIT -> status < 500 && status != 401 && status != 403 && status != 404;
                case UNAUTHENTICATED -> status == 401;
                case FORBIDDEN -> status == 403;
                case NOT_FOUND -> status == 404;
            };
        }
    }

    /** One principal on one object through one operation. */
    static final class Cell {
        final ApiDescription.Operation operation;
        final Target target;
        final Principal principal;
        final Expected expected;
        Http.Answer answer;
        Instant startedAt;
        Instant endedAt;

        Cell(ApiDescription.Operation operation, Target target, Principal principal, Expected expected) {
            this.operation = operation;
            this.target = target;
            this.principal = principal;
            this.expected = expected;
        }

        boolean answeredAsExpected() {
            return answer == null || expected.matches(answer.status())
                    && (expected == Expected.PERMIT || answer.isProblem());
        }

        /** A refusal of an object that exists, by a caller the services know. */
        boolean mustBeAudited() {
            return answer != null && target.side() != null
                    && (expected == Expected.FORBIDDEN || expected == Expected.NOT_FOUND);
        }

        boolean auditedBy(AuditRecords.Denial denial) {
            return principal.subject.equals(denial.actor()) && denial.resourceId() != null
                    && denial.resourceId().contains(target.id())
                    && !denial.at().isBefore(startedAt.minus(Duration.ofMillis(5)))
                    && !denial.at().isAfter(endedAt.plus(Duration.ofMillis(5)));
        }

        @Override
        public String toString() {
            return principal + " × " + operation.key() + " on " + target.label() + " (expected " + expected + ")";
        }
    }
}
