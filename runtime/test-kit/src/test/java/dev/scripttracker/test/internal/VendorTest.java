package dev.scripttracker.test.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VendorTest {

    @Test
    void urls_ofEachSupportedFamily() {
        assertEquals(Vendor.H2, Vendor.ofUrl("jdbc:h2:tcp://localhost/test", "here"));
        assertEquals(Vendor.POSTGRESQL, Vendor.ofUrl("jdbc:postgresql://127.0.0.1/test", "here"));
        assertEquals(Vendor.MYSQL, Vendor.ofUrl("jdbc:mysql://127.0.0.1/test", "here"));
        assertEquals(Vendor.MYSQL, Vendor.ofUrl("JDBC:MariaDB://127.0.0.1/test", "here"));
    }

    @Test
    void anotherUrl_isRefused_namingWhereItCameFromAndWhatWorks() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Vendor.ofUrl("jdbc:oracle:thin:@db:1521/app", "system property scripttracker.test.url"));

        assertEquals("system property scripttracker.test.url is 'jdbc:oracle:thin:@db:1521/app', which is no H2,"
                + " PostgreSQL, MySQL or MariaDB JDBC URL; the test kit supports jdbc:h2:, jdbc:postgresql:, jdbc:mysql:"
                + " and jdbc:mariadb:", refused.getMessage());
    }
}
