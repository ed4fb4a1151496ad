package dev.scripttracker.spring.actuate;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** {@link ScriptHealth} as a Spring Boot 3 health indicator ({@code org.springframework.boot.actuate.health}). */
public final class Boot3ScriptTrackerHealthIndicator extends AbstractHealthIndicator {

    private final ScriptHealth health;

    public Boot3ScriptTrackerHealthIndicator(ScriptHealth health) {
        super("script-tracker could not read the scripts' state");
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ScriptHealth.Report report = health.check();
        builder.status(report.status()).withDetails(report.details());
    }
}
