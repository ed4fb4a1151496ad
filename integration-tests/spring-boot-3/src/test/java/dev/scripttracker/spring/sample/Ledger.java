package dev.scripttracker.spring.sample;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The application's own service, as scripts find it: JdbcTemplate work in Spring transactions. */
@Service
public class Ledger {

    private final JdbcTemplate jdbc;

    public Ledger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void open(int id, String account, int amount) {
        jdbc.update("insert into ledger (id, account, amount) values (?, ?, ?)", id, account, amount);
    }

    /** Two entries that stand or fall together. */
    @Transactional
    public void transfer(int fromEntry, int toEntry, String from, String to, int amount) {
        jdbc.update("insert into ledger (id, account, amount) values (?, ?, ?)", fromEntry, from, -amount);
        jdbc.update("insert into ledger (id, account, amount) values (?, ?, ?)", toEntry, to, amount);
    }

    @Transactional
    public int markChecked(List<Object> ids) {
        return ids.stream().mapToInt(id -> jdbc.update("update ledger set checked = true where id = ?", id)).sum();
    }

    public List<String> accounts() {
        return jdbc.queryForList("select account from ledger order by id", String.class);
    }
}
