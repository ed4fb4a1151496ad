package dev.scripttracker.internal.config;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.internal.store.TableNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sets resolved configuration on a {@link ConfigurationTarget} (the builder). Settings that are absent keep the
 * builder's current value. Every value is parsed before the builder is touched, and a value the builder
 * rejects is reported together with its source.
 */
public final class ConfigurationApplier {

    private final Map<ConfigKey, ConfiguredValue> values;
    private final List<Runnable> settersInOrder = new ArrayList<>();

    private ConfigurationApplier(Map<ConfigKey, ConfiguredValue> values) {
        this.values = values;
    }

    /**
     * @throws ConfigurationException naming the setting, its value (never a password), its source and the fix
     */
    public static <T extends ConfigurationTarget> T apply(Map<ConfigKey, ConfiguredValue> values, T builder) {
        ConfigurationApplier applier = new ConfigurationApplier(values);
        applier.connection(builder);
        applier.set(ConfigKey.TABLE_PREFIX, ConfigurationApplier::tablePrefix, builder::tablePrefix);
        applier.set(ConfigKey.LOCK_WAIT, ValueParsers::duration, builder::lockWait);
        applier.set(ConfigKey.LEASE, ValueParsers::duration, builder::lease);
        applier.set(ConfigKey.MAX_OUTPUT_CHARS, ValueParsers::wholeNumber, builder::maxOutputChars);
        applier.set(ConfigKey.MAX_CONSECUTIVE_FAILURES, ValueParsers::wholeNumber, builder::maxConsecutiveFailures);
        applier.set(ConfigKey.CONTINUE_AFTER_FAILURE, ValueParsers::trueOrFalse, builder::continueAfterFailure);
        applier.set(ConfigKey.OPERATOR, ConfiguredValue::value, builder::operator);
        applier.settersInOrder.forEach(Runnable::run);
        return builder;
    }

    /** URL, user and password go together: user and password without a URL would silently go nowhere. */
    private void connection(ConfigurationTarget builder) {
        ConfiguredValue url = values.get(ConfigKey.URL);
        ConfiguredValue user = values.get(ConfigKey.USER);
        ConfiguredValue password = values.get(ConfigKey.PASSWORD);
        if (url == null) {
            ConfiguredValue orphan = user != null ? user : password;
            if (orphan != null) {
                throw new ConfigurationException(orphan.key().canonicalName() + " is set (" + orphan.origin()
                        + ") but no url is; set the JDBC URL as well, e.g. " + ConfigKey.URL.environmentVariable()
                        + "=jdbc:postgresql://host/db, or remove " + orphan.spelledAs()
                        + " to use the embedded H2 database");
            }
            return;
        }
        String userName = user == null ? null : user.value();
        String secret = password == null ? null : password.value();
        settersInOrder.add(guarded(url, () -> builder.jdbcUrl(url.value(), userName, secret)));
    }

    private <T> void set(ConfigKey key, Function<ConfiguredValue, T> parser, Consumer<T> setter) {
        ConfiguredValue configured = values.get(key);
        if (configured != null) {
            T parsed = parser.apply(configured);
            settersInOrder.add(guarded(configured, () -> setter.accept(parsed)));
        }
    }

    /** Checked now rather than at {@code build()}, so the message can say where the prefix came from. */
    private static String tablePrefix(ConfiguredValue configured) {
        try {
            return TableNames.forPrefix(configured.value()).state();
        } catch (ConfigurationException e) {
            throw rejected(configured, e);
        }
    }

    private static Runnable guarded(ConfiguredValue configured, Runnable setter) {
        return () -> {
            try {
                setter.run();
            } catch (ConfigurationException | IllegalArgumentException e) {
                throw rejected(configured, e);
            }
        };
    }

    /** The builder's own message (e.g. "lease ... is too short; use at least ...") with the value and its source. */
    private static ConfigurationException rejected(ConfiguredValue configured, RuntimeException e) {
        return new ConfigurationException(configured.describe() + " is not accepted: " + e.getMessage(), e);
    }
}
