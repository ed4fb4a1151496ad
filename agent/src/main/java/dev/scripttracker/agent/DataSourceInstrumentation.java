package dev.scripttracker.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import java.lang.instrument.Instrumentation;
import java.sql.Connection;
import javax.sql.DataSource;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Weaves {@link ConnectionBinding} into every DataSource's {@code getConnection}: installed once, when
 * the first script class appears (so applications without scripts pay nothing), and retransforming
 * the DataSource classes already loaded (a pool created before the script's class was loaded).
 */
final class DataSourceInstrumentation {

    private static boolean installed;

    private DataSourceInstrumentation() {
    }

    static synchronized void installOnce(Instrumentation instrumentation) {
        if (installed || instrumentation == null) {
            return;
        }
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .ignore(nameStartsWith("dev.scripttracker.").or(nameStartsWith("java.")).or(nameStartsWith("jdk."))
                        .or(nameStartsWith("sun.")))
                .type(isSubTypeOf(DataSource.class).and(not(isInterface())))
                .transform((builder, type, loader, module, domain) -> builder.visit(
                        Advice.to(EntryPointInstrumentation.GetConnection.class)
                                .on(named("getConnection").and(returns(Connection.class)).and(not(isAbstract())))))
                .installOn(instrumentation);
        installed = true;
    }
}
