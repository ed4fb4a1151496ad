package dev.scripttracker.spring.it;

import dev.scripttracker.spring.jpa.MembersApplication;
import dev.scripttracker.testing.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the JPA sample application, for real, on a test database. */
final class MembersContext {

    private MembersContext() {
    }

    static ConfigurableApplicationContext start(TestDatabase db) {
        return new SpringApplicationBuilder(MembersApplication.class).web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + db.url(), "spring.datasource.hikari.maximum-pool-size=5",
                        "spring.main.banner-mode=off", "spring.liquibase.enabled=false",
                        "spring.jpa.open-in-view=false")
                .run();
    }
}
