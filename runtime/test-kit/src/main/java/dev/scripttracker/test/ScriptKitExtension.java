package dev.scripttracker.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link ScriptTest}: resolves {@link ScriptKit} parameters of test and
 * {@code @BeforeEach} methods (the same kit within one test) and closes the kit after each test,
 * which drops its database.
 */
public final class ScriptKitExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScriptKitExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ScriptKit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("a ScriptKit belongs to one test (its database is dropped after"
                    + " it), so " + parameter.getDeclaringExecutable() + " cannot take one; take it in the @Test or"
                    + " @BeforeEach method instead");
        }
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(ScriptKit.class, type -> ScriptKit.open(),
                ScriptKit.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ScriptKit kit = context.getStore(NAMESPACE).remove(ScriptKit.class, ScriptKit.class);
        if (kit != null) {
            kit.close();
        }
    }
}
