package dev.scripttracker.testing;

import dev.scripttracker.internal.DriverManagerDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** One fresh schema (PostgreSQL), database (MariaDB) or file (H2) for one test. */
public final class TestDatabase {

    private final DatabaseKind kind;
    private final String name;
    private final String url;
    private final Path directory;

    TestDatabase(DatabaseKind kind, String name, String url, Path directory) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.directory = directory;
    }

    public DatabaseKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    Path directory() {
        return directory;
    }

    public DataSource dataSource() {
        return new DriverManagerDataSource(url, null, null);
    }

    public Jdbi jdbi() {
        return Jdbi.create(dataSource());
    }

    /** The tables of this test's schema whose names start with {@code prefix}, in lower case. */
    public java.util.List<String> tablesStartingWith(String prefix) {
        String schema = kind == DatabaseKind.H2 ? "public" : name;
        try (Handle h = jdbi().open()) {
            return h.createQuery("select lower(table_name) from information_schema.tables where lower(table_schema)"
                            + " = :schema and lower(table_name) like :prefix order by 1")
                    .bind("schema", schema).bind("prefix", prefix.toLowerCase(java.util.Locale.ROOT) + "%")
                    .mapTo(String.class).list();
        }
    }

    /** Runs statements on a connection of its own. */
    public void execute(String... statements) {
        try (Handle h = jdbi().open()) {
            for (String sql : statements) {
                h.execute(sql);
            }
        }
    }

    public long count(String sql) {
        try (Handle h = jdbi().open()) {
            return h.createQuery(sql).mapTo(Long.class).one();
        }
    }

    public String text(String sql) {
        try (Handle h = jdbi().open()) {
            return h.createQuery(sql).mapTo(String.class).one();
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
