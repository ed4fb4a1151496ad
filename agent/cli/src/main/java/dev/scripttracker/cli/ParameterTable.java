package dev.scripttracker.cli;

import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.ParameterDeclarations;
import java.io.PrintWriter;

/** The parameters a script declares, one per line, for {@code status ID}. */
final class ParameterTable {

    private static final String FORMAT = "  %-20s %-24s %-22s %-7s %-12s %s%n";

    private ParameterTable() {
    }

    static void write(String scriptId, ParameterDeclarations declared, PrintWriter out) {
        if (!declared.declared()) {
            out.println("Script " + scriptId + " declares no parameters: any --param NAME=VALUE is passed to it as"
                    + " text.");
            return;
        }
        out.println("Parameters of " + scriptId + " (--param NAME=VALUE):");
        out.printf(FORMAT, "NAME", "TYPE", "REQUIRED / DEFAULT", "SECRET", "IDENTIFYING", "DESCRIPTION");
        for (ParameterDeclaration parameter : declared.list()) {
            out.printf(FORMAT, parameter.name(), parameter.type(), requirement(parameter),
                    parameter.secret() ? "yes" : "no", parameter.identifying() ? "yes" : "no",
                    (parameter.description() + parameter.env().map(env -> " (env " + env + ")").orElse("")).trim());
        }
    }

    private static String requirement(ParameterDeclaration parameter) {
        if (parameter.required()) {
            return "required";
        }
        return parameter.defaultValue().map(value -> "default " + value).orElse("optional");
    }
}
