package dev.scripttracker.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A small application on disk, built with Maven the way users build theirs: the runtime as a
 * dependency and the processor in annotationProcessorPaths, from the local repository.
 */
final class SampleApp {

    record Result(int exitCode, String output) {
    }

    static final String VERSION = System.getProperty("scripttracker.version", "0.1.0-SNAPSHOT");

    private final AppProject project;

    SampleApp(Path root) {
        this.project = new AppProject(root);
    }

    void writePom() throws IOException {
        write("pom.xml", """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.acme</groupId>
                  <artifactId>sample-app</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>dev.scripttracker</groupId>
                      <artifactId>script-tracker-runtime</artifactId>
                      <version>%1$s</version>
                    </dependency>
                    <dependency>
                      <groupId>com.h2database</groupId>
                      <artifactId>h2</artifactId>
                      <version>2.3.232</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.14.0</version>
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
                        <groupId>org.codehaus.mojo</groupId>
                        <artifactId>exec-maven-plugin</artifactId>
                        <version>3.5.1</version>
                        <configuration>
                          <mainClass>com.acme.Main</mainClass>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(VERSION));
        write("src/main/java/com/acme/Main.java", """
                package com.acme;

                import dev.scripttracker.ScriptTracker;

                public class Main {
                    public static void main(String[] args) {
                        try (ScriptTracker tracker = ScriptTracker.builder()
                                .jdbcUrl("jdbc:h2:file:./data/app").build()) {
                            tracker.runPending().results().forEach(r ->
                                    System.out.println("RESULT " + r.scriptId() + " " + r.outcome()));
                        }
                    }
                }
                """);
    }

    void script(String className, String id, String body) throws IOException {
        write("src/main/java/com/acme/scripts/" + className + ".java", """
                package com.acme.scripts;

                import dev.scripttracker.*;

                @TrackedScript(id = "%s")
                public class %s implements Script {
                    @Override
                    public void run(ScriptContext ctx) {
                        %s
                    }
                }
                """.formatted(id, className, body));
    }

    void deleteScript(String className) throws IOException {
        java.nio.file.Files.delete(project.root().resolve("src/main/java/com/acme/scripts/" + className + ".java"));
    }

    /** Every entry of the jar that {@code mvn package} built. */
    java.util.List<String> jarEntries() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(project.root().resolve("target/sample-app-1.0.jar").toFile())) {
            return jar.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
    }

    private void write(String relativePath, String text) throws IOException {
        project.write(relativePath, text);
    }

    Result maven(String... goals) throws IOException, InterruptedException {
        AppProject.Build build = project.maven(Duration.ofMinutes(5), goals);
        return new Result(build.exitCode(), build.output());
    }
}
