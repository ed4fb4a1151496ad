package dev.scripttracker.spring.liquibase;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose schema comes from Flyway (the ledger) and Liquibase (the notes). */
@SpringBootApplication
public class NotesApplication {
}
