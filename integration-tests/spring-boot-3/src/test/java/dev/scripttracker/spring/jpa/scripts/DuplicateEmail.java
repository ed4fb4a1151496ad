package dev.scripttracker.spring.jpa.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.jpa.Members;
import org.springframework.stereotype.Component;

/** Its second member has the first one's e-mail: the flush before the commit fails, nothing may stay. */
@Component
@TrackedScript(id = "20261202100000_duplicate_email", description = "Enrol two members with one e-mail")
public class DuplicateEmail implements Script {

    private final Members members;

    public DuplicateEmail(Members members) {
        this.members = members;
    }

    @Override
    public void run(ScriptContext ctx) {
        members.enrol(10, "dora", "shared@example.com");
        members.enrol(11, "emil", "shared@example.com");
    }
}
