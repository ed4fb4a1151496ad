package dev.scripttracker.spring.jpa.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.jpa.Member;
import dev.scripttracker.spring.jpa.MemberRepository;
import dev.scripttracker.spring.jpa.Members;
import dev.scripttracker.spring.sample.OwnConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Enrols members through a {@code @Transactional} JPA service and a repository, writes a note with
 * {@code JdbcTemplate}, and looks at the database just before the commit (after the success row was
 * written): through the script's connection and through one of its own; when told to, fails that commit.
 */
@Component
@TrackedScript(id = "20261202090000_enrol_members", description = "Enrol the founding members")
public class EnrolMembers implements Script {

    /** What the script saw: JPQL inside its transaction, and SQL just before the commit, inside and outside. */
    public record Seen(long countedByJpql, String statusInTransaction, long membersInTransaction,
            long notesInTransaction, String statusOutside, long membersOutside) {
    }

    private final Members members;
    private final MemberRepository repository;
    private final JdbcTemplate jdbc;
    private final String url;
    public volatile boolean failTheCommit;
    public volatile Seen seen;
    private volatile long countedByJpql;

    public EnrolMembers(Members members, MemberRepository repository, JdbcTemplate jdbc,
            @Value("${spring.datasource.url}") String url) {
        this.members = members;
        this.repository = repository;
        this.jdbc = jdbc;
        this.url = url;
    }

    @Override
    public void run(ScriptContext ctx) {
        members.enrol(1, "ada", "ada@example.com");
        members.enrol(2, "brian", "brian@example.com");
        repository.save(new Member(3, "chloe", "chloe@example.com"));
        jdbc.update("insert into member_notes (id, note) values ('jdbc-1', 'enrolled three')");
        countedByJpql = members.count();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                seen = new Seen(countedByJpql, jdbc.queryForObject(STATUS, String.class),
                        jdbc.queryForObject(MEMBERS, Long.class), jdbc.queryForObject(NOTES, Long.class),
                        outside(STATUS), Long.parseLong(outside(MEMBERS)));
                if (failTheCommit) {
                    throw new IllegalStateException("the commit was made to fail after the success row was written");
                }
            }
        });
    }

    private static final String STATUS = "select status from tracked_scripts where script_id"
            + " = '20261202090000_enrol_members'";
    private static final String MEMBERS = "select count(*) from members";
    private static final String NOTES = "select count(*) from member_notes";

    private String outside(String sql) {
        return OwnConnection.firstValue(url, sql);
    }
}
