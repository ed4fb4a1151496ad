package dev.scripttracker.internal.run;

import dev.scripttracker.RunOptions;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.internal.params.DeclaredParameters;
import dev.scripttracker.internal.params.ResolvedParameters;

/** A run's parameters checked against its script's declaration, before its lock is taken or anything written. */
final class RunParameters {

    private RunParameters() {
    }

    /**
     * @param strict names the script does not declare are an error (a run that names the script), rather than
     *     left out (a run of every pending script, whose parameters may be meant for another)
     * @throws dev.scripttracker.ParameterException when the parameters do not fit
     */
    static ResolvedParameters resolve(ScriptDefinition script, ClassLoader loader, RunOptions options, boolean strict) {
        return DeclaredParameters.ofScript(script, loader).resolve(options.parameters(), System::getenv, strict);
    }
}
