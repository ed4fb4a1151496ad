package dev.scripttracker;

/**
 * Creates the instance of a script class whose entry point is an instance method ({@link Script},
 * {@link Runnable}, {@link java.util.concurrent.Callable}) and of any class whose {@code rollback}
 * method is called. The default calls the public no-argument constructor; a container supplies one
 * that injects the script's dependencies.
 *
 * <pre>{@code
 * ScriptTracker.builder()
 *         .dataSource(dataSource)
 *         .scriptFactory(type -> applicationContext.getAutowireCapableBeanFactory().createBean(type))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface ScriptFactory {

    /**
     * @param scriptClass the registered class, loaded with the tracker's class loader
     * @return an instance of {@code scriptClass}
     * @throws Exception when it cannot be created; the attempt is then recorded as failed with it
     */
    Object create(Class<?> scriptClass) throws Exception;
}
