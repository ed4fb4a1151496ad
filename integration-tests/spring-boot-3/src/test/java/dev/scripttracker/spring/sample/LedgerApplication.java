package dev.scripttracker.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample: a ledger whose schema Flyway creates, with one-off scripts as Spring beans
 * (package {@code scripts}) that work through the application's {@code @Transactional} services.
 */
@SpringBootApplication
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }
}
