package dev.scripttracker.spring.sample.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import dev.scripttracker.spring.sample.AuditTrail;
import dev.scripttracker.spring.sample.Ledger;
import org.springframework.stereotype.Component;

/** Writes an audit note in a REQUIRES_NEW transaction, then fails. */
@Component
@TrackedScript(id = "20261201110000_audited_correction", description = "A correction that audits itself")
public class AuditedCorrection implements Script {

    private final Ledger ledger;
    private final AuditTrail audit;

    public AuditedCorrection(Ledger ledger, AuditTrail audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    @Override
    public void run(ScriptContext ctx) {
        audit.record("correction started");
        ledger.open(20, "erin", 20);
        throw new IllegalStateException("erin's account cannot be corrected automatically");
    }
}
