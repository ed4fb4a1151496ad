package dev.scripttracker.internal.store;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.internal.store.h2.H2Dialect;
import dev.scripttracker.internal.store.mysql.MariaDbDialect;
import dev.scripttracker.internal.store.mysql.MySqlDialect;
import dev.scripttracker.internal.store.postgres.PostgresDialect;
import java.util.Locale;

/** Picks the dialect from the JDBC product name: the one place that knows the supported databases. */
public final class Dialects {

    public static final String SUPPORTED = "H2, PostgreSQL, MySQL and MariaDB";

    private Dialects() {
    }

    public static Dialect forProductName(String productName, String where) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return new H2Dialect();
        }
        if (name.contains("postgresql")) {
            return new PostgresDialect();
        }
        if (name.contains("mariadb")) {
            return new MariaDbDialect();
        }
        if (name.contains("mysql")) {
            return new MySqlDialect();
        }
        throw new ConfigurationException("the database at " + where + " is " + productName
                + ", which script-tracker does not support; it supports " + SUPPORTED
                + ". Point the store at one of those (SCRIPT_TRACKER_URL).");
    }
}
