package dk.earlyhelp.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules every service keeps (ARCHITECTURE.md, "Inside a service: packages by feature"). */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static JavaClasses productionClasses(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** A feature's aggregate and use cases never depend on its adapters: web and messaging call in, not out. */
    public static ArchRule featuresDoNotDependOnAdapters() {
        return noClasses().that().resideOutsideOfPackages("..web..", "..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..messaging..")
                .because("web and messaging are adapters that call the use cases, never the other way round");
    }

    /** HTTP endpoints are adapters too: they live in a feature's web package. */
    public static ArchRule controllersLiveInWebPackages() {
        return noClasses().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().resideOutsideOfPackage("..web..");
    }
}
