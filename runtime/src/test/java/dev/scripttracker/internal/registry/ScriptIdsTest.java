package dev.scripttracker.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptIdsTest {

    @Test
    void fastCheck_agreesWithTheDocumentedRule() {
        for (String id : List.of("a", "0", "20261124_fix-users.v2", "_x", ".x", "-x", "fix users", "fix/users",
                "é", "a".repeat(128), "a".repeat(129), "", "A_B", "a!")) {
            assertEquals(ScriptIds.matchesRule(id), ScriptIds.isValid(id), id);
        }
    }
}
