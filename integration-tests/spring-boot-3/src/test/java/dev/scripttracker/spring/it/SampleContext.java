package dev.scripttracker.spring.it;

import dev.scripttracker.spring.sample.LedgerApplication;
import dev.scripttracker.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the sample application, for real, on a test database. */
final class SampleContext {

    /**
     * The ledger is a JDBC application ({@code DataSourceTransactionManager}); JPA is on this module's class
     * path for the members sample. A name the class path lacks may be excluded: Boot 3.5's, then Boot 4.0's.
     */
    static final String NO_JPA = "spring.autoconfigure.exclude="
            + "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration,"
            + "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration";

    private SampleContext() {
    }

    static ConfigurableApplicationContext start(TestDatabase db, String... properties) {
        return builder(db, WebApplicationType.NONE, properties).run();
    }

    static SpringApplicationBuilder builder(TestDatabase db, WebApplicationType web, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + db.url(),
                "spring.datasource.hikari.maximum-pool-size=5", "spring.main.banner-mode=off",
                "spring.liquibase.enabled=false", NO_JPA));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(LedgerApplication.class).web(web).properties(all.toArray(String[]::new));
    }
}
