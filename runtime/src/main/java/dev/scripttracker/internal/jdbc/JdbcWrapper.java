package dev.scripttracker.internal.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Set;

/** A JDBC object seen through a proxy: identity is the proxy's, every other call goes to the wrapped object. */
abstract class JdbcWrapper implements InvocationHandler {

    private final Object wrapped;

    JdbcWrapper(Object wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> intercept(proxy, method, args);
        };
    }

    abstract Object intercept(Object proxy, Method method, Object[] args) throws Throwable;

    /**
     * A proxy of {@code wrapped} that still implements the driver's own public interfaces, so that code
     * casting to them ({@code PGConnection}, for instance) works in a dry run as it does in a real one.
     */
    static <T> T proxy(Class<T> type, T wrapped, JdbcWrapper handler) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        interfaces.add(type);
        for (Class<?> c = wrapped.getClass(); c != null; c = c.getSuperclass()) {
            addPublicInterfaces(c, interfaces);
        }
        ClassLoader loader = wrapped.getClass().getClassLoader();
        try {
            return type.cast(Proxy.newProxyInstance(loader, interfaces.toArray(Class<?>[]::new), handler));
        } catch (IllegalArgumentException notAllVisible) {
            return type.cast(Proxy.newProxyInstance(JdbcWrapper.class.getClassLoader(), new Class<?>[] {type}, handler));
        }
    }

    private static void addPublicInterfaces(Class<?> c, Set<Class<?>> into) {
        for (Class<?> implemented : c.getInterfaces()) {
            if (Modifier.isPublic(implemented.getModifiers()) && into.add(implemented)) {
                addPublicInterfaces(implemented, into);
            }
        }
    }

    /** Calls the wrapped object, throwing what it threw. */
    final Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(wrapped, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
