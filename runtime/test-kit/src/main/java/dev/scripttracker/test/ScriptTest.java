package dev.scripttracker.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the class a {@link ScriptKit} parameter: a fresh database of its own, a
 * {@link dev.scripttracker.ScriptTracker} on it, and runs and assertions for scripts given by class.
 *
 * <pre>{@code
 * @ScriptTest
 * class BackfillCustomerTiersTest {
 *     @Test
 *     void givesBigSpendersGold(ScriptKit kit) {
 *         kit.execute("create table customers (id int primary key, spend decimal(10, 2), tier varchar(20))",
 *                 "insert into customers values (1, 1500, null), (2, 20, null)");
 *         kit.run(BackfillCustomerTiers.class).assertSucceeded().assertRowsChanged("customers", 1);
 *         kit.assertIdempotent(BackfillCustomerTiers.class);
 *     }
 * }
 * }</pre>
 *
 * The database is an in-memory H2 database unless the system property {@code scripttracker.test.url}
 * names a PostgreSQL, MySQL or MariaDB (or H2) server (with {@code scripttracker.test.user} and
 * {@code scripttracker.test.password} when the URL does not carry them): each test then gets a schema
 * (MySQL, MariaDB: a database) of its own, dropped when it ends.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(ScriptKitExtension.class)
public @interface ScriptTest {
}
