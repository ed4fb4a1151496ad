package dev.scripttracker.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scripttracker.RunOutcome;
import dev.scripttracker.RunResult;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.internal.config.ConfigKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

class ScriptTrackerAutoConfigurationTest {

    private final ApplicationContextRunner withDataSource = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    ScriptTrackerAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    @Test
    void withTheApplicationsDataSource_aTrackerIsThere_andPendingScriptsDoNotRunUnlessAskedTo() {
        withDataSource.run(context -> {
            assertThat(context).hasSingleBean(ScriptTracker.class);
            assertThat(context).doesNotHaveBean(ScriptTrackerStartup.class);
        });
    }

    @Test
    void runPending_addsTheStartUpRun() {
        withDataSource.withPropertyValues("scripttracker.run-pending=true")
                .run(context -> assertThat(context).hasSingleBean(ScriptTrackerStartup.class));
    }

    @Test
    void withLazyInitialization_theStartUpRunStaysEager() {
        withDataSource.withPropertyValues("scripttracker.run-pending=true")
                .withInitializer(context -> context.addBeanFactoryPostProcessor(
                        new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
                .run(context -> assertThat(context.getBeanFactory().getBeanDefinition("scriptTrackerStartup")
                        .isLazyInit()).isFalse());
    }

    @Test
    void withoutADataSource_itBacksOff() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ScriptTrackerAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(ScriptTracker.class));
    }

    @Test
    void disabled_itBacksOff() {
        withDataSource.withPropertyValues("scripttracker.enabled=false", "scripttracker.run-pending=true")
                .run(context -> assertThat(context).doesNotHaveBean(ScriptTracker.class)
                        .doesNotHaveBean(ScriptTrackerStartup.class));
    }

    @Test
    void theApplicationsOwnTracker_replacesOurs() {
        withDataSource.withUserConfiguration(OwnTracker.class).run(context -> {
            assertThat(context).hasSingleBean(ScriptTracker.class);
            assertThat(context).getBean(ScriptTracker.class).isSameAs(context.getBean(OwnTracker.class).built);
        });
    }

    @Test
    void aBadValue_failsTheStartUp_namingThePropertyAndTheFix() {
        withDataSource.withPropertyValues("scripttracker.max-consecutive-failures=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(
                    "scripttracker.max-consecutive-failures=0 (Spring Boot property) is not accepted:"
                    + " maxConsecutiveFailures must be at least 1, not 0. Fix it where the application is configured"
                    + " (application.properties");
        });
    }

    @Test
    void aBadTablePrefix_failsTheStartUp_namingTheProperty() {
        withDataSource.withPropertyValues("scripttracker.table-prefix=ops scripts").run(context -> assertThat(context
                .getStartupFailure()).hasStackTraceContaining("scripttracker.table-prefix=ops scripts (Spring Boot"
                + " property) is not accepted"));
    }

    @Test
    void thePasswordIsNeverShown() {
        withDataSource.withPropertyValues("scripttracker.url=jdbc:h2:mem:store", "scripttracker.password=hunter2secret")
                .run(context -> assertThat(context.getBean(ScriptTrackerProperties.class).toString())
                        .doesNotContain("hunter2secret").contains("password=***"));
    }

    @Test
    void everySettingOfTheCommandLineAndAgent_isASpringPropertyOfTheSameName() throws IOException {
        String metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(Arrays.stream(ConfigKey.values()).map(key -> "\"scripttracker." + key.canonicalName() + "\""))
                .allMatch(metadata::contains);
        assertThat(metadata).contains("\"scripttracker.run-pending\"", "\"scripttracker.on-failure\"",
                "\"scripttracker.health.failed-status\"");
    }

    @Test
    void withTheStoreInAnotherDatabase_aFailedBeanScriptIsRecordedAsPossiblyPartial_andWaitsForAPerson() {
        withDataSource.withPropertyValues("scripttracker.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .withUserConfiguration(SpringWorkElsewhere.class).run(context -> {
                    ScriptTracker tracker = context.getBean(ScriptTracker.class);
                    RunResult result = tracker.run("0001_writes_through_spring_then_fails");

                    assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
                    assertThat(result.message()).contains("NOT rolled back and may be partial");
                    assertThat(context.getBean(JdbcTemplate.class).queryForObject("select count(*) from written",
                            Long.class)).isEqualTo(1L);
                    assertThat(tracker.status().get(0).needsExplicitRun()).isTrue();
                });
    }

    @Test
    void withoutJpaOnTheClassPath_aBeanScriptsJdbcWorkStillJoinsItsTransaction_andRollsBackWithIt() {
        withDataSource.withClassLoader(new FilteredClassLoader("jakarta.persistence", "org.hibernate",
                "org.springframework.orm")).withUserConfiguration(SpringWorkElsewhere.class).run(context -> {
                    RunResult result = context.getBean(ScriptTracker.class).run("0001_writes_through_spring_then_fails");

                    assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
                    assertThat(result.message()).contains("its work was rolled back").doesNotContain("NOT rolled back");
                    // H2 commits the create table by itself; the insert after it was in the script's transaction.
                    assertThat(context.getBean(JdbcTemplate.class).queryForObject("select count(*) from written",
                            Long.class)).isZero();
                });
    }

    @TrackedScript(id = "0001_writes_through_spring_then_fails")
    public static class WritesThroughSpringThenFails implements Script {
        private final JdbcTemplate jdbc;

        public WritesThroughSpringThenFails(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void run(ScriptContext ctx) {
            jdbc.execute("create table written (id int)");
            jdbc.update("insert into written (id) values (1)");
            throw new IllegalStateException("failed after writing through the application's DataSource");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SpringWorkElsewhere {
        @Bean
        JdbcTemplate jdbcTemplate(DataSource dataSource) {
            return new JdbcTemplate(dataSource);
        }

        @Bean
        WritesThroughSpringThenFails script(JdbcTemplate jdbc) {
            return new WritesThroughSpringThenFails(jdbc);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTracker {
        ScriptTracker built;

        @Bean(destroyMethod = "close")
        ScriptTracker myTracker(DataSource dataSource) {
            built = ScriptTracker.builder().dataSource(dataSource).tablePrefix("own_scripts").build();
            return built;
        }
    }
}
