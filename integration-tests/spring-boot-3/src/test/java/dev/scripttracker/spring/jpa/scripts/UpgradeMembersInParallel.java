package dev.scripttracker.spring.jpa.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import dev.scripttracker.spring.jpa.Members;
import org.springframework.stereotype.Component;

/** The JPA backfill split between two workers, each committing its batches' entities with its chunk's position. */
@Component
@TrackedScript(id = "20261202140000_upgrade_members_in_parallel", description = "Upgrade basic members, two at once",
        transaction = Transaction.BATCH)
public class UpgradeMembersInParallel implements Script {

    private final Members members;
    /** When above 0, the batch holding this member fails after its entities were changed. */
    public volatile long failOnMember;

    public UpgradeMembersInParallel(Members members) {
        this.members = members;
    }

    @Override
    public void run(ScriptContext ctx) {
        ctx.batches("select id from members where tier = 'basic' order by id").size(2).workers(2)
                .forEach((batch, handle) -> {
                    members.upgrade(batch.ids());
                    if (batch.ids().stream().anyMatch(id -> ((Number) id).longValue() == failOnMember)) {
                        throw new IllegalStateException("the batch of member " + failOnMember + " was made to fail");
                    }
                });
    }
}
