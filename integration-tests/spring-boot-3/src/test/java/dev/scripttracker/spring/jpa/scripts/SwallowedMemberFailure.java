package dev.scripttracker.spring.jpa.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.jpa.Members;
import org.springframework.stereotype.Component;

/** Catches the failure of a JPA service that joined its transaction, and returns as if all went well. */
@Component
@TrackedScript(id = "20261202130000_swallowed_member_failure", description = "Ignores a failed enrolment")
public class SwallowedMemberFailure implements Script {

    private final Members members;

    public SwallowedMemberFailure(Members members) {
        this.members = members;
    }

    @Override
    public void run(ScriptContext ctx) {
        members.enrol(30, "gus", "gus@example.com");
        try {
            members.enrolThenFail(31, "hana", "hana@example.com");
        } catch (IllegalArgumentException ignored) {
            ctx.log("enrolment of hana failed; going on");
        }
    }
}
