package dev.scripttracker.internal.registry;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Orders scripts by id, except that a script always comes after the scripts in its {@code after}. */
final class RunOrder {

    private RunOrder() {
    }

    /** @param byId sorted by id */
    static List<ScriptDefinition> of(Map<String, RegisteredScript> byId) {
        if (byId.values().stream().allMatch(s -> s.definition().after().isEmpty())) {
            return byId.values().stream().map(RegisteredScript::definition).toList();
        }
        Map<String, Integer> waitingOn = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        for (RegisteredScript script : byId.values()) {
            ScriptDefinition definition = script.definition();
            for (String before : definition.after()) {
                if (!byId.containsKey(before)) {
                    throw new ConfigurationException("script " + script.describe() + " has after = \""
                            + before + "\", but no registered script has that id; fix the id or remove it");
                }
                dependents.computeIfAbsent(before, k -> new ArrayList<>()).add(definition.id());
            }
            waitingOn.put(definition.id(), (int) definition.after().stream().distinct().count());
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        waitingOn.forEach((id, count) -> {
            if (count == 0) {
                ready.add(id);
            }
        });
        List<ScriptDefinition> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(byId.get(id).definition());
            for (String dependent : dependents.getOrDefault(id, List.of())) {
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < byId.size()) {
            throw new ConfigurationException("the after lists of these scripts form a cycle, so none of"
                    + " them can run first: " + cycleMembers(byId, order)
                    + "; remove one of the after entries to break it");
        }
        return List.copyOf(order);
    }

    private static String cycleMembers(Map<String, RegisteredScript> byId, List<ScriptDefinition> ordered) {
        List<String> left = new ArrayList<>(byId.keySet());
        ordered.forEach(d -> left.remove(d.id()));
        StringBuilder text = new StringBuilder();
        for (String id : left) {
            text.append(text.length() == 0 ? "" : ", ").append(id)
                    .append(" (after ").append(byId.get(id).definition().after()).append(')');
        }
        return text.toString();
    }
}
