package dev.scripttracker.test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.test.internal.IsolatedDatabase;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Each kit works in a database of its own, on the server the property names, and drops it when closed. */
class IsolationTest {

    @Test
    void kits_runOnTheDatabaseThePropertyNames_orOnH2InMemory() throws Exception {
        String named = System.getProperty(IsolatedDatabase.URL_PROPERTY, "");
        try (ScriptKit kit = ScriptKit.open(); Connection connection = kit.dataSource().getConnection()) {
            String url = connection.getMetaData().getURL();
            String expected = named.isEmpty() ? "jdbc:h2:mem:" : named.substring(0, named.indexOf("//"));
            assertTrue(url.startsWith(expected), () -> url + " should start with " + expected);
        }
    }

    @Test
    void twoKits_doNotSeeEachOthersTables() {
        try (ScriptKit first = ScriptKit.open(); ScriptKit second = ScriptKit.open()) {
            first.execute("create table accounts (id int primary key)", "insert into accounts values (1)");
            second.execute("create table accounts (id int primary key)");

            assertTrue(second.jdbi().withHandle(h -> h.select("select count(*) from accounts").mapTo(Long.class).one()) == 0);
        }
    }

    @Test
    void closing_dropsTheKitsTables() {
        ScriptKit kit = ScriptKit.open();
        kit.execute("create table accounts (id int primary key)");
        DataSource dataSource = kit.dataSource();
        assertDoesNotThrow(() -> select(dataSource));

        kit.close();

        assertThrows(Exception.class, () -> select(dataSource));
    }

    private static void select(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("select count(*) from accounts").close();
        }
    }
}
