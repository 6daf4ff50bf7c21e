package dk.earlyhelp.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import dk.earlyhelp.platform.test.ArchitectureRules;

/** The platform stays technical: no domain types, no dependency on any service. */
class PlatformArchitectureTests {

    static final JavaClasses PLATFORM = ArchitectureRules.productionClasses("dk.earlyhelp.platform");

    @Test
    void dependsOnNoService() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dk.earlyhelp.referrals..", "dk.earlyhelp.ngo..",
                "dk.earlyhelp.consent..", "dk.earlyhelp.measurement..", "dk.earlyhelp.gateway..")
                .check(PLATFORM);
    }

    @Test
    void hasNoDomainTypes() {
        noClasses().should().haveNameMatching(
                ".*(Referral|Child|Consent|Ngo|Intervention|Partnership|Volunteer|Questionnaire|Municipality).*")
                .because("domain types belong to the service that owns them; a shared kernel couples every service")
                .check(PLATFORM);
    }

    @Test
    void endpointsNeverReturnStoredDocuments() {
        ArchitectureRules.endpointsNeverReturnStoredDocuments().check(PLATFORM);
    }
}
