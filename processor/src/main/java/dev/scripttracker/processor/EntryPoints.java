package dev.scripttracker.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** Finds the entry points of a script class, by the same rules as the runtime. */
final class EntryPoints {

    /**
     * The runtime's {@code dev.scripttracker.EntryPoint} constants, in its order, with the method each
     * defines. A copy, because the processor runs without the runtime on its path; a test holds them equal.
     *
     * @param supertype the interface that gives a class this entry point; null: found by its static method
     */
    record Shape(String kind, String supertype, String methodName, boolean isStatic, List<String> parameterTypes) {

        boolean isMethod(ExecutableElement method) {
            return method.getSimpleName().contentEquals(methodName)
                    && method.getModifiers().contains(Modifier.STATIC) == isStatic
                    && method.getParameters().stream().map(p -> typeName(p.asType())).toList().equals(parameterTypes);
        }
    }

    static final List<Shape> SHAPES = List.of(
            new Shape("SCRIPT", "dev.scripttracker.Script", "run", false, List.of("dev.scripttracker.ScriptContext")),
            new Shape("MAIN", null, "main", true, List.of("java.lang.String[]")),
            new Shape("RUNNABLE", "java.lang.Runnable", "run", false, List.of()),
            new Shape("CALLABLE", "java.util.concurrent.Callable", "call", false, List.of()),
            new Shape("COMMAND_LINE_RUNNER", "org.springframework.boot.CommandLineRunner", "run", false,
                    List.of("java.lang.String[]")));

    private static final Shape MAIN = SHAPES.get(1);

    private final Types types;
    /** Many scripts share a superclass (most only Object); each is searched once. */
    private final Map<TypeElement, Boolean> superclassHasStaticMain = new HashMap<>();

    EntryPoints(Types types) {
        this.types = types;
    }

    /**
     * The runtime's EntryPoint constant names, in a fixed order.
     *
     * @param methods the methods the class declares
     */
    List<String> of(TypeElement type, List<ExecutableElement> methods, Supertypes supertypes) {
        List<String> found = new ArrayList<>();
        for (Shape shape : SHAPES) {
            if (shape.supertype() == null ? declaresStaticMain(methods) || inheritsStaticMain(type)
                    : supertypes.contains(shape.supertype())) {
                found.add(shape.kind());
            }
        }
        return found;
    }

    /** A public static method is inherited from any superclass, and one from an interface never is. */
    private boolean inheritsStaticMain(TypeElement type) {
        TypeElement superclass = superclassOf(type);
        if (superclass == null) {
            return false;
        }
        Boolean known = superclassHasStaticMain.get(superclass);
        if (known == null) {
            known = declaresStaticMain(ElementFilter.methodsIn(superclass.getEnclosedElements()))
                    || inheritsStaticMain(superclass);
            superclassHasStaticMain.put(superclass, known);
        }
        return known;
    }

    private static boolean declaresStaticMain(List<ExecutableElement> methods) {
        return methods.stream().anyMatch(m -> m.getModifiers().contains(Modifier.PUBLIC) && MAIN.isMethod(m));
    }

    private TypeElement superclassOf(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
    }

    /** As source spells an erased type: {@code java.lang.String[]}, also for {@code String...}. */
    private static String typeName(TypeMirror type) {
        return switch (type.getKind()) {
            case ARRAY -> typeName(((ArrayType) type).getComponentType()) + "[]";
            case DECLARED -> ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
            default -> type.toString();
        };
    }

    /**
     * Whether the class itself declares the method of its entry point: the agent wraps methods the
     * script class declares, so one inherited from a superclass would run untracked. ({@code Script.run}
     * is called by the runtime only, so where it is declared does not matter.)
     */
    static boolean declaresItself(List<ExecutableElement> methods, String kind) {
        Shape shape = SHAPES.stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
        return kind.equals("SCRIPT") || methods.stream().anyMatch(shape::isMethod);
    }
}
