package dk.earlyhelp.measurement;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import dk.earlyhelp.platform.test.ArchitectureRules;

/** Packages by feature: use cases never reach into their web or messaging adapters. */
class MeasurementArchitectureTests {

    static final JavaClasses SERVICE = ArchitectureRules.productionClasses("dk.earlyhelp.measurement");

    @Test
    void featuresDoNotDependOnAdapters() {
        ArchitectureRules.featuresDoNotDependOnAdapters().allowEmptyShould(true).check(SERVICE);
    }

    @Test
    void controllersLiveInWebPackages() {
        ArchitectureRules.controllersLiveInWebPackages().allowEmptyShould(true).check(SERVICE);
    }
}
