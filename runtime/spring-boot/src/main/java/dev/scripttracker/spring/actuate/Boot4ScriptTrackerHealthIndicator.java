package dev.scripttracker.spring.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** {@link ScriptHealth} as a Spring Boot 4 health indicator ({@code org.springframework.boot.health.contributor}). */
public final class Boot4ScriptTrackerHealthIndicator extends AbstractHealthIndicator {

    private final ScriptHealth health;

    public Boot4ScriptTrackerHealthIndicator(ScriptHealth health) {
        super("script-tracker could not read the scripts' state");
        this.health = health;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ScriptHealth.Report report = health.check();
        builder.status(report.status()).withDetails(report.details());
    }
}
