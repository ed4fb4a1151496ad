package dev.scripttracker.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scripttracker.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParsingTest {

    private static Duration parse(String text) {
        return ValueParsers.duration(ConfiguredValue.flag(ConfigKey.LOCK_WAIT, text));
    }

    @Test
    void acceptsIso8601() {
        assertEquals(Duration.ofSeconds(10), parse("PT10S"));
        assertEquals(Duration.ofSeconds(90), parse("pt1m30s"));
        assertEquals(Duration.ofDays(1), parse("P1D"));
        assertEquals(Duration.ZERO, parse("PT0S"));
    }

    @Test
    void acceptsAWholeNumberAndAUnit() {
        assertEquals(Duration.ofMillis(500), parse("500ms"));
        assertEquals(Duration.ofSeconds(10), parse("10s"));
        assertEquals(Duration.ofMinutes(2), parse("2m"));
        assertEquals(Duration.ofHours(1), parse("1H"));
        assertEquals(Duration.ofDays(3), parse("3d"));
        assertEquals(Duration.ofSeconds(10), parse("10 s"));
    }

    @Test
    void rejectsEverythingElse() {
        for (String bad : new String[] {"10", "1.5s", "10sec", "s", "PT", "ten seconds", "10y"}) {
            assertThrows(ConfigurationException.class, () -> parse(bad), bad);
        }
    }

    @Test
    void wholeNumbersAndBooleans() {
        assertEquals(4096, ValueParsers.wholeNumber(ConfiguredValue.flag(ConfigKey.MAX_OUTPUT_CHARS, "4096")));
        assertThrows(ConfigurationException.class,
                () -> ValueParsers.wholeNumber(ConfiguredValue.flag(ConfigKey.MAX_OUTPUT_CHARS, "99999999999")));
        assertEquals(true, ValueParsers.trueOrFalse(ConfiguredValue.flag(ConfigKey.CONTINUE_AFTER_FAILURE, "TRUE")));
        assertEquals(false, ValueParsers.trueOrFalse(ConfiguredValue.flag(ConfigKey.CONTINUE_AFTER_FAILURE, "false")));
        assertThrows(ConfigurationException.class,
                () -> ValueParsers.trueOrFalse(ConfiguredValue.flag(ConfigKey.CONTINUE_AFTER_FAILURE, "1")));
    }
}
