package dev.scripttracker.spring;

import dev.scripttracker.ScriptContext;
import dev.scripttracker.ScriptFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Creates scripts through the application context: a script class that is a bean (a
 * {@code @Component}) is that bean; any other registered class is created as the context creates
 * beans, with constructor injection, {@code @Autowired} and {@code @Transactional} proxies.
 */
public final class SpringScriptFactory implements ScriptFactory {

    private final ConfigurableListableBeanFactory beans;
    private final String workOutsideTheStore;

    /** For a store on the application's DataSource, where scripts' Spring work joins their transaction. */
    public SpringScriptFactory(ConfigurableListableBeanFactory beans) {
        this(beans, null);
    }

    /**
     * @param workOutsideTheStore where the scripts' Spring work goes when the store is in another database;
     *     every attempt is then recorded as possibly partial should it fail
     */
    public SpringScriptFactory(ConfigurableListableBeanFactory beans, String workOutsideTheStore) {
        this.beans = beans;
        this.workOutsideTheStore = workOutsideTheStore;
    }

    @Override
    public Object create(Class<?> scriptClass) {
        if (workOutsideTheStore != null) {
            // Created inside the run, so the record says the truth if the script then fails.
            ScriptContext.find().ifPresent(ctx -> ctx.wroteOutsideItsTransaction(workOutsideTheStore));
        }
        return beans.getBeanNamesForType(scriptClass).length == 0 ? beans.createBean(scriptClass)
                : beans.getBean(scriptClass);
    }
}
