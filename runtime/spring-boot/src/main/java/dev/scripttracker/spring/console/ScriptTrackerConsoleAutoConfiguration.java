package dev.scripttracker.spring.console;

import dev.scripttracker.ScriptTracker;
import dev.scripttracker.console.Console;
import dev.scripttracker.console.ConsoleSettings;
import dev.scripttracker.console.Credentials;
import dev.scripttracker.spring.ScriptTrackerAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The web console under {@code scripttracker.console.path} (default {@code /scripttracker}), when
 * {@code scripttracker.console.enabled=true} in a servlet web application. Signed in with the console's
 * own password or token when one is set, else as the user Spring Security signed in (a request
 * without one is refused).
 */
@AutoConfiguration(after = ScriptTrackerAutoConfiguration.class)
@ConditionalOnClass(name = {"dev.scripttracker.console.Console", "jakarta.servlet.http.HttpServlet"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "scripttracker.console", name = "enabled", havingValue = "true")
@ConditionalOnBean(ScriptTracker.class)
@EnableConfigurationProperties(ScriptTrackerConsoleProperties.class)
public class ScriptTrackerConsoleAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Console scriptTrackerConsole(ScriptTracker tracker, ScriptTrackerConsoleProperties properties,
            Environment environment) {
        boolean ownSignIn = hasText(properties.password()) || hasText(properties.token());
        Credentials credentials = ownSignIn ? Credentials.of(properties.user(), properties.password(), properties.token())
                : Credentials.container();
        // The pages' links are absolute, so they include the application's context path.
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return new Console(tracker, ConsoleSettings.defaults().withBasePath(contextPath + mapped(properties))
                .withCredentials(credentials).withReadOnly(properties.readOnly()));
    }

    @Bean
    public ServletRegistrationBean<ConsoleServlet> scriptTrackerConsoleServlet(ObjectProvider<Console> console,
            ScriptTrackerConsoleProperties properties) {
        ServletRegistrationBean<ConsoleServlet> registration = new ServletRegistrationBean<>(
                new ConsoleServlet(console::getObject), mapped(properties) + "/*");
        registration.setName("scriptTrackerConsole");
        return registration;
    }

    /** The console's path below the context path, checked and without a trailing slash. */
    private static String mapped(ScriptTrackerConsoleProperties properties) {
        return ConsoleSettings.defaults().withBasePath(properties.path()).basePath();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
