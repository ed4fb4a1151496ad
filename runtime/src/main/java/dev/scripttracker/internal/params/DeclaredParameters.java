package dev.scripttracker.internal.params;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.Param;
import dev.scripttracker.ParameterDeclaration;
import dev.scripttracker.ParameterException;
import dev.scripttracker.ParameterProblem;
import dev.scripttracker.TrackedScript;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A script's parameters record read by reflection, and the one place where given texts are checked and
 * bound against it: for the engine at every run, and for the doors before they start one.
 */
public final class DeclaredParameters {

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String scriptId;
    private final Class<? extends Record> record;
    private final List<DeclaredParameter> parameters;

    private DeclaredParameters(String scriptId, Class<? extends Record> record, List<DeclaredParameter> parameters) {
        this.scriptId = scriptId;
        this.record = record;
        this.parameters = List.copyOf(parameters);
    }

    /** A script that declares no parameters record. */
    public static DeclaredParameters none() {
        return new DeclaredParameters("", null, List.of());
    }

    /** The declarations of a registered script; none when its class cannot be loaded (running it says why). */
    public static DeclaredParameters ofScript(dev.scripttracker.ScriptDefinition script, ClassLoader loader) {
        try {
            return of(Class.forName(script.className(), false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return none();
        }
    }

    /** @throws ConfigurationException when the declaration is broken */
    public static DeclaredParameters of(Class<?> scriptClass) {
        TrackedScript annotation = scriptClass.getAnnotation(TrackedScript.class);
        String id = annotation == null ? scriptClass.getName() : annotation.id();
        if (annotation == null || annotation.parameters() == Record.class) {
            return new DeclaredParameters(id, null, List.of());
        }
        Class<? extends Record> record = annotation.parameters();
        Map<String, DeclaredParameter> byName = new LinkedHashMap<>();
        for (RecordComponent component : record.getRecordComponents()) {
            DeclaredParameter parameter = declare(id, record, component);
            if (!NAME.matcher(parameter.name()).matches()) {
                throw broken(id, record, "names a parameter '" + parameter.name() + "'; a name is letters, digits,"
                        + " '_', '.' and '-', starting with a letter or '_'");
            }
            if (byName.putIfAbsent(parameter.name(), parameter) != null) {
                throw broken(id, record, "declares the parameter name '" + parameter.name() + "' twice; give one"
                        + " of them another @Param(name = ...)");
            }
        }
        return new DeclaredParameters(id, record, new ArrayList<>(byName.values()));
    }

    private static DeclaredParameter declare(String id, Class<?> record, RecordComponent component) {
        Param param = component.getAnnotation(Param.class);
        String name = param == null || param.name().isEmpty() ? component.getName() : param.name();
        Type type = component.getGenericType();
        boolean optional = type instanceof ParameterizedType generic && generic.getRawType() == Optional.class;
        ValueType valueType = ValueTypes.of(optional ? ((ParameterizedType) type).getActualTypeArguments()[0] : type);
        if (valueType == null) {
            throw broken(id, record, "component " + component.getName() + " has type " + type.getTypeName()
                    + ", which a parameter cannot have; use " + ValueTypes.SUPPORTED);
        }
        String defaultValue = param == null || param.defaultValue().isEmpty() ? null : param.defaultValue();
        boolean secret = param != null && param.secret();
        boolean primitive = component.getType().isPrimitive();
        if (secret && defaultValue != null) {
            throw broken(id, record, "parameter '" + name + "' is secret and has a default, which would put the"
                    + " secret in the code; remove the default (use env = \"...\" to read it from the environment)");
        }
        boolean required = param == null || param.required();
        if (!required && primitive && defaultValue == null) {
            throw broken(id, record, "parameter '" + name + "' is optional but of primitive type " + type.getTypeName()
                    + ", which cannot be null; give it a defaultValue, or use Optional or the boxed type");
        }
        if (defaultValue != null) {
            try {
                valueType.parse(defaultValue);
            } catch (ValueType.BadValue e) {
                throw broken(id, record, "the default \"" + defaultValue + "\" of parameter '" + name + "' is not "
                        + valueType.expects() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        String env = param == null || param.env().isEmpty() ? null : param.env();
        ParameterDeclaration declaration = new ParameterDeclaration(name, simpleName(type), valueType.expects(),
                required && !optional && defaultValue == null, Optional.ofNullable(defaultValue), secret,
                Optional.ofNullable(env), param == null || param.identifying(), param == null ? "" : param.description());
        return new DeclaredParameter(declaration, valueType, optional, primitive);
    }

    /** The type as a script author writes it: {@code Optional<List<LocalDate>>}, {@code int}. */
    private static String simpleName(Type type) {
        if (type instanceof ParameterizedType generic) {
            return simpleName(generic.getRawType()) + "<" + java.util.Arrays.stream(generic.getActualTypeArguments())
                    .map(DeclaredParameters::simpleName).collect(java.util.stream.Collectors.joining(", ")) + ">";
        }
        return type instanceof Class<?> plain ? plain.getSimpleName() : type.getTypeName();
    }

    private static ConfigurationException broken(String id, Class<?> record, String what) {
        return new ConfigurationException("the parameters record " + record.getName() + " of script " + id + " "
                + what + "; fix it and rebuild (the script-tracker processor reports this at compile time)");
    }

    public boolean isDeclared() {
        return record != null;
    }

    public List<ParameterDeclaration> declarations() {
        return parameters.stream().map(DeclaredParameter::declaration).toList();
    }

    /** The declared secrets that have no value yet: neither given nor in their environment variable. */
    public List<ParameterDeclaration> missingSecrets(Map<String, String> given, Function<String, String> environment) {
        return parameters.stream().map(DeclaredParameter::declaration)
                .filter(d -> d.secret() && !given.containsKey(d.name())
                        && d.env().map(environment).filter(v -> !v.isEmpty()).isEmpty())
                .toList();
    }

    public List<ParameterProblem> problems(Map<String, String> given, Function<String, String> environment,
            boolean unknownIsProblem) {
        return isDeclared() ? new Binding(this, given, environment, unknownIsProblem).problems() : List.of();
    }

    /**
     * The run's parameters, checked and parsed.
     *
     * @param unknownIsProblem false for a run of every pending script, where one script's parameter is unknown to
     *     the next: names this script does not declare are then left out
     * @throws ParameterException when they do not fit the declaration
     */
    public ResolvedParameters resolve(Map<String, String> given, Function<String, String> environment,
            boolean unknownIsProblem) {
        if (!isDeclared()) {
            return ResolvedParameters.undeclared(given);
        }
        Binding binding = new Binding(this, given, environment, unknownIsProblem);
        if (!binding.problems().isEmpty()) {
            throw new ParameterException(binding.problems());
        }
        return new ResolvedParameters(record, parameters, binding.texts(), binding.values());
    }

    String scriptId() {
        return scriptId;
    }

    List<DeclaredParameter> parameters() {
        return parameters;
    }
}
