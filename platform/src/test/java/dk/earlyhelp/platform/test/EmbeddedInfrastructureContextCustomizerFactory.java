package dk.earlyhelp.platform.test;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Points every Spring test context of a service with a store at the shared {@link EmbeddedInfrastructure};
 * registered in {@code META-INF/spring.factories}, so tests need no annotation for it.
 */
public class EmbeddedInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        // The gateway has no store and no broker of its own.
        return ClassUtils.isPresent("org.springframework.data.mongodb.core.MongoTemplate", null) ? new Customizer() : null;
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("embeddedInfrastructure", EmbeddedInfrastructure.springProperties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
