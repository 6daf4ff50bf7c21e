package dk.earlyhelp.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.function.Consumer;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import dk.earlyhelp.platform.security.SystemWork;

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

    /** A message listener handles every message as the platform's own caller (issue 8: method security also behind Kafka). */
    public static ArchRule listenersRunAsTheSystem() {
        return methods().that().areDeclaredInClassesThat().resideInAPackage("..messaging..")
                .and().haveRawReturnType(Consumer.class)
                .should(callSystemWorkListener())
                .because("the use cases a listener reaches check hasRole('SYSTEM'), which only SystemWork grants");
    }

    /** What a listener calls in its service is a use case with method security, like what a controller calls. */
    public static ArchRule listenersCallOnlySecuredUseCases(String basePackage) {
        return classes().that().resideInAPackage("..messaging..")
                .should(callOnlySecuredMethodsOfUseCases(basePackage));
    }

    private static ArchCondition<JavaMethod> callSystemWorkListener() {
        return new ArchCondition<>("call SystemWork.listener") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean wrapped = method.getMethodCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(SystemWork.class)
                                && call.getName().equals("listener"));
                events.add(new SimpleConditionEvent(method, wrapped,
                        method.getFullName() + (wrapped ? " runs" : " does not run") + " as the system"));
            }
        };
    }

    private static ArchCondition<JavaClass> callOnlySecuredMethodsOfUseCases(String basePackage) {
        return new ArchCondition<>("call only @PreAuthorize methods of the service's use cases") {
            @Override
            public void check(JavaClass listener, ConditionEvents events) {
                for (JavaMethodCall call : listener.getMethodCallsFromSelf()) {
                    JavaClass owner = call.getTargetOwner();
                    boolean useCase = owner.getPackageName().startsWith(basePackage)
                            && (owner.isAnnotatedWith(Service.class) || owner.isAnnotatedWith(Component.class));
                    if (!useCase) {
                        continue;
                    }
                    boolean secured = call.getTarget().resolveMember()
                            .map(method -> method.isAnnotatedWith(PreAuthorize.class)).orElse(false);
                    events.add(new SimpleConditionEvent(call, secured, call.getDescription()
                            + (secured ? "" : " reaches a use case without @PreAuthorize")));
                }
            }
        };
    }

    /** Per-role response types: an endpoint never hands out a stored document as it is (issue 8). */
    public static ArchRule endpointsNeverReturnStoredDocuments() {
        return methods().that().areDeclaredInClassesThat()
                .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should(notReturnStoredDocuments());
    }

    private static ArchCondition<JavaMethod> notReturnStoredDocuments() {
        return new ArchCondition<>("not return a @Document type, alone or inside another type") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                method.getReturnType().getAllInvolvedRawTypes().stream()
                        .filter(type -> type.isAnnotatedWith(Document.class))
                        .forEach(stored -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " returns the stored " + stored.getName())));
            }
        };
    }
}
