package dev.scripttracker.console;

import org.slf4j.LoggerFactory;

/** Receives one line per action taken from the console: who asked for what, and what came of it. */
@FunctionalInterface
public interface AuditLog {

    /** Logger {@code dev.scripttracker.console.audit}, level INFO. */
    AuditLog SLF4J = line -> LoggerFactory.getLogger("dev.scripttracker.console.audit").info(line);

    void record(String line);
}
