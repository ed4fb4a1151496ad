package dev.scripttracker.spring.sample;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes that must survive whatever the caller does: their own transaction. */
@Service
public class AuditTrail {

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String note) {
        jdbc.update("insert into audit_log (note) values (?)", note);
    }
}
