package dev.scripttracker.spring.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scripttracker.spring.liquibase.NotesApplication;
import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The start-up run comes after both Flyway and Liquibase have migrated the schema its scripts use. */
class MigrationOrderTest {

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase(DatabaseKind.H2);

    @Test
    void pendingScriptsRunAfterFlywayAndLiquibase() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(NotesApplication.class)
                .web(WebApplicationType.NONE).properties("spring.datasource.url=" + db.get().url(),
                        "spring.liquibase.change-log=classpath:db/liquibase/changelog.sql",
                        // whichever tool goes first, the other finds a schema that is not empty
                        "spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=0",
                        "scripttracker.run-pending=true", "spring.main.banner-mode=off").run()) {
            assertEquals("success", db.get().text("select status from tracked_scripts"
                    + " where script_id = '20261203090000_first_note'"));
            assertEquals(1, db.get().count("select count(*) from liquibase_notes"));
        }
    }
}
