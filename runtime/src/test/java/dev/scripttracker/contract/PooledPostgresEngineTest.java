package dev.scripttracker.contract;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * The PostgreSQL contract through a small HikariCP pool shared by every tracker of a test, as an
 * application runs it: connections come back dirty if the engine leaves a lock, a statement timeout
 * or a transaction behind.
 */
class PooledPostgresEngineTest extends PostgresEngineTest {

    private HikariDataSource pool;

    @Override
    DataSource dataSource() {
        if (pool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.url());
            config.setMaximumPoolSize(8);
            config.setAutoCommit(false);
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }
}
