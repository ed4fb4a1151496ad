package dev.scripttracker.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.sql.Connection;
import java.sql.Driver;
import java.util.Properties;
import javax.sql.DataSource;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Weaves {@link ConnectionBinding} into every DataSource's {@code getConnection} and every JDBC
 * driver's {@code connect} (what {@code DriverManager} calls): installed once, when
 * the first script class appears (so applications without scripts pay nothing), and retransforming
 * the DataSource and driver classes already loaded (a pool created before the script's class was loaded).
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
                .ignore(ours().or(nameStartsWith("java.")).or(nameStartsWith("jdk.")).or(nameStartsWith("sun.")))
                .type(isSubTypeOf(DataSource.class).and(not(isInterface())))
                .transform((builder, type, loader, module, domain) -> builder.visit(
                        Advice.to(EntryPointInstrumentation.GetConnection.class)
                                .on(named("getConnection").and(returns(Connection.class)).and(not(isAbstract())))))
                .type(isSubTypeOf(Driver.class).and(not(isInterface())))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(Advice.to(EntryPointInstrumentation.GetConnection.class)
                                .on(driverConnect().and(returns(Connection.class))))
                        // Advice never reaches the bridge method of a covariant connect (MariaDB's returns its own
                        // Connection class), and no proxy could stand in for that class: such connections are seen.
                        .visit(Advice.to(EntryPointInstrumentation.CovariantDriverConnect.class)
                                .on(driverConnect().and(not(returns(Connection.class)))
                                        .and(returns(isSubTypeOf(Connection.class))))))
                .installOn(instrumentation);
        installed = true;
    }

    /** Our own classes, but for the drivers shaded into this jar: DriverManager often picks those first. */
    private static ElementMatcher.Junction<TypeDescription> ours() {
        return nameStartsWith("dev.scripttracker.").and(not(nameStartsWith("dev.scripttracker.shaded.postgresql.")
                .or(nameStartsWith("dev.scripttracker.shaded.mariadb."))));
    }

    private static ElementMatcher.Junction<MethodDescription> driverConnect() {
        return named("connect").and(takesArguments(String.class, Properties.class)).and(not(isAbstract()));
    }
}
