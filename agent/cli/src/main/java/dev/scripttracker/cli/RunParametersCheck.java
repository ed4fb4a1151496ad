package dev.scripttracker.cli;

import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.ParameterDeclarations;
import dev.scripttracker.ParameterException;
import dev.scripttracker.ParameterProblem;
import java.io.Console;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of the scripts a run names, checked before the tracker is opened (which creates its tables):
 * a missing secret is asked for on the console when there is one; any problem ends the command with exit 2.
 */
final class RunParametersCheck {

    private RunParametersCheck() {
    }

    /**
     * @return the parameters with the secrets typed at the prompt added
     * @throws ParameterException naming every problem, for every script
     */
    static Map<String, String> check(ClassLoader loader, List<String> ids, Map<String, String> given) {
        Map<String, String> parameters = new LinkedHashMap<>(given);
        Map<String, ParameterDeclarations> declarations = ParameterDeclarations.ofRegisteredScripts(loader, ids);
        Console console = System.console();
        if (console != null) {
            declarations.forEach((id, declared) -> declared.missingSecrets(parameters).forEach(secret ->
                    prompt(console, id, secret, parameters)));
        }
        List<ParameterProblem> problems = new ArrayList<>();
        declarations.values().forEach(declared -> problems.addAll(declared.check(parameters)));
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return parameters;
    }

    private static void prompt(Console console, String id, ParameterDeclaration secret, Map<String, String> into) {
        char[] typed = console.readPassword("%s (secret parameter '%s' of script %s): ",
                secret.description().isEmpty() ? secret.name() : secret.description(), secret.name(), id);
        if (typed != null && typed.length > 0) {
            into.put(secret.name(), new String(typed));
        }
    }
}
