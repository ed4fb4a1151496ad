package dev.scripttracker.agent;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A small application compiled with the processor, launched in child JVMs with the agent: the
 * way users run a one-off script with {@code java -javaagent:script-tracker.jar -cp app.jar ...}.
 */
final class AgentApp {

    static final Path JAR = Path.of(System.getProperty("user.dir")).resolve("../agent/target/script-tracker.jar").normalize();
    static final Path PROCESSOR = Path.of(System.getProperty("user.dir"))
            .resolve("../processor/target/script-tracker-processor-0.1.0-SNAPSHOT.jar").normalize();

    record Launch(int exitCode, String out, String err) {
    }

    private final Path classes;

    private AgentApp(Path classes) {
        this.classes = classes;
    }

    /** The whole application: main scripts, one that fails, a Script for run-pending, and a plain main. */
    static AgentApp compile(Path dir) throws IOException {
        return compile(dir, true);
    }

    /** Only scripts that succeed, for run-pending, which runs every pending script before the main. */
    static AgentApp compileWithoutFailures(Path dir) throws IOException {
        return compile(dir, false);
    }

    private static AgentApp compile(Path dir, boolean withFailingScript) throws IOException {
        Path sources = dir.resolve("src/com/acme/app");
        Files.createDirectories(sources);
        source(sources, "FixOnce", """
                @TrackedScript(id = "20261124120000_fix_once")
                public class FixOnce {
                    public static void main(String[] args) {
                        ScriptContext.current().handle().execute("insert into agent_items (id) values (1)");
                        System.out.println("BODY RAN");
                    }
                }""");
        if (withFailingScript) {
            source(sources, "FailingFix", """
                @TrackedScript(id = "20261124130000_failing_fix")
                public class FailingFix {
                    public static void main(String[] args) {
                        ScriptContext.current().handle().execute("insert into agent_items (id) values (2)");
                        throw new IllegalStateException("boom: half-way through");
                    }
                }""");
            source(sources, "PlainJdbcFix", """
                    @TrackedScript(id = "20261124170000_plain_jdbc_fix")
                    public class PlainJdbcFix {
                        /** args: how the connection is taken (driver-manager, simple-data-source), then "fail" or not. */
                        public static void main(String[] args) throws Exception {
                            String url = System.getenv("SCRIPT_TRACKER_URL");
                            try (java.sql.Connection c = args[0].equals("driver-manager")
                                    ? java.sql.DriverManager.getConnection(url) : simpleDataSource(url).getConnection()) {
                                c.setAutoCommit(true);
                                c.createStatement().executeUpdate("insert into agent_items (id) values (5)");
                            }
                            if (args.length > 1) {
                                throw new IllegalStateException("failed after a plain JDBC insert");
                            }
                        }

                        /** The driver's own DataSource, as a script would build it from the store's URL. */
                        static javax.sql.DataSource simpleDataSource(String url) throws Exception {
                            if (url.startsWith("jdbc:postgresql:")) {
                                org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
                                ds.setUrl(url);
                                return ds;
                            }
                            if (url.startsWith("jdbc:mariadb:")) {
                                return new org.mariadb.jdbc.MariaDbDataSource(url);
                            }
                            org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
                            ds.setURL(url);
                            return ds;
                        }
                    }""");
            source(sources, "ElsewhereFix", """
                    @TrackedScript(id = "20261124180000_elsewhere_fix")
                    public class ElsewhereFix {
                        /** Writes to another database than the store's, then fails: that write stays. */
                        public static void main(String[] args) throws Exception {
                            ScriptContext.current().handle().execute("insert into agent_items (id) values (6)");
                            try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                                    "jdbc:h2:mem:elsewhere;DB_CLOSE_DELAY=-1")) {
                                c.createStatement().executeUpdate("create table audit (id integer)");
                                c.createStatement().executeUpdate("insert into audit values (6)");
                            }
                            throw new IllegalStateException("failed after writing elsewhere");
                        }
                    }""");
            source(sources, "PoolInsideScript", """
                    @TrackedScript(id = "20261124190000_pool_inside_script")
                    public class PoolInsideScript implements Runnable {
                        static com.zaxxer.hikari.HikariDataSource pool;
                        static String runSession;

                        /** Creates a pool of one connection inside the run, and works through it. */
                        public void run() {
                            try {
                                com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
                                config.setJdbcUrl(System.getenv("SCRIPT_TRACKER_URL"));
                                config.setMaximumPoolSize(1);
                                pool = new com.zaxxer.hikari.HikariDataSource(config);
                                try (java.sql.Connection c = pool.getConnection()) {
                                    c.createStatement().executeUpdate("insert into agent_items (id) values (7)");
                                }
                                runSession = session(ScriptContext.current().connection());
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        }

                        static String session(java.sql.Connection c) throws java.sql.SQLException {
                            String url = System.getenv("SCRIPT_TRACKER_URL");
                            String sql = url.startsWith("jdbc:postgresql:") ? "select pg_backend_pid()"
                                    : url.startsWith("jdbc:mariadb:") ? "select connection_id()" : "select session_id()";
                            try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
                                r.next();
                                return r.getString(1);
                            }
                        }
                    }""");
            source(sources, "PoolAfterRun", """
                    public class PoolAfterRun {
                        /** Runs the script, then uses the pool it created, outside any run. */
                        public static void main(String[] args) throws Exception {
                            new PoolInsideScript().run();
                            try (java.sql.Connection c = PoolInsideScript.pool.getConnection()) {
                                System.out.println("POOL AFTER RUN autocommit=" + c.getAutoCommit() + " runs session="
                                        + PoolInsideScript.session(c).equals(PoolInsideScript.runSession));
                                c.createStatement().executeUpdate("insert into agent_items (id) values (8)");
                            }
                            PoolInsideScript.pool.close();
                        }
                    }""");
            source(sources, "WritesThroughTheAppsDataSource", """
                    @TrackedScript(id = "20261124200000_writes_through_the_apps_data_source")
                    public class WritesThroughTheAppsDataSource implements Script {
                        public void run(ScriptContext ctx) throws Exception {
                            try (java.sql.Connection c = TwoStores.app.getConnection()) {
                                c.createStatement().executeUpdate("insert into agent_items (id) values ("
                                        + Integer.parseInt(ctx.parameters().get("id")) + ")");
                            }
                        }
                    }""");
            source(sources, "WritesThroughTheAppsDataSourceOnStart", """
                    @TrackedScript(id = "20261124210000_writes_through_the_apps_data_source_on_start")
                    public class WritesThroughTheAppsDataSourceOnStart implements Runnable {
                        public void run() {
                            try (java.sql.Connection c = TwoStores.app.getConnection()) {
                                c.createStatement().executeUpdate("insert into agent_items (id) values (30)");
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }""");
            source(sources, "TwoStores", """
                    public class TwoStores {
                        static org.h2.jdbcx.JdbcDataSource app;

                        /**
                         * The application's DataSource leads to the agent's store (A); then a tracker of its own
                         * on store B (args[0]) runs a script that works through that same DataSource.
                         */
                        public static void main(String[] args) throws Exception {
                            app = new org.h2.jdbcx.JdbcDataSource();
                            app.setURL(System.getenv("SCRIPT_TRACKER_URL"));
                            new WritesThroughTheAppsDataSourceOnStart().run();
                            try (ScriptTracker tracker = ScriptTracker.builder().jdbcUrl(args[0]).build()) {
                                RunResult r = tracker.run("20261124200000_writes_through_the_apps_data_source",
                                        RunOptions.defaults().withParameter("id", "31"));
                                System.out.println("RESULT " + r.outcome() + " " + r.message());
                            }
                        }
                    }""");
        }
        source(sources, "PooledFix", """
                @TrackedScript(id = "20261124150000_pooled_fix")
                public class PooledFix {
                    public static void main(String[] args) throws Exception {
                        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
                        config.setJdbcUrl(System.getenv("SCRIPT_TRACKER_URL"));
                        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
                                java.sql.Connection c = pool.getConnection()) {
                            c.createStatement().executeUpdate("insert into agent_items (id) values (3)");
                            c.commit();
                        }
                        if (args.length > 0) {
                            throw new IllegalStateException("failed after the pool's insert");
                        }
                    }
                }""");
        source(sources, "SpringFix", """
                @TrackedScript(id = "20261124160000_spring_fix")
                public class SpringFix {
                    public static void main(String[] args) throws Exception {
                        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
                        config.setJdbcUrl(System.getenv("SCRIPT_TRACKER_URL"));
                        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config)) {
                            var jdbc = new org.springframework.jdbc.core.JdbcTemplate(pool);
                            var transactions = new org.springframework.transaction.support.TransactionTemplate(
                                    new org.springframework.jdbc.datasource.DataSourceTransactionManager(pool));
                            transactions.executeWithoutResult(status ->
                                    jdbc.update("insert into agent_items (id) values (4)"));
                        }
                        if (args.length > 0) {
                            throw new IllegalStateException("failed after Spring's committed transaction");
                        }
                    }
                }""");
        source(sources, "PendingCount", """
                @TrackedScript(id = "20261124140000_pending_count")
                public class PendingCount implements Script {
                    public void run(ScriptContext ctx) throws Exception {
                        ctx.handle().execute("update agent_counter set n = n + 1");
                        Thread.sleep(500);
                    }
                }""");
        source(sources, "App", """
                public class App {
                    public static void main(String[] args) {
                        System.out.println("APP STARTED");
                    }
                }""");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
                var paths = Files.list(sources)) {
            boolean ok = javac.getTask(log, files, null, List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-processorpath", PROCESSOR.toString()), null,
                    files.getJavaFileObjectsFromPaths(paths.toList())).call();
            if (!ok) {
                throw new AssertionError("the agent test app did not compile:\n" + log);
            }
        }
        return new AgentApp(classes);
    }

    private static void source(Path dir, String name, String body) throws IOException {
        Files.writeString(dir.resolve(name + ".java"), "package com.acme.app;\n\nimport dev.scripttracker.*;\n\n" + body
                + "\n");
    }

    /** The test's class path without this module's own classes, whose demo scripts are not this app's. */
    private String classPath() {
        String own = Path.of(System.getProperty("user.dir")).resolve("target").toString();
        String libraries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.startsWith(own)).collect(Collectors.joining(File.pathSeparator));
        return classes + File.pathSeparator + libraries;
    }

    /** A launched JVM and where its output goes. */
    record Started(Process process, Path out, Path err) {

        Launch await() throws IOException, InterruptedException {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the launched application did not finish within 2 minutes; its output:\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return new Launch(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    Started start(Path workingDirectory, Map<String, String> environment, String agentOptions, String mainClass,
            String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + JAR + (agentOptions.isEmpty() ? "" : "=" + agentOptions), "-cp", classPath(),
                "com.acme.app." + mainClass));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(workingDirectory, "out", ".log");
        Path err = Files.createTempFile(workingDirectory, "err", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SCRIPT_TRACKER_"));
        builder.environment().putAll(environment);
        return new Started(builder.start(), out, err);
    }

    Launch launch(Path workingDirectory, Map<String, String> environment, String agentOptions, String mainClass,
            String... arguments) throws IOException, InterruptedException {
        return start(workingDirectory, environment, agentOptions, mainClass, arguments).await();
    }
}
