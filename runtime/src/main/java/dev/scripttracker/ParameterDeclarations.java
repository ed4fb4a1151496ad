package dev.scripttracker;

import dev.scripttracker.internal.params.DeclaredParameters;
import dev.scripttracker.internal.registry.ScriptCatalog;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters a script declares through {@link TrackedScript#parameters()}: for the doors that list them
 * (the command line, the actuator) and check values before anything runs. The engine checks them again at
 * every run, with the same rules.
 */
public final class ParameterDeclarations {

    private final DeclaredParameters declared;

    private ParameterDeclarations(DeclaredParameters declared) {
        this.declared = declared;
    }

    /**
     * The declarations of a script class (annotated {@link TrackedScript}).
     *
     * @throws ConfigurationException when the declaration is broken (the processor reports the same at compile
     *     time): a type script-tracker cannot parse, a duplicate name, a default that does not parse
     */
    public static ParameterDeclarations of(Class<?> scriptClass) {
        return new ParameterDeclarations(DeclaredParameters.of(scriptClass));
    }

    /**
     * The declarations of the registered scripts with these ids, read from the registries and classes on
     * {@code loader} without connecting to any database: for a door that checks a run's parameters before it
     * opens the tracker (which creates its tables). Ids no registry lists are left out.
     */
    public static Map<String, ParameterDeclarations> ofRegisteredScripts(ClassLoader loader, Collection<String> ids) {
        ScriptCatalog catalog = ScriptCatalog.load(loader, List.of());
        Map<String, ParameterDeclarations> declarations = new LinkedHashMap<>();
        for (String id : ids) {
            catalog.find(id).ifPresent(script -> declarations.put(id, ofScript(script, loader)));
        }
        return declarations;
    }

    /** The declarations of a registered script; none when its class cannot be loaded (running it says why). */
    public static ParameterDeclarations ofScript(ScriptDefinition script, ClassLoader loader) {
        return new ParameterDeclarations(DeclaredParameters.ofScript(script, loader));
    }

    /** True when the script declares a parameters record; otherwise any parameter is passed as text. */
    public boolean declared() {
        return declared.isDeclared();
    }

    public List<ParameterDeclaration> list() {
        return declared.declarations();
    }

    /**
     * What is wrong with these values for this script (names unknown to it, required ones missing, values that
     * do not parse), reading environment variables for the parameters that name one; empty when they fit.
     */
    public List<ParameterProblem> check(Map<String, String> given) {
        return declared.problems(given, System::getenv, true);
    }

    /** The secret parameters that have no value: neither given nor in their environment variable. */
    public List<ParameterDeclaration> missingSecrets(Map<String, String> given) {
        return declared.missingSecrets(given, System::getenv);
    }
}
