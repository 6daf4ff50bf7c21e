package dk.earlyhelp.platform.test;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.lang.ArchRule;

/** The package rules of every service, inherited by each service's {@code XxxArchitectureTests}. */
public abstract class ServiceArchitectureTests {

    /** The service's root package, e.g. {@code dk.earlyhelp.referrals}. */
    protected abstract String basePackage();

    @Test
    void featuresDoNotDependOnTheirAdapters() {
        check(ArchitectureRules.featuresDoNotDependOnAdapters());
    }

    @Test
    void controllersLiveInWebPackages() {
        check(ArchitectureRules.controllersLiveInWebPackages());
    }

    @Test
    void listenersRunAsTheSystem() {
        check(ArchitectureRules.listenersRunAsTheSystem());
    }

    @Test
    void listenersCallOnlySecuredUseCases() {
        check(ArchitectureRules.listenersCallOnlySecuredUseCases(basePackage()));
    }

    @Test
    void endpointsNeverReturnStoredDocuments() {
        check(ArchitectureRules.endpointsNeverReturnStoredDocuments());
    }

    private void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(ArchitectureRules.productionClasses(basePackage()));
    }
}
