package dev.scripttracker.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The rules that involve several scripts: unique ids, and {@code after} lists that name real scripts without cycles. */
final class CompilationChecks {

    private final Reporter reporter;

    CompilationChecks(Reporter reporter) {
        this.reporter = reporter;
    }

    void check(List<FoundScript> scripts) {
        Map<String, List<FoundScript>> byId = new LinkedHashMap<>();
        scripts.forEach(s -> byId.computeIfAbsent(s.id(), id -> new ArrayList<>()).add(s));
        byId.values().stream().filter(users -> users.size() > 1).forEach(this::duplicate);
        for (FoundScript script : scripts) {
            for (String before : script.model().after()) {
                if (!byId.containsKey(before)) {
                    reporter.error("unknownAfter", "script " + script.className() + " has after = \"" + before
                            + "\", but no script in this compilation has that id; fix the id or remove it from after",
                            script.element(), script.annotation().mirror(), script.annotation().written("after"));
                }
            }
        }
        new CycleFinder(byId).cycles().forEach(this::cycle);
    }

    private void duplicate(List<FoundScript> users) {
        for (FoundScript script : users) {
            String others = users.stream().filter(other -> other != script).map(FoundScript::className)
                    .collect(Collectors.joining(", "));
            reporter.error("duplicateId", "id \"" + script.id() + "\" of script " + script.className()
                    + " is also used by " + others + "; ids must be unique, because the database records each script"
                    + " by its id: give one of them a new id (conventionally yyyyMMddHHmmss_what_it_does)",
                    script.element(), script.annotation().mirror(), script.annotation().written("id"));
        }
    }

    private void cycle(List<FoundScript> cycle) {
        String spelled = cycle.stream().map(FoundScript::id).collect(Collectors.joining(" -> ")) + " -> "
                + cycle.get(0).id();
        for (FoundScript script : cycle) {
            reporter.error("afterCycle", "the after lists of these scripts form a cycle, so none of them can run first: "
                    + spelled + "; remove one after entry to break it", script.element(), script.annotation().mirror(),
                    script.annotation().written("after"));
        }
    }

    /** Each cycle of the after graph once, as the scripts along it. */
    private static final class CycleFinder {

        private final Map<String, List<FoundScript>> byId;
        private final Set<String> done = new HashSet<>();
        private final Map<String, Integer> onPath = new HashMap<>();
        private final List<FoundScript> path = new ArrayList<>();
        private final List<List<FoundScript>> cycles = new ArrayList<>();

        CycleFinder(Map<String, List<FoundScript>> byId) {
            this.byId = byId;
        }

        List<List<FoundScript>> cycles() {
            byId.keySet().forEach(this::visit);
            return cycles;
        }

        private void visit(String id) {
            if (done.contains(id) || !byId.containsKey(id)) {
                return;
            }
            Integer start = onPath.get(id);
            if (start != null) {
                cycles.add(List.copyOf(path.subList(start, path.size())));
                return;
            }
            FoundScript script = byId.get(id).get(0);
            onPath.put(id, path.size());
            path.add(script);
            script.model().after().forEach(this::visit);
            path.remove(path.size() - 1);
            onPath.remove(id);
            done.add(id);
        }
    }
}
