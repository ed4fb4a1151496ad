package dev.scripttracker.spring.jpa.scripts;

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
    /** When above 0, the batch of that number fails after its entities were changed (to show a resumed run). */
    public volatile int failInBatch;

    public UpgradeMembers(Members members) {
        this.members = members;
    }

    @Override
    public void run(ScriptContext ctx) {
        ctx.batches("select id from members where tier = 'basic' order by id").size(2).count()
                .forEach((batch, handle) -> {
                    members.upgrade(batch.ids());
                    if (batch.number() == failInBatch) {
                        throw new IllegalStateException("batch " + batch.number() + " was made to fail");
                    }
                });
    }
}
