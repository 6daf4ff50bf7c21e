package dk.earlyhelp.referrals;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import dk.earlyhelp.platform.test.ArchitectureRules;

/** Packages by feature: use cases never reach into their web or messaging adapters. */
class ReferralArchitectureTests {

    static final JavaClasses SERVICE = ArchitectureRules.productionClasses("dk.earlyhelp.referrals");

    @Test
    void featuresDoNotDependOnAdapters() {
        ArchitectureRules.featuresDoNotDependOnAdapters().allowEmptyShould(true).check(SERVICE);
    }

    @Test
    void controllersLiveInWebPackages() {
        ArchitectureRules.controllersLiveInWebPackages().allowEmptyShould(true).check(SERVICE);
    }
}
