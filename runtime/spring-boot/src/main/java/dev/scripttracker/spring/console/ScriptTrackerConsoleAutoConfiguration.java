package dev.scripttracker.spring.console;

import dev.scripttracker.ScriptTracker;
import dev.scripttracker.console.Console;
import dev.scripttracker.console.ConsoleSettings;
import dev.scripttracker.console.Credentials;
import dev.scripttracker.spring.ScriptTrackerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

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
    public Console scriptTrackerConsole(ScriptTracker tracker, ScriptTrackerConsoleProperties properties) {
        boolean ownSignIn = hasText(properties.password()) || hasText(properties.token());
        Credentials credentials = ownSignIn ? Credentials.of(properties.user(), properties.password(), properties.token())
                : Credentials.container();
        return new Console(tracker, ConsoleSettings.defaults().withBasePath(properties.path())
                .withCredentials(credentials).withReadOnly(properties.readOnly()));
    }

    @Bean
    public ServletRegistrationBean<ConsoleServlet> scriptTrackerConsoleServlet(Console console) {
        String path = console.settings().basePath();
        ServletRegistrationBean<ConsoleServlet> registration = new ServletRegistrationBean<>(new ConsoleServlet(console),
                path + "/*");
        registration.setName("scriptTrackerConsole");
        return registration;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
