package dev.scripttracker.test.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What the kit must know of each database family: how to isolate a test in it and how to restore rows. */
public enum Vendor {

    H2("jdbc:h2:", "create schema %s", "drop schema %s cascade",
            "set referential_integrity false", "set referential_integrity true"),
    POSTGRESQL("jdbc:postgresql:", "create schema %s", "drop schema %s cascade",
            "set session_replication_role = replica", "set session_replication_role = default"),
    /** MySQL and MariaDB call a schema a database, and a connection's catalog selects it. */
    MYSQL("jdbc:mysql:", "create database %s", "drop database %s",
            "set foreign_key_checks = 0", "set foreign_key_checks = 1");

    private final String urlPrefix;
    private final String create;
    private final String drop;
    private final String referencesOff;
    private final String referencesOn;

    Vendor(String urlPrefix, String create, String drop, String referencesOff, String referencesOn) {
        this.urlPrefix = urlPrefix;
        this.create = create;
        this.drop = drop;
        this.referencesOff = referencesOff;
        this.referencesOn = referencesOn;
    }

    /** The family of a JDBC URL; the message lists the supported ones. */
    public static Vendor ofUrl(String url, String where) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        for (Vendor vendor : values()) {
            if (lower.startsWith(vendor.urlPrefix)) {
                return vendor;
            }
        }
        throw new IllegalArgumentException(where + " is '" + url + "', which is no H2, PostgreSQL, MySQL or MariaDB"
                + " JDBC URL; the test kit supports jdbc:h2:, jdbc:postgresql:, jdbc:mysql: and jdbc:mariadb:");
    }

    String createStatement(String name) {
        return String.format(Locale.ROOT, create, name);
    }

    String dropStatement(String name) {
        return String.format(Locale.ROOT, drop, name);
    }

    /** Makes {@code connection} work in the isolated schema {@code name}. */
    void use(Connection connection, String name) throws SQLException {
        if (this == MYSQL) {
            connection.setCatalog(name);
        } else {
            connection.setSchema(stored(name));
        }
    }

    /** How the database stores an unquoted name: H2 in upper case, the others as written (in lower case here). */
    String stored(String name) {
        return this == H2 ? name.toUpperCase(Locale.ROOT) : name;
    }

    /** MySQL and MariaDB list a database's tables under its catalog, the others under their schema. */
    boolean schemaIsCatalog() {
        return this == MYSQL;
    }

    /** Turns checks of foreign keys off on {@code connection}, so that rows can be restored in any order. */
    String referencesOff() {
        return referencesOff;
    }

    String referencesOn() {
        return referencesOn;
    }
}
