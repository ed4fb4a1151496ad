package dev.scripttracker.spring.actuate;

import dev.scripttracker.ScriptTracker;
import dev.scripttracker.spring.ScriptTrackerAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link ScriptTrackerMetrics}, which the tracker tells of every run, and {@link ScriptStateGauges} on the
 * application's {@link MeterRegistry} (Boot 3.5 and 4.0 class names).
 */
@AutoConfiguration(after = ScriptTrackerAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, ScriptTracker.class})
public class ScriptTrackerMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ScriptTrackerMetrics scriptTrackerMetrics(MeterRegistry registry) {
        return new ScriptTrackerMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    public ScriptStateGauges scriptStateGauges(MeterRegistry registry, ScriptTracker tracker) {
        return new ScriptStateGauges(registry, tracker);
    }
}
