package dev.scripttracker.internal.jdbc;

import java.sql.SQLException;
import java.util.Locale;

/**
 * DriverManager's "No suitable driver" means no JDBC driver on the class path accepts the URL: a
 * missing jar, not a database that is down, so the message says which jar and where to put it.
 */
public final class MissingDriver {

    /** DriverManager's SQLState for it: "unable to establish connection". */
    private static final String NO_DRIVER_STATE = "08001";

    private MissingDriver() {
    }

    public static boolean is(Throwable cause) {
        return cause instanceof SQLException sql && NO_DRIVER_STATE.equals(sql.getSQLState())
                && String.valueOf(sql.getMessage()).startsWith("No suitable driver");
    }

    /** @param where the URL as it may be shown (without its password), or the data source */
    public static String message(String where) {
        String lower = where.toLowerCase(Locale.ROOT);
        String which = lower.startsWith("jdbc:mysql:")
                ? "MySQL URLs need MySQL Connector/J (com.mysql:mysql-connector-j), which script-tracker does not"
                        + " bundle: put its jar on the class path (command line: --classpath mysql-connector-j.jar),"
                        + " or, for a MariaDB server, write the URL as jdbc:mariadb://HOST:3306/DATABASE"
                : "put the database's JDBC driver jar on the class path (command line: --classpath DRIVER.jar);"
                        + " script-tracker bundles drivers for jdbc:h2:, jdbc:postgresql: and jdbc:mariadb: URLs";
        return "no JDBC driver on the class path can open " + where + ": " + which + ".";
    }
}
