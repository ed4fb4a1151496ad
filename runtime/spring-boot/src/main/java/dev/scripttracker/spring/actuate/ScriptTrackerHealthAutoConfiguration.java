package dev.scripttracker.spring.actuate;

import dev.scripttracker.ScriptTracker;
import dev.scripttracker.spring.ScriptTrackerAutoConfiguration;
import dev.scripttracker.spring.ScriptTrackerProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health contributor {@code scripttracker} ({@code management.health.scripttracker.enabled}),
 * with one adapter per Spring Boot line: Boot 4 moved the health API to
 * {@code org.springframework.boot.health.contributor}.
 */
@AutoConfiguration(after = ScriptTrackerAutoConfiguration.class)
@ConditionalOnBean(ScriptTracker.class)
@ConditionalOnProperty(prefix = "management.health.scripttracker", name = "enabled", matchIfMissing = true)
public class ScriptTrackerHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ScriptHealth scriptTrackerHealth(ScriptTracker tracker, ScriptTrackerProperties properties) {
        return new ScriptHealth(tracker, properties.health(), Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
    static class Boot3Health {
        @Bean
        @ConditionalOnMissingBean(name = "scripttrackerHealthIndicator")
        Boot3ScriptTrackerHealthIndicator scripttrackerHealthIndicator(ScriptHealth health) {
            return new Boot3ScriptTrackerHealthIndicator(health);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
    static class Boot4Health {
        @Bean
        @ConditionalOnMissingBean(name = "scripttrackerHealthIndicator")
        Boot4ScriptTrackerHealthIndicator scripttrackerHealthIndicator(ScriptHealth health) {
            return new Boot4ScriptTrackerHealthIndicator(health);
        }
    }
}
