package dev.scripttracker.app;

import java.io.IOException;

/**
 * The scripts of the starter sample: a {@code @Component} script with a constructor-injected
 * {@code JdbcTemplate} and service, and a plain script that only the processor's registry names.
 */
final class StarterScripts {

    static final String BEAN_ID = "20261204100000_credit_welcome_bonus";
    static final String PLAIN_ID = "20261204110000_mark_bonus_day";

    private StarterScripts() {
    }

    static void write(AppProject project) throws IOException {
        project.write("src/main/java/com/acme/boot/Bonuses.java", """
                package com.acme.boot;

                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.stereotype.Service;
                import org.springframework.transaction.annotation.Transactional;

                @Service
                public class Bonuses {
                    private final JdbcTemplate jdbc;

                    public Bonuses(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    @Transactional
                    public void credit(int id) {
                        jdbc.update("insert into boot_items (id) values (?)", id);
                    }
                }
                """);
        project.write("src/main/java/com/acme/boot/CreditWelcomeBonus.java", """
                package com.acme.boot;

                import dev.scripttracker.Script;
                import dev.scripttracker.ScriptContext;
                import dev.scripttracker.TrackedScript;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.stereotype.Component;

                @Component
                @TrackedScript(id = "%s", description = "Credit the welcome bonus")
                public class CreditWelcomeBonus implements Script {
                    private final Bonuses bonuses;
                    private final JdbcTemplate jdbc;

                    public CreditWelcomeBonus(Bonuses bonuses, JdbcTemplate jdbc) {
                        this.bonuses = bonuses;
                        this.jdbc = jdbc;
                    }

                    @Override
                    public void run(ScriptContext ctx) {
                        bonuses.credit(1);
                        bonuses.credit(2);
                        ctx.log("credited " + jdbc.queryForObject("select count(*) from boot_items", Integer.class));
                        if (Boolean.parseBoolean(System.getenv("BONUS_FAIL"))) {
                            throw new IllegalStateException("bonus ledger closed");
                        }
                    }
                }
                """.formatted(BEAN_ID));
        project.write("src/main/java/com/acme/boot/MarkBonusDay.java", """
                package com.acme.boot;

                import dev.scripttracker.Script;
                import dev.scripttracker.ScriptContext;
                import dev.scripttracker.TrackedScript;

                @TrackedScript(id = "%s", after = "%s")
                public class MarkBonusDay implements Script {
                    @Override
                    public void run(ScriptContext ctx) {
                        ctx.handle().execute("insert into boot_items (id) values (100)");
                    }
                }
                """.formatted(PLAIN_ID, BEAN_ID));
    }
}
