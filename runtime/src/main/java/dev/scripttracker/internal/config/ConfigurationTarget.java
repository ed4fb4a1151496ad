package dev.scripttracker.internal.config;

import java.time.Duration;

/**
 * What configuration outside code can set: the builder's own setters, so that configuration does
 * not depend on the builder that applies it. Each throws {@code ConfigurationException} or
 * {@code IllegalArgumentException} for a value it rejects.
 */
public interface ConfigurationTarget {

    ConfigurationTarget jdbcUrl(String url, String user, String password);

    ConfigurationTarget tablePrefix(String tablePrefix);

    ConfigurationTarget lockWait(Duration lockWait);

    ConfigurationTarget lease(Duration lease);

    ConfigurationTarget maxOutputChars(int maxOutputChars);

    ConfigurationTarget maxConsecutiveFailures(int maxConsecutiveFailures);

    ConfigurationTarget continueAfterFailure(boolean continueAfterFailure);

    ConfigurationTarget operator(String operator);
}
