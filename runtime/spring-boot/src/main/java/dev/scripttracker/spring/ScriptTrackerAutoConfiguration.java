package dev.scripttracker.spring;

import dev.scripttracker.ScriptTracker;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * script-tracker on the application's {@link DataSource}: scripts are created through the context
 * and work in Spring's transaction on the script's connection. Backs off when the application
 * defines its own {@link ScriptTracker} bean (build it with {@link SpringScriptTrackers#builder}
 * to keep scripts as beans and Spring's transactions).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.autoconfigure.liquibase.LiquibaseAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnClass({ScriptTracker.class, DataSource.class})
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "scripttracker", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ScriptTrackerProperties.class)
public class ScriptTrackerAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ScriptTracker scriptTracker(DataSource dataSource, ScriptTrackerProperties properties,
            ConfigurableListableBeanFactory beans) {
        return SpringScriptTrackers.builder(beans, dataSource, properties).build();
    }

    @Bean
    @Conditional(StartupRunRequested.class)
    public ScriptTrackerStartup scriptTrackerStartup(ScriptTracker tracker, ScriptTrackerProperties properties) {
        return new ScriptTrackerStartup(tracker, properties);
    }

    /** With {@code spring.main.lazy-initialization=true} a lazy start-up run would never run. */
    @Bean
    static LazyInitializationExcludeFilter eagerScriptTrackerStartup() {
        return LazyInitializationExcludeFilter.forBeanTypes(ScriptTrackerStartup.class);
    }

    /** {@code scripttracker.run-pending=true} or {@code scripttracker.run-ids} given. */
    static final class StartupRunRequested extends AnyNestedCondition {
        StartupRunRequested() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "scripttracker", name = "run-pending", havingValue = "true")
        static final class RunPending {
        }

        @ConditionalOnProperty(prefix = "scripttracker", name = "run-ids")
        static final class RunIds {
        }
    }
}
