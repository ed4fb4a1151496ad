package dev.scripttracker.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks script ids across the sources of several modules without compiling: duplicate ids"
                + " (which the processor cannot see across modules) and malformed ones. For CI.",
            "To find scripts edited after they ran (built code against the store), use verify.",
            "Exit codes: 0 no problem; 1 problems found (one line each, file:line); 2 usage error."})
final class CheckCommand implements Callable<Integer> {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    @Parameters(paramLabel = "SRC_DIR", arity = "1..*", description = "Source roots, e.g. */src/main/java.")
    List<Path> directories = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SourceScripts sources = SourceScripts.scan(directories);
        List<String> problems = new ArrayList<>();
        sources.unparsable().forEach(u -> problems.add(u.file() + ": cannot be parsed, so its scripts were not checked: "
                + u.problem()));
        Map<String, List<SourceScripts.Found>> byId = new LinkedHashMap<>();
        for (SourceScripts.Found script : sources.scripts()) {
            if (script.id().isEmpty()) {
                spec.commandLine().getOut().println(where(script) + ": note: the id of " + script.className()
                        + " is not a string literal, so it was not checked");
            } else if (!ID.matcher(script.id().get()).matches()) {
                problems.add(where(script) + ": [TrackedScript.badId] id \"" + script.id().get() + "\" of "
                        + script.className() + " does not match " + ID.pattern());
            } else {
                byId.computeIfAbsent(script.id().get(), id -> new ArrayList<>()).add(script);
            }
        }
        byId.values().stream().filter(users -> users.size() > 1).forEach(users -> users.forEach(script ->
                problems.add(where(script) + ": [TrackedScript.duplicateId] id \"" + script.id().get() + "\" of "
                        + script.className() + " is also used by " + others(users, script))));
        problems.forEach(spec.commandLine().getOut()::println);
        spec.commandLine().getOut().println("checked " + sources.scripts().size() + " scripts in " + directories.size()
                + " source root(s): " + (problems.isEmpty() ? "no problems" : problems.size() + " problem(s)"));
        return problems.isEmpty() ? ExitCodes.OK : ExitCodes.SCRIPT_FAILED;
    }

    private static String where(SourceScripts.Found script) {
        return script.file() + ":" + script.line();
    }

    private static String others(List<SourceScripts.Found> users, SourceScripts.Found script) {
        return users.stream().filter(other -> other != script).map(o -> o.className() + " (" + where(o) + ")")
                .collect(Collectors.joining(", "));
    }
}
