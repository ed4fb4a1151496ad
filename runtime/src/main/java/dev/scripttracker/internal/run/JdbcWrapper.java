package dev.scripttracker.internal.run;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

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

    /** Calls the wrapped object, throwing what it threw. */
    final Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(wrapped, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
