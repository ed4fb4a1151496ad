package dev.scripttracker.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/** Finds the entry points of a script class, by the same rules as the runtime. */
final class EntryPoints {

    static final String SCRIPT = "dev.scripttracker.Script";
    static final String COMMAND_LINE_RUNNER = "org.springframework.boot.CommandLineRunner";

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
        if (supertypes.contains(SCRIPT)) {
            found.add("SCRIPT");
        }
        if (declaresStaticMain(methods) || inheritsStaticMain(type)) {
            found.add("MAIN");
        }
        if (supertypes.contains(Runnable.class.getName())) {
            found.add("RUNNABLE");
        }
        if (supertypes.contains("java.util.concurrent.Callable")) {
            found.add("CALLABLE");
        }
        if (supertypes.contains(COMMAND_LINE_RUNNER)) {
            found.add("COMMAND_LINE_RUNNER");
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
        for (ExecutableElement method : methods) {
            if (method.getSimpleName().contentEquals("main") && method.getModifiers().contains(Modifier.STATIC)
                    && method.getModifiers().contains(Modifier.PUBLIC) && method.getParameters().size() == 1
                    && isStringArray(method.getParameters().get(0).asType())) {
                return true;
            }
        }
        return false;
    }

    private TypeElement superclassOf(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
    }

    private static boolean isStringArray(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY
                && ((ArrayType) type).getComponentType().toString().equals(String.class.getName());
    }

    /**
     * Whether the class itself declares the method of its entry point: the agent wraps methods the
     * script class declares, so one inherited from a superclass would run untracked.
     */
    static boolean declaresItself(List<ExecutableElement> methods, String kind) {
        for (ExecutableElement method : methods) {
            String name = method.getSimpleName().toString();
            int parameters = method.getParameters().size();
            boolean matches = switch (kind) {
                case "MAIN" -> name.equals("main") && parameters == 1 && method.getModifiers().contains(Modifier.STATIC);
                case "RUNNABLE" -> name.equals("run") && parameters == 0;
                case "CALLABLE" -> name.equals("call") && parameters == 0;
                case "COMMAND_LINE_RUNNER" -> name.equals("run") && parameters == 1
                        && isStringArray(method.getParameters().get(0).asType());
                default -> true;
            };
            if (matches) {
                return true;
            }
        }
        return kind.equals("SCRIPT");
    }
}
