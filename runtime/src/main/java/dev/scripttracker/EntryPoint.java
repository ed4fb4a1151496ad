package dev.scripttracker;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kind of method through which a tracked script is started, and the one definition of each
 * kind's method: the runtime finds and calls it, the agent wraps it. (The annotation processor, which
 * runs without this jar on its path, keeps a copy that its tests hold equal to this one.)
 */
public enum EntryPoint {
    /** {@code Script.run(ScriptContext)}. */
    SCRIPT("dev.scripttracker.Script", "run", false, "dev.scripttracker.ScriptContext"),
    /** {@code public static void main(String[])}. */
    MAIN(null, "main", true, "java.lang.String[]"),
    /** {@code Runnable.run()}. */
    RUNNABLE("java.lang.Runnable", "run", false),
    /** {@code Callable.call()}. */
    CALLABLE("java.util.concurrent.Callable", "call", false),
    /** Spring Boot's {@code CommandLineRunner.run(String...)}, matched by name. */
    COMMAND_LINE_RUNNER("org.springframework.boot.CommandLineRunner", "run", false, "java.lang.String[]");

    private final String supertype;
    private final String methodName;
    private final boolean isStatic;
    private final List<String> parameterTypes;

    EntryPoint(String supertype, String methodName, boolean isStatic, String... parameterTypes) {
        this.supertype = supertype;
        this.methodName = methodName;
        this.isStatic = isStatic;
        this.parameterTypes = List.of(parameterTypes);
    }

    /** The interface a class implements to have this entry point; empty for {@link #MAIN}, found by its method. */
    public Optional<String> supertype() {
        return Optional.ofNullable(supertype);
    }

    public String methodName() {
        return methodName;
    }

    public boolean isStatic() {
        return isStatic;
    }

    /** The parameters' type names as source spells them, e.g. {@code java.lang.String[]}. */
    public List<String> parameterTypes() {
        return parameterTypes;
    }

    /** Whether a method of this name, staticness and parameter types (source spelling) is this kind's method. */
    public boolean isMethod(String name, boolean isStaticMethod, List<String> parameterTypeNames) {
        return methodName.equals(name) && isStatic == isStaticMethod && parameterTypes.equals(parameterTypeNames);
    }

    public boolean isMethod(Method method) {
        return isMethod(method.getName(), Modifier.isStatic(method.getModifiers()),
                Arrays.stream(method.getParameterTypes()).map(Class::getTypeName).toList());
    }

    /** Every kind of entry point the class has (a tracked script must have exactly one). */
    public static List<EntryPoint> of(Class<?> type) {
        List<EntryPoint> found = new ArrayList<>();
        for (EntryPoint kind : values()) {
            if (kind.supertype == null ? kind.publicMethodOf(type).isPresent() : implementsByName(type, kind.supertype)) {
                found.add(kind);
            }
        }
        return found;
    }

    /**
     * This kind's public method for the class: the interface's own method where there is one, so that a
     * class the caller cannot access is still called through its public interface.
     */
    public Optional<Method> publicMethodOf(Class<?> type) {
        Class<?> declaring = supertype == null ? type : interfaceByName(type, supertype);
        if (declaring == null) {
            return Optional.empty();
        }
        for (Method method : declaring.getMethods()) {
            if (isMethod(method)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    private static boolean implementsByName(Class<?> type, String interfaceName) {
        return interfaceByName(type, interfaceName) != null;
    }

    private static Class<?> interfaceByName(Class<?> type, String interfaceName) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                Class<?> found = i.getName().equals(interfaceName) ? i : interfaceByName(i, interfaceName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
