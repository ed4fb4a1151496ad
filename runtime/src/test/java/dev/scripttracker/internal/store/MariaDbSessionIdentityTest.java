package dev.scripttracker.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scripttracker.testing.DatabaseKind;
import dev.scripttracker.testing.FreshDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the agent compares to decide that a connection leads to the store's database: on MariaDB the
 * server's own identity, not only a host name and port that two servers may share.
 */
class MariaDbSessionIdentityTest {

    @RegisterExtension
    final FreshDatabase fresh = new FreshDatabase(DatabaseKind.MARIADB);

    @Test
    void identity_namesTheServerByItsOwnIdentity() throws Exception {
        try (Connection c = DriverManager.getConnection(fresh.get().url())) {
            String identity = SessionIdentity.of(c);
            String serverUid = one(c, "select @@server_uid");
            String dataDirectory = one(c, "select @@datadir");
            String serverId = one(c, "select @@server_id");

            assertTrue(identity.contains("|" + serverUid + "|"), identity + " lacks server_uid " + serverUid);
            assertTrue(identity.contains("|" + dataDirectory + "|"), identity + " lacks the data directory");
            assertTrue(identity.contains("|" + serverId + "|"), identity + " lacks server_id");
            assertTrue(identity.contains("|" + fresh.get().name() + "|"), identity + " lacks the database");
        }
    }

    @Test
    void twoSessionsOfOneServerAndDatabase_haveOneIdentity() throws Exception {
        try (Connection first = DriverManager.getConnection(fresh.get().url());
                Connection second = DriverManager.getConnection(fresh.get().url())) {
            assertEquals(SessionIdentity.of(first), SessionIdentity.of(second));
        }
    }

    private static String one(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
