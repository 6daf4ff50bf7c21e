package dk.earlyhelp.measurement.questionnaire;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.Intervention;
import dk.earlyhelp.measurement.enrolment.Enrolment;
import dk.earlyhelp.measurement.enrolment.Enrolments;
import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * Who may see and answer an enrolment's questionnaires: the coordinators and volunteers of the
 * NGO that delivers it, nobody else. Every access and every refusal is audited.
 * Which volunteer sits with which child is the NGO's knowledge (ngo-service); the portal shows a
 * volunteer only their own children.
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

    /** A started enrolment and its intervention, if the caller may act on it; the access is audited. */
    Permitted open(Caller caller, String referralId, AuditRecord.Action action, String resourceType) {
        Enrolment enrolment = enrolments.find(referralId).filter(Enrolment::started)
                .orElseThrow(() -> ProblemException.notFound("A started course with this referral"));
        Intervention intervention = catalogue.find(enrolment.intervention())
                .orElseThrow(() -> ProblemException.notFound("The course's intervention"));
        if (!mayActFor(caller, intervention.ngoCode())) {
            audit.record(caller, AuditRecord.Action.DENIED, resourceType, referralId, enrolment.childId());
            throw forbidden();
        }
        audit.record(caller, action, resourceType, referralId, enrolment.childId());
        return new Permitted(enrolment, intervention);
    }

    static boolean mayActFor(Caller caller, String ngoCode) {
        return (caller.hasRole(COORDINATOR) || caller.hasRole(VOLUNTEER)) && caller.belongsToNgo(ngoCode);
    }

    static ProblemException forbidden() {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Only the coordinators and volunteers of the NGO that delivers the course may see its questionnaires.");
    }

    record Permitted(Enrolment enrolment, Intervention intervention) {
    }
}
