package dev.scripttracker.spring.jpa.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.jpa.MemberAudit;
import dev.scripttracker.spring.jpa.Members;
import org.springframework.stereotype.Component;

/** Writes a note in a REQUIRES_NEW JPA transaction, enrols a member in the script's, then fails. */
@Component
@TrackedScript(id = "20261202110000_audited_member_fix", description = "A member fix that audits itself")
public class AuditedMemberFix implements Script {

    private final Members members;
    private final MemberAudit audit;

    public AuditedMemberFix(Members members, MemberAudit audit) {
        this.members = members;
        this.audit = audit;
    }

    @Override
    public void run(ScriptContext ctx) {
        audit.note("member fix started");
        members.enrol(20, "fay", "fay@example.com");
        audit.note("member fay enrolled");
        throw new IllegalStateException("fay's membership cannot be fixed automatically");
    }
}
