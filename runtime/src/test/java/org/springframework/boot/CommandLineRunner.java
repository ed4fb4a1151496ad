package org.springframework.boot;

/** Spring Boot's interface, which the runtime matches by name; the runtime has no Spring to test with. */
public interface CommandLineRunner {
    void run(String... args) throws Exception;
}
