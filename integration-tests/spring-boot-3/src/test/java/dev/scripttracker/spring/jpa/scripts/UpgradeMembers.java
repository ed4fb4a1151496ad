package dev.scripttracker.spring.jpa.scripts;

import dev.scripttracker.Batches;
import dev.scripttracker.Row;
import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.Transaction;
import dev.scripttracker.spring.jpa.Members;
import org.springframework.stereotype.Component;

/** A JPA backfill in batches of two: each batch's changed entities commit with its checkpoint. */
@Component
@TrackedScript(id = "20261202120000_upgrade_members", description = "Upgrade every basic member",
        transaction = Transaction.BATCH)
public class UpgradeMembers implements Script {

    private final Members members;
    /** When above 0, the batch holding this member fails after its entities were changed (to show a resumed run). */
    public volatile long failOnMember;
    /** When above 0, the loop is split between this many workers. */
    public volatile int workers;

    public UpgradeMembers(Members members) {
        this.members = members;
    }

    @Override
    public void run(ScriptContext ctx) {
        Batches<Row> loop = ctx.batches("select id from members where tier = 'basic' order by id").size(2).count();
        (workers > 0 ? loop.workers(workers) : loop).forEach((batch, handle) -> {
            members.upgrade(batch.ids());
            if (batch.ids().stream().anyMatch(id -> ((Number) id).longValue() == failOnMember)) {
                throw new IllegalStateException("the batch of member " + failOnMember + " was made to fail");
            }
        });
    }
}
