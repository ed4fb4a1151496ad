package dev.scripttracker.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Finds the entry points of a script class, by the same rules as the runtime. */
final class EntryPoints {

    static final String SCRIPT = "dev.scripttracker.Script";
    static final String COMMAND_LINE_RUNNER = "org.springframework.boot.CommandLineRunner";

    private final Elements elements;
    private final Types types;

    EntryPoints(Elements elements, Types types) {
        this.elements = elements;
        this.types = types;
    }

    /** The runtime's EntryPoint constant names, in a fixed order. */
    List<String> of(TypeElement type) {
        List<String> found = new ArrayList<>();
        if (implementsType(type, SCRIPT)) {
            found.add("SCRIPT");
        }
        if (hasStaticMain(type)) {
            found.add("MAIN");
        }
        if (implementsType(type, Runnable.class.getName())) {
            found.add("RUNNABLE");
        }
        if (implementsType(type, "java.util.concurrent.Callable")) {
            found.add("CALLABLE");
        }
        if (implementsType(type, COMMAND_LINE_RUNNER)) {
            found.add("COMMAND_LINE_RUNNER");
        }
        return found;
    }

    /** By name through the whole hierarchy, so that Spring's interface needs no Spring on the class path. */
    private boolean implementsType(TypeElement type, String qualifiedName) {
        return extendsByName(type.asType(), qualifiedName);
    }

    private boolean extendsByName(TypeMirror type, String qualifiedName) {
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        TypeElement element = (TypeElement) types.asElement(type);
        if (element.getQualifiedName().contentEquals(qualifiedName)) {
            return true;
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
            if (extendsByName(supertype, qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasStaticMain(TypeElement type) {
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (method.getSimpleName().contentEquals("main") && method.getModifiers().contains(Modifier.STATIC)
                    && method.getModifiers().contains(Modifier.PUBLIC) && method.getParameters().size() == 1
                    && isStringArray(method.getParameters().get(0).asType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStringArray(TypeMirror type) {
        return type.getKind() == TypeKind.ARRAY
                && ((ArrayType) type).getComponentType().toString().equals(String.class.getName());
    }

    /**
     * Whether the class itself declares the method of its entry point: the agent wraps methods the
     * script class declares, so one inherited from a superclass would run untracked.
     */
    boolean declaresItself(TypeElement type, String kind) {
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
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

    /** True when a supertype is not resolved yet (another processor may generate it in a later round). */
    boolean hasUnresolvedSupertypes(TypeElement type) {
        return hasErrorSupertype(type.asType());
    }

    private boolean hasErrorSupertype(TypeMirror type) {
        for (TypeMirror supertype : types.directSupertypes(type)) {
            if (supertype.getKind() == TypeKind.ERROR || hasErrorSupertype(supertype)) {
                return true;
            }
        }
        return false;
    }
}
