package dev.scripttracker.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A small Spring Boot application on disk, built by Maven into an executable jar (nested jars under
 * BOOT-INF/lib, Spring Boot's launcher) and launched as users run it:
 * {@code java -javaagent:script-tracker.jar -jar app.jar}.
 */
final class SpringBootApp {

    static final String SPRING_BOOT_VERSION = "3.5.16";
    static final Path AGENT = Path.of(System.getProperty("user.dir")).resolve("../agent/target/script-tracker.jar")
            .normalize();
    static final String SCRIPT_ID = "20261124170000_spring_boot_fix";
    /** A Script (not a runner) that only -javaagent:...=run-pending runs. */
    static final String PENDING_ID = "20261124160000_boot_pending";

    record Launch(int exitCode, String out, String err) {

        String all() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private final Path root;

    private SpringBootApp(Path root) {
        this.root = root;
    }

    /** Writes the application and packages it; fails with Maven's output if the build does. */
    static SpringBootApp build(Path root) throws IOException, InterruptedException {
        SpringBootApp app = new SpringBootApp(root);
        app.writePom("");
        app.writeSources();
        return app.packaged();
    }

    /**
     * The application as a user of the Spring Boot integration writes it: the starter
     * (script-tracker-spring-boot) and the processor, no agent; its scripts run at start-up with
     * {@code scripttracker.run-pending=true}: {@link StarterScripts}.
     */
    static SpringBootApp buildWithStarter(Path root) throws IOException, InterruptedException {
        SpringBootApp app = new SpringBootApp(root);
        app.writePom("""
                    <dependency>
                      <groupId>dev.scripttracker</groupId>
                      <artifactId>script-tracker-spring-boot</artifactId>
                      <version>%s</version>
                    </dependency>
                """.formatted(SampleApp.VERSION));
        app.writeBootApp("scripttracker.run-pending=true\n");
        StarterScripts.write(new AppProject(root));
        return app.packaged();
    }

    private SpringBootApp packaged() throws IOException, InterruptedException {
        SpringBootApp app = this;
        app.maven("package", "-DskipTests");
        if (!Files.isRegularFile(app.jar())) {
            throw new AssertionError("the Spring Boot build did not produce " + app.jar());
        }
        return app;
    }

    Path jar() {
        return root.resolve("target/app.jar");
    }

    private void writePom(String moreDependencies) throws IOException {
        write("pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>%2$s</version>
                    <relativePath/>
                  </parent>
                  <groupId>com.acme</groupId>
                  <artifactId>boot-app</artifactId>
                  <version>1.0</version>
                  <properties>
                    <java.version>17</java.version>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-jdbc</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>com.h2database</groupId>
                      <artifactId>h2</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>dev.scripttracker</groupId>
                      <artifactId>script-tracker-runtime</artifactId>
                      <version>%1$s</version>
                    </dependency>
                %3$s  </dependencies>
                  <build>
                    <finalName>app</finalName>
                    <plugins>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <configuration>
                          <annotationProcessorPaths>
                            <path>
                              <groupId>dev.scripttracker</groupId>
                              <artifactId>script-tracker-processor</artifactId>
                              <version>%1$s</version>
                            </path>
                          </annotationProcessorPaths>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.springframework.boot</groupId>
                        <artifactId>spring-boot-maven-plugin</artifactId>
                        <executions>
                          <execution>
                            <goals>
                              <goal>repackage</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(SampleApp.VERSION, SPRING_BOOT_VERSION, moreDependencies));
    }

    private void writeBootApp(String moreProperties) throws IOException {
        write("src/main/resources/application.properties", """
                spring.main.web-application-type=none
                spring.main.banner-mode=off
                """ + moreProperties);
        write("src/main/java/com/acme/boot/BootApp.java", """
                package com.acme.boot;

                import org.springframework.boot.SpringApplication;
                import org.springframework.boot.autoconfigure.SpringBootApplication;

                @SpringBootApplication
                public class BootApp {
                    public static void main(String[] args) {
                        SpringApplication.run(BootApp.class, args);
                        System.out.println("APP STARTED");
                    }
                }
                """);
    }

    private void writeSources() throws IOException {
        writeBootApp("");
        write("src/main/java/com/acme/boot/BootFix.java", """
                package com.acme.boot;

                import dev.scripttracker.TrackedScript;
                import org.springframework.beans.factory.annotation.Autowired;
                import org.springframework.boot.CommandLineRunner;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.stereotype.Component;

                @Component
                @TrackedScript(id = "%s")
                public class BootFix implements CommandLineRunner {

                    @Autowired
                    private JdbcTemplate jdbc;

                    public BootFix() {
                    }

                    @Override
                    public void run(String... args) {
                        jdbc.update("insert into boot_items (id) values (1)");
                        System.out.println("RUNNER INSERTED");
                        if (Boolean.parseBoolean(System.getenv("BOOT_FIX_FAIL")) || Boolean.getBoolean("bootFix.fail")) {
                            throw new IllegalStateException("boom after the JdbcTemplate insert");
                        }
                    }
                }
                """.formatted(SCRIPT_ID));
        write("src/main/java/com/acme/boot/BootPending.java", """
                package com.acme.boot;

                import dev.scripttracker.Script;
                import dev.scripttracker.ScriptContext;
                import dev.scripttracker.TrackedScript;

                @TrackedScript(id = "%s")
                public class BootPending implements Script {
                    @Override
                    public void run(ScriptContext ctx) {
                        ctx.handle().execute("insert into boot_items (id) values (100)");
                    }
                }
                """.formatted(PENDING_ID));
    }

    private void write(String relativePath, String text) throws IOException {
        new AppProject(root).write(relativePath, text);
    }

    private void maven(String... goals) throws IOException, InterruptedException {
        AppProject.Build build = new AppProject(root).maven(Duration.ofMinutes(3), goals);
        if (build.exitCode() != 0) {
            throw new AssertionError("mvn " + String.join(" ", goals) + " failed (exit " + build.exitCode() + "):\n"
                    + build.output());
        }
    }

    /**
     * {@code java -javaagent:script-tracker.jar -jar target/app.jar} with the store and the
     * application's DataSource both at {@code url}; {@code extraEnvironment} on top.
     */
    Launch launch(Path workingDirectory, String url, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        return launch(workingDirectory, url, extraEnvironment, "");
    }

    /** As above, with agent options such as {@code run-pending}. */
    Launch launch(Path workingDirectory, String url, Map<String, String> extraEnvironment, String agentOptions)
            throws IOException, InterruptedException {
        return start(workingDirectory, url, extraEnvironment, List.of(java(),
                "-javaagent:" + AGENT + (agentOptions.isEmpty() ? "" : "=" + agentOptions), "-jar", jar().toString()));
    }

    /** {@code java -jar target/app.jar}, no agent, the application's DataSource at {@code url}. */
    Launch launchWithoutAgent(Path workingDirectory, String url, Map<String, String> extraEnvironment)
            throws IOException, InterruptedException {
        return start(workingDirectory, url, extraEnvironment, List.of(java(), "-jar", jar().toString()));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Launch start(Path workingDirectory, String url, Map<String, String> extraEnvironment, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workingDirectory, "out", ".log");
        Path err = Files.createTempFile(workingDirectory, "err", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("SCRIPT_TRACKER_") || k.startsWith("SPRING_")
                || k.startsWith("BOOT_FIX_") || k.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("SCRIPT_TRACKER_URL", url);
        builder.environment().put("SPRING_DATASOURCE_URL", url);
        builder.environment().putAll(extraEnvironment);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the Spring Boot application did not finish within 2 minutes; its output:\n"
                    + Files.readString(out) + "\n" + Files.readString(err));
        }
        return new Launch(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
