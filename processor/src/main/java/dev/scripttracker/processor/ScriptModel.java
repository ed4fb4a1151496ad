package dev.scripttracker.processor;

import java.time.Duration;
import java.util.List;

/** What the generated registry says about one valid script. */
record ScriptModel(
        String className,
        String id,
        String description,
        Duration timeout,
        String transaction,
        List<String> after,
        String entryPoint) {

    String packageName() {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
