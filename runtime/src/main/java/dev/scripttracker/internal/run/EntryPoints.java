package dev.scripttracker.internal.run;

import dev.scripttracker.ConfigurationException;
import dev.scripttracker.EntryPoint;
import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptDefinition;
import dev.scripttracker.ScriptFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/** Loads a script's class and calls its entry point or its rollback method. */
final class EntryPoints {

    private static final String[] NO_ARGS = new String[0];

    private EntryPoints() {
    }

    static void run(ScriptDefinition script, ClassLoader loader, ScriptFactory factory, ScriptContext ctx)
            throws Throwable {
        Class<?> type = load(script, loader);
        EntryPoint kind = script.entryPoint();
        Method method = kind.publicMethodOf(type).orElseThrow(() -> new ConfigurationException("script "
                + script.id() + " is registered with entry point " + kind + ", which class " + script.className()
                + " does not have (any more); rebuild the application so that its registry and classes match"));
        Object[] arguments = kind.parameterTypes().stream()
                .map(parameter -> parameter.equals(ScriptContext.class.getName()) ? ctx : NO_ARGS)
                .toArray();
        try {
            method.invoke(kind.isStatic() ? null : factory.create(type), arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static Optional<Method> rollbackMethod(ScriptDefinition script, ClassLoader loader) {
        try {
            Method method = load(script, loader).getMethod("rollback", ScriptContext.class);
            return Modifier.isStatic(method.getModifiers()) ? Optional.empty() : Optional.of(method);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    static void rollback(ScriptDefinition script, ClassLoader loader, ScriptFactory factory, ScriptContext ctx)
            throws Throwable {
        Method method = rollbackMethod(script, loader).orElseThrow();
        try {
            method.invoke(factory.create(load(script, loader)), ctx);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Class<?> load(ScriptDefinition script, ClassLoader loader) {
        try {
            return Class.forName(script.className(), true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigurationException("script " + script.id() + " is registered as class "
                    + script.className() + ", which cannot be loaded (" + e + "); rebuild the application"
                    + " so that its registry and classes match, and check the class path");
        }
    }

    /** The default {@link ScriptFactory}. */
    static Object newInstance(Class<?> type) throws ReflectiveOperationException {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new ConfigurationException(type.getName()
                    + " needs a public constructor without arguments, so that script-tracker can create it");
        }
    }
}
