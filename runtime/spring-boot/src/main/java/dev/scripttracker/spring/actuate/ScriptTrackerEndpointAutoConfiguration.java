package dev.scripttracker.spring.actuate;

import dev.scripttracker.ScriptTracker;
import dev.scripttracker.spring.ScriptTrackerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/** The endpoint {@code scripttracker}; exposed like any other ({@code management.endpoints.web.exposure.include}). */
@AutoConfiguration(after = ScriptTrackerAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(ScriptTracker.class)
public class ScriptTrackerEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ScriptTrackerEndpoint scriptTrackerEndpoint(ApplicationContext context) {
        return new ScriptTrackerEndpoint(context);
    }
}
