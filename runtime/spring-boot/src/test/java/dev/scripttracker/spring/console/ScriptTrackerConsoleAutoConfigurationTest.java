package dev.scripttracker.spring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.console.Console;
import dev.scripttracker.spring.ScriptTrackerAutoConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ScriptTrackerConsoleAutoConfigurationTest {

    private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(DataSourceAutoConfiguration.class,
            ScriptTrackerAutoConfiguration.class, ScriptTrackerConsoleAutoConfiguration.class);

    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    @Test
    void theConsoleIsOffUnlessEnabled() {
        web.run(context -> assertThat(context).doesNotHaveBean(Console.class));
    }

    @Test
    void enabled_itIsServedUnderTheConfiguredPath() {
        web.withPropertyValues("scripttracker.console.enabled=true", "scripttracker.console.path=/ops/scripts")
                .run(context -> {
                    assertThat(context).hasSingleBean(Console.class);
                    assertThat(context.getBean(ServletRegistrationBean.class).getUrlMappings())
                            .containsExactly("/ops/scripts/*");
                });
    }

    @Test
    void outsideAServletWebApplication_itBacksOff() {
        new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "scripttracker.console.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(Console.class));
    }

    @Test
    void inARunningApplication_itListsTheScripts_toTheConsolesUserOnly_linkingUnderTheContextPath() throws Exception {
        try (ConfigurableApplicationContext app = start("scripttracker.console.password=pw-for-test",
                "server.servlet.context-path=/ledger")) {
            String url = url(app).replace("/scripttracker/", "/ledger/scripttracker/");

            HttpResponse<String> anonymous = get(url, null);
            HttpResponse<String> signedIn = get(url, "Basic " + Base64.getEncoder()
                    .encodeToString("admin:pw-for-test".getBytes(StandardCharsets.UTF_8)));

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(signedIn.statusCode()).isEqualTo(200);
            assertThat(signedIn.body())
                    .contains("href=\"/ledger/scripttracker/scripts/20261205090000_console_in_spring\"");
            assertThat(signedIn.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        }
    }

    @Test
    void withoutItsOwnPassword_aRequestWithoutASignedInUser_isRefused() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            HttpResponse<String> anonymous = get(url(app), null);

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("protect the console&#39;s path with Spring Security");
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        SpringApplication application = new SpringApplication(ConsoleApp.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        String[] args = new String[properties.length + 3];
        args[0] = "--server.port=0";
        args[1] = "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        args[2] = "--scripttracker.console.enabled=true";
        for (int i = 0; i < properties.length; i++) {
            args[i + 3] = "--" + properties[i];
        }
        return application.run(args);
    }

    private static String url(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/scripttracker/";
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The auto-configurations it needs, named (the Boot 4 health jar on this module's path breaks a full scan). */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DataSourceAutoConfiguration.class,
        ScriptTrackerAutoConfiguration.class, ScriptTrackerConsoleAutoConfiguration.class})
    static class ConsoleApp {
        @Bean
        InSpring inSpring() {
            return new InSpring();
        }
    }

    @TrackedScript(id = "20261205090000_console_in_spring", description = "Shown by the console inside Spring Boot")
    public static class InSpring implements Script {
        @Override
        public void run(ScriptContext ctx) {
            ctx.log("ran");
        }
    }
}
