package dk.earlyhelp.platform.test;

import org.junit.jupiter.api.Test;

/** The package rules of every service, inherited by each service's {@code XxxArchitectureTests}. */
public abstract class ServiceArchitectureTests {

    /** The service's root package, e.g. {@code dk.earlyhelp.referrals}. */
    protected abstract String basePackage();

    @Test
    void featuresDoNotDependOnTheirAdapters() {
        ArchitectureRules.featuresDoNotDependOnAdapters().allowEmptyShould(true)
                .check(ArchitectureRules.productionClasses(basePackage()));
    }

    @Test
    void controllersLiveInWebPackages() {
        ArchitectureRules.controllersLiveInWebPackages().allowEmptyShould(true)
                .check(ArchitectureRules.productionClasses(basePackage()));
    }
}
