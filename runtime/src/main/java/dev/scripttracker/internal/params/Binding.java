package dev.scripttracker.internal.params;

import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.ParameterProblem;
import dev.scripttracker.ParameterProblem.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Given texts checked against a declaration: each parameter's text (given, environment, default) and value. */
final class Binding {

    private final List<ParameterProblem> problems = new ArrayList<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    Binding(DeclaredParameters declared, Map<String, String> given, Function<String, String> environment,
            boolean unknownIsProblem) {
        String id = declared.scriptId();
        if (unknownIsProblem) {
            String known = declared.parameters().stream().map(DeclaredParameter::name).collect(Collectors.joining(", "));
            given.keySet().stream()
                    .filter(name -> declared.parameters().stream().noneMatch(p -> p.name().equals(name)))
                    .forEach(name -> problems.add(new ParameterProblem(id, name, Kind.UNKNOWN, "script " + id
                            + " has no parameter '" + name + "'; " + (known.isEmpty() ? "it declares none"
                                    : "its parameters are " + known) + " (see: script-tracker status " + id + ")")));
        }
        for (DeclaredParameter parameter : declared.parameters()) {
            bind(id, parameter, text(parameter.declaration(), given, environment));
        }
    }

    private static String text(ParameterDeclaration declaration, Map<String, String> given,
            Function<String, String> environment) {
        String text = given.get(declaration.name());
        if (text == null) {
            text = declaration.env().map(environment).filter(value -> !value.isEmpty()).orElse(null);
        }
        return text != null ? text : declaration.defaultValue().orElse(null);
    }

    private void bind(String id, DeclaredParameter parameter, String text) {
        ParameterDeclaration declaration = parameter.declaration();
        String name = declaration.name();
        if (text == null) {
            if (declaration.required()) {
                problems.add(new ParameterProblem(id, name, Kind.MISSING, "script " + id + " needs the parameter '"
                        + name + "' (" + declaration.expects() + "); pass it with --param " + name + "=VALUE"
                        + declaration.env().map(env -> " or set the environment variable " + env).orElse("")));
            }
            values.put(name, parameter.absent());
            return;
        }
        try {
            values.put(name, parameter.wrap(parameter.type().parse(text)));
            texts.put(name, text);
        } catch (ValueType.BadValue bad) {
            String got = declaration.secret() ? "got a value that is not one (not shown: the parameter is secret)"
                    : "got '" + text + "'";
            problems.add(new ParameterProblem(id, name, Kind.BAD_VALUE, "parameter '" + name + "' of script " + id
                    + " expects " + declaration.expects() + ", " + got
                    + (bad.getMessage() == null ? "" : ": " + bad.getMessage())));
        }
    }

    List<ParameterProblem> problems() {
        return problems;
    }

    Map<String, String> texts() {
        return texts;
    }

    Map<String, Object> values() {
        return values;
    }
}
