package dev.scripttracker.internal.registry;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptRegistry;
import dev.scripttracker.internal.store.ColumnLimits;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every script the application has: the registries on the class path ({@link RegistryIndex}, and the
 * registry classes of older processors, found by {@link ServiceLoader}) merged with the scripts
 * registered in code, checked for duplicate ids, bad ids and broken {@code after} lists, and put in
 * run order.
 */
public final class ScriptCatalog {

    private final Map<String, RegisteredScript> byId;
    private final List<ScriptDefinition> runOrder;

    private ScriptCatalog(Map<String, RegisteredScript> byId) {
        this.byId = byId;
        this.runOrder = RunOrder.of(byId);
    }

    @SuppressWarnings("deprecation")
    public static ScriptCatalog load(ClassLoader loader, Collection<ScriptDefinition> registeredInCode) {
        Map<String, RegisteredScript> byId = new TreeMap<>();
        for (RegistryIndex.Registry registry : RegistryIndex.load(loader)) {
            for (ScriptDefinition definition : registry.scripts()) {
                add(byId, new RegisteredScript(definition, registry.source()));
            }
        }
        for (ScriptRegistry registry : ServiceLoader.load(ScriptRegistry.class, loader)) {
            String source = sourceOf(registry.getClass());
            for (ScriptDefinition definition : registry.scripts()) {
                add(byId, new RegisteredScript(definition, source));
            }
        }
        for (ScriptDefinition definition : registeredInCode) {
            add(byId, new RegisteredScript(definition, "registered in code"));
        }
        return new ScriptCatalog(byId);
    }

    private static void add(Map<String, RegisteredScript> byId, RegisteredScript script) {
        String id = script.definition().id();
        if (!ScriptIds.isValid(id)) {
            throw new ConfigurationException("script " + script.describe() + " has id '" + id
                    + "', which does not match " + ScriptIds.RULE + "; rename it and rebuild");
        }
        int description = script.definition().description().length();
        if (description > ColumnLimits.DESCRIPTION) {
            throw new ConfigurationException("script " + script.describe() + " has a description of " + description
                    + " characters, but the store keeps at most " + ColumnLimits.DESCRIPTION + "; shorten it in its"
                    + " @TrackedScript and rebuild (this version's processor refuses it at compile time)");
        }
        RegisteredScript previous = byId.putIfAbsent(id, script);
        if (previous != null && !previous.definition().className().equals(script.definition().className())) {
            throw new ConfigurationException("script id '" + id + "' is registered twice: by "
                    + previous.describe() + " and by " + script.describe()
                    + ". Ids must be unique across the application: give one of them a new id"
                    + " (conventionally yyyyMMddHHmmss_what_it_does) and rebuild.");
        }
    }

    private static String sourceOf(Class<?> type) {
        CodeSource codeSource = type.getProtectionDomain().getCodeSource();
        URL location = codeSource == null ? null : codeSource.getLocation();
        return location == null ? "class " + type.getName() : location.toString();
    }

    public Optional<ScriptDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id)).map(RegisteredScript::definition);
    }

    public ScriptDefinition require(String id) {
        return find(id).orElseThrow(() -> new ConfigurationException("unknown script '" + id
                + "': no registered script has this id. Known ids: " + knownIds()
                + ". Check the spelling, and that the jar holding the script is on the class path."));
    }

    private String knownIds() {
        if (byId.isEmpty()) {
            return "(none; is the annotation processor configured?)";
        }
        List<String> ids = new ArrayList<>(byId.keySet());
        return ids.size() <= 10 ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, 10)) + " and " + (ids.size() - 10) + " more";
    }

    /** All scripts, pending ones in the order they run: by id, each after the scripts it names. */
    public List<ScriptDefinition> runOrder() {
        return runOrder;
    }

    public Map<String, RegisteredScript> byId() {
        return new LinkedHashMap<>(byId);
    }
}
