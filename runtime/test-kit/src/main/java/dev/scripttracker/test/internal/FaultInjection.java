package dev.scripttracker.test.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wraps the connections the tracker takes so that an armed {@link BatchFault} can fail a batch checkpoint.
 * A checkpoint is the tracker's {@code update <prefix> set checkpoint = ...} with a checkpoint text that is
 * not a loop's final one; every other statement goes to the driver untouched.
 */
final class FaultInjection {

    private final String checkpointUpdate;
    private volatile BatchFault armed;

    FaultInjection(String trackerPrefix) {
        this.checkpointUpdate = ("update " + trackerPrefix + " set checkpoint = ").toLowerCase(Locale.ROOT);
    }

    void arm(BatchFault fault) {
        this.armed = fault;
    }

    void disarm() {
        this.armed = null;
    }

    Connection wrap(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = call(target, method, args);
            if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql
                    && sql.toLowerCase(Locale.ROOT).contains(checkpointUpdate)) {
                return checkpointStatement(statement);
            }
            return result;
        });
    }

    private PreparedStatement checkpointStatement(PreparedStatement statement) {
        List<String> texts = new ArrayList<>();
        return proxy(PreparedStatement.class, statement, (target, method, args) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[1] instanceof String text) {
                texts.add(text);
            } else if (name.equals("clearParameters")) {
                texts.clear();
            } else if (name.startsWith("execute")) {
                BatchFault fault = armed;
                if (fault != null && texts.stream().anyMatch(FaultInjection::isBatchCheckpoint) && fault.failsNow()) {
                    throw new SQLException(fault.message(), "40000");
                }
            }
            return call(target, method, args);
        });
    }

    /** {@code loop=1;source=...;batch=3;done=...;after=...}, not the {@code ;finished} mark of a loop's end. */
    private static boolean isBatchCheckpoint(String text) {
        return text.startsWith("loop=") && text.contains(";batch=") && !text.endsWith(";finished");
    }

    private interface Handler<T> {
        Object handle(T target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler<T> handler) {
        InvocationHandler invocation = (proxy, method, args) -> switch (method.getName()) {
            case "equals" -> args.length == 1 && proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> handler.handle(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(FaultInjection.class.getClassLoader(), new Class<?>[] {type},
                invocation));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
