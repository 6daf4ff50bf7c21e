package dk.earlyhelp.measurement.questionnaire;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.Intervention;
import dk.earlyhelp.measurement.enrolment.Enrolment;
import dk.earlyhelp.measurement.enrolment.Enrolments;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.DataAccess;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Who may see and answer an enrolment's questionnaires: the coordinators of the NGO that delivers
 * it, and those of its volunteers who deliver the course (the mentor, or the leaders of the child's
 * group, as ngo-service's newest {@code ngo.referral-progressed.v1} names them by the pseudonym of
 * their login); nobody else. Every access and every refusal is audited.
 */
@Component
class EnrolmentAccess {

    static final String COORDINATOR = "NGO_COORDINATOR";
    static final String VOLUNTEER = "VOLUNTEER";

    private final Enrolments enrolments;
    private final Catalogue catalogue;
    private final AuditTrail audit;

    EnrolmentAccess(Enrolments enrolments, Catalogue catalogue, AuditTrail audit) {
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    /**
     * A started enrolment and its intervention, if the caller may act on it; the access is audited.
     * A role that never works with questionnaires is refused (403) before anything is looked up;
     * another NGO's or another volunteer's child answers exactly like a missing course (404).
     */
    Permitted open(Caller caller, String referralId, AuditRecord.Action action, String resourceType) {
        return open(caller, referralId, action, resourceType, DataAccess.UNSPECIFIED);
    }

    /** The same, recording which categories the access touches and what for (the access report). */
    Permitted open(Caller caller, String referralId, AuditRecord.Action action, String resourceType,
            DataAccess access) {
        if (!caller.hasRole(COORDINATOR) && !caller.hasRole(VOLUNTEER)) {
            audit.record(caller, AuditRecord.Action.DENIED, resourceType, referralId, null);
            throw forbidden();
        }
        Enrolment enrolment = enrolments.find(referralId).filter(Enrolment::started)
                .orElseThrow(EnrolmentAccess::notStarted);
        Intervention intervention = catalogue.find(enrolment.intervention())
                .orElseThrow(() -> ProblemException.notFound("The course's intervention"));
        if (!mayActFor(caller, intervention.ngoCode(), enrolment)) {
            audit.record(caller, AuditRecord.Action.DENIED, resourceType, referralId, enrolment.childId(), access);
            throw notStarted();
        }
        audit.record(caller, action, resourceType, referralId, enrolment.childId(), access);
        return new Permitted(enrolment, intervention);
    }

    private static ProblemException notStarted() {
        return ProblemException.notFound("A started course with this referral");
    }

    private static boolean mayActFor(Caller caller, String ngoCode, Enrolment enrolment) {
        return caller.belongsToNgo(ngoCode) && (caller.hasRole(COORDINATOR)
                || caller.hasRole(VOLUNTEER) && enrolment.isDeliveredBy(caller.subjectPseudonym()));
    }

    static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Only NGO coordinators and volunteers work with questionnaires.");
    }

    record Permitted(Enrolment enrolment, Intervention intervention) {
    }
}
