package dev.scripttracker.agent;

import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;

import dev.scripttracker.EntryPoint;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Wraps a script class's entry points ({@code main}, {@code run()}, {@code call()},
 * {@code run(String...)}) so that each call goes through {@link AgentBridge}. The only class that
 * touches Byte Buddy, so nothing of it loads before a script class does.
 */
final class EntryPointInstrumentation {

    private EntryPointInstrumentation() {
    }

    static byte[] instrument(String internalName, byte[] classFile, ClassLoader loader) {
        return redefine(internalName, classFile, loader)
                .visit(Advice.to(VoidEntry.class).on(isPublic().and(returns(void.class)).and(methodOf(AgentBridge.WRAPPED))))
                .visit(Advice.to(ValueEntry.class).on(isPublic().and(not(returns(void.class)))
                        .and(methodOf(AgentBridge.WRAPPED))))
                .make().getBytes();
    }

    private static ElementMatcher.Junction<MethodDescription> methodOf(Set<EntryPoint> kinds) {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(MethodDescription method) {
                List<String> parameters = method.getParameters().asTypeList().asErasures().stream()
                        .map(TypeDescription::getActualName).toList();
                return kinds.stream()
                        .anyMatch(kind -> kind.isMethod(method.getInternalName(), method.isStatic(), parameters));
            }
        };
    }

    /** The application's main (a Spring Boot Start-Class) runs the pending scripts before its own body. */
    static byte[] runPendingBeforeMain(String internalName, byte[] classFile, ClassLoader loader) {
        return redefine(internalName, classFile, loader)
                .visit(Advice.to(BeforeMain.class).on(isPublic().and(methodOf(Set.of(EntryPoint.MAIN)))))
                .make().getBytes();
    }

    private static DynamicType.Builder<?> redefine(String internalName, byte[] classFile, ClassLoader loader) {
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                ClassFileLocator.ForClassLoader.of(loader));
        TypeDescription type = TypePool.Default.of(locator).describe(name).resolve();
        return new ByteBuddy().with(TypeValidation.DISABLED).redefine(type, locator);
    }

    static final class BeforeMain {

        private BeforeMain() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.Origin Class<?> mainClass) {
            AgentBridge.beforeMain(mainClass);
        }
    }

    /**
     * For {@code DataSource.getConnection(...)} and {@code Driver.connect(url, properties)}: the running
     * script's connection, when it has one to share.
     */
    static final class GetConnection {

        private GetConnection() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Object enter(@Advice.This Object source, @Advice.Origin Method method,
                @Advice.AllArguments Object[] arguments) {
            return ConnectionBinding.boundConnection(source, method, arguments);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter Object bound,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
            if (bound != null) {
                returned = bound;
            }
        }
    }

    /** For a {@code Driver.connect} whose connection cannot be replaced: the run is told it was taken. */
    static final class CovariantDriverConnect {

        private CovariantDriverConnect() {
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Argument(0) Object url, @Advice.Return Object returned) {
            if (returned != null) {
                ConnectionBinding.connectedOutside(url);
            }
        }
    }

    /** For void entry points: the bridge decides whether the body runs here, and what is thrown. */
    static final class VoidEntry {

        private VoidEntry() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Object enter(@Advice.Origin Method method, @Advice.This(optional = true) Object self,
                @Advice.AllArguments Object[] arguments) {
            return AgentBridge.enter(method, self, arguments);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Object scope, @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (scope != null) {
                thrown = AgentBridge.thrown(scope);
            }
        }
    }

    /** For {@code Callable.call()}: as {@link VoidEntry}, and the value the tracked call returned. */
    static final class ValueEntry {

        private ValueEntry() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static Object enter(@Advice.Origin Method method, @Advice.This(optional = true) Object self,
                @Advice.AllArguments Object[] arguments) {
            return AgentBridge.enter(method, self, arguments);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Object scope,
                @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned,
                @Advice.Thrown(readOnly = false) Throwable thrown) {
            if (scope != null) {
                returned = AgentBridge.returned(scope);
                thrown = AgentBridge.thrown(scope);
            }
        }
    }
}
