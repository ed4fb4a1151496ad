package dev.scripttracker;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a one-off data script that script-tracker runs once, atomically, under a lock,
 * and records in the database.
 *
 * <pre>{@code
 * @TrackedScript(id = "20261124153000_fix_user_preferences",
 *                description = "Backfill dark theme for legacy users")
 * public class FixUserPreferences implements Script {
 *     public void run(ScriptContext ctx) {
 *         int rows = ctx.handle().execute("update users set theme = 'dark' where theme is null");
 *         ctx.log("updated {} users", rows);
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface TrackedScript {

    /**
     * Unique id of the script in the application, matching {@code [A-Za-z0-9][A-Za-z0-9._-]{0,127}},
     * conventionally {@code yyyyMMddHHmmss_snake_description}. Pending scripts run in id order.
     */
    String id();

    /** What the script does, for people reading {@code status}. */
    String description() default "";

    /** ISO-8601 duration after which the run is stopped and rolled back; {@code "PT0S"} means none. */
    String timeout() default "PT5M";

    /** How the script's database work is committed. */
    Transaction transaction() default Transaction.SCRIPT;

    /** Ids of scripts that must have succeeded (or been skipped) before this one runs. */
    String[] after() default {};

    /**
     * The record that declares the script's parameters (its components, see {@link Param}); the script reads
     * them with {@link ScriptContext#parameters(Class)}. {@code Record.class}: none declared, any
     * {@code --param} is passed as text.
     */
    Class<? extends Record> parameters() default Record.class;
}
