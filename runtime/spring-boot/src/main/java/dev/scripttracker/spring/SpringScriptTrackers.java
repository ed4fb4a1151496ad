package dev.scripttracker.spring;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.RunListener;
import dev.scripttracker.ScriptTracker;
import dev.scripttracker.ScriptTrackerBuilder;
import dev.scripttracker.TrackedScript;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Builds a {@link ScriptTracker} the way the auto-configuration does, for an application that
 * defines its own bean:
 *
 * <pre>{@code
 * @Bean(destroyMethod = "close")
 * ScriptTracker scriptTracker(ConfigurableListableBeanFactory beans, DataSource dataSource,
 *         ScriptTrackerProperties properties) {
 *     return SpringScriptTrackers.builder(beans, dataSource, properties).operator("deploy-bot").build();
 * }
 * }</pre>
 */
public final class SpringScriptTrackers {

    private SpringScriptTrackers() {
    }

    /**
     * Scripts created through {@code beans}, {@code @TrackedScript} beans registered (no processor needed
     * for them), the properties applied, every {@link RunListener} bean told of every run, and, when the store is on {@code dataSource}, scripts' Spring
     * work bound into their transactions.
     */
    public static ScriptTrackerBuilder builder(ConfigurableListableBeanFactory beans, DataSource dataSource,
            ScriptTrackerProperties properties) {
        ScriptTrackerBuilder builder = ScriptTracker.builder()
                .classLoader(beans.getBeanClassLoader() != null ? beans.getBeanClassLoader()
                        : ClassUtils.getDefaultClassLoader())
                .scriptFactory(properties.url() == null ? new SpringScriptFactory(beans) : new SpringScriptFactory(beans,
                        "the application's DataSource, while the store is in another database (scripttracker.url),"
                                + " so Spring work commits on its own"));
        for (String name : beans.getBeanNamesForAnnotation(TrackedScript.class)) {
            Class<?> type = beans.getType(name, false);
            if (type != null) {
                builder.register(ClassUtils.getUserClass(type));
            }
        }
        if (properties.url() == null) {
            builder.dataSource(dataSource).workConnectionBinder(new SpringWorkConnectionBinder(dataSource, beans));
        } else {
            apply("url", properties.url(), url -> builder.jdbcUrl(url, properties.user(), properties.password()));
        }
        apply("table-prefix", properties.tablePrefix(), builder::tablePrefix);
        apply("lock-wait", properties.lockWait(), builder::lockWait);
        apply("lease", properties.lease(), builder::lease);
        apply("max-output-chars", properties.maxOutputChars(), builder::maxOutputChars);
        apply("max-consecutive-failures", properties.maxConsecutiveFailures(), builder::maxConsecutiveFailures);
        apply("continue-after-failure", properties.continueAfterFailure(), builder::continueAfterFailure);
        apply("operator", properties.operator(), builder::operator);
        beans.getBeanProvider(RunListener.class).orderedStream().forEach(builder::listener);
        return builder;
    }

    private static <T> void apply(String key, T value, Consumer<T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (ConfigurationException | IllegalArgumentException e) {
            throw new ConfigurationException("scripttracker." + key + "=" + (key.equals("url") ? "(the store's URL)"
                    : value) + " (Spring Boot property) is not accepted: " + e.getMessage() + ". Fix it where the"
                    + " application is configured (application.properties, the environment, a profile).", e);
        }
    }
}
