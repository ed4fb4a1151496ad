package dev.scripttracker.spring.sample.scripts;

import dev.scripttracker.Script;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.TrackedScript;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** A long script: when asked to, it stays running until released (the health test's stuck script). */
@Component
@TrackedScript(id = "20261201140000_reconcile_slowly", description = "Reconcile, taking its time")
public class ReconcileSlowly implements Script {

    public volatile boolean holdOn;
    public final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void run(ScriptContext ctx) throws InterruptedException {
        if (holdOn && !release.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the test never released the script");
        }
    }
}
