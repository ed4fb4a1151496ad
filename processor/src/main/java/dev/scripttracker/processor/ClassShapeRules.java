package dev.scripttracker.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/** The rules about the annotated class itself: a public, concrete, reachable class the runtime can create. */
final class ClassShapeRules {

    static final String SCRIPT_CONTEXT = "dev.scripttracker.ScriptContext";

    private final Reporter reporter;

    ClassShapeRules(Reporter reporter) {
        this.reporter = reporter;
    }

    /** @return false when the class cannot be a script at all (then no other rule is checked) */
    boolean check(TypeElement type, TrackedScriptAnnotation annotation) {
        String name = type.getQualifiedName().toString();
        if (type.getKind() != ElementKind.CLASS) {
            reporter.error("notAClass", "@TrackedScript is on " + kindName(type.getKind()) + " " + name
                    + ", but a script must be a class; move the annotation to a public class that implements"
                    + " dev.scripttracker.Script", type, annotation.mirror(), null);
            return false;
        }
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            reporter.error("localClass", "script " + name + " is a local class, which the runtime cannot create;"
                    + " make it a top-level public class", type, annotation.mirror(), null);
            return false;
        }
        boolean ok = true;
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            reporter.error("innerClass", "script " + name + " is an inner (non-static) class, which needs an instance"
                    + " of its outer class; declare it 'public static class'", type, annotation.mirror(), null);
            ok = false;
        }
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                reporter.error("notPublic", "script " + name + (t == type ? " is not public" : " is inside "
                        + t.getQualifiedName() + ", which is not public") + ", so the runtime cannot reach it;"
                        + " declare " + (t == type ? "it" : "both") + " public", type, annotation.mirror(), null);
                ok = false;
                break;
            }
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            reporter.error("abstractClass", "script " + name + " is abstract, so the runtime cannot create it;"
                    + " annotate the concrete subclass instead", type, annotation.mirror(), null);
            ok = false;
        }
        return ok;
    }

    /** Scripts other than {@code main} are created with a public no-argument constructor. */
    void checkConstructor(TypeElement type, TrackedScriptAnnotation annotation) {
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        boolean usable = constructors.stream().anyMatch(c -> c.getParameters().isEmpty()
                && c.getModifiers().contains(Modifier.PUBLIC));
        if (!usable) {
            reporter.error("noPublicConstructor", "script " + type.getQualifiedName() + " has no public constructor"
                    + " without arguments, so the runtime cannot create it; add 'public "
                    + type.getSimpleName() + "() {}' (read settings from ScriptContext.parameters() instead), or make it a"
                    + " bean that the application's container creates (@Component, @Named, an @Autowired or @Inject"
                    + " constructor)",
                    type, annotation.mirror(), null);
        }
    }

    /** An optional {@code public void rollback(ScriptContext)}: any other method of that name is a mistake. */
    void checkRollback(TypeElement type, List<ExecutableElement> methods) {
        for (ExecutableElement method : methods) {
            if (!method.getSimpleName().contentEquals("rollback")) {
                continue;
            }
            Set<Modifier> modifiers = method.getModifiers();
            boolean right = modifiers.contains(Modifier.PUBLIC) && !modifiers.contains(Modifier.STATIC)
                    && method.getParameters().size() == 1
                    && method.getParameters().get(0).asType().toString().equals(SCRIPT_CONTEXT);
            if (!right) {
                reporter.error("badRollback", "script " + type.getQualifiedName() + " has a rollback method that the"
                        + " rollback command cannot call; declare it as 'public void rollback(ScriptContext ctx)'"
                        + " (or rename it if it is not meant to undo the script)", method);
            }
        }
    }

    private static String kindName(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "interface";
            case ENUM -> "enum";
            case ANNOTATION_TYPE -> "annotation type";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
