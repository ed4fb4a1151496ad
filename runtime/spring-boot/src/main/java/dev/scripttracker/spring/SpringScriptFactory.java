package dev.scripttracker.spring;

import dev.scripttracker.ScriptFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Creates scripts through the application context: a script class that is a bean (a
 * {@code @Component}) is that bean; any other registered class is created as the context creates
 * beans, with constructor injection, {@code @Autowired} and {@code @Transactional} proxies.
 */
public final class SpringScriptFactory implements ScriptFactory {

    private final ConfigurableListableBeanFactory beans;

    public SpringScriptFactory(ConfigurableListableBeanFactory beans) {
        this.beans = beans;
    }

    @Override
    public Object create(Class<?> scriptClass) {
        return beans.getBeanNamesForType(scriptClass).length == 0 ? beans.createBean(scriptClass)
                : beans.getBean(scriptClass);
    }
}
