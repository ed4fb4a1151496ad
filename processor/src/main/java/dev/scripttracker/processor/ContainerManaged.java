package dev.scripttracker.processor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Whether a script class is created by a dependency-injection container (Spring, CDI, JSR-330), which
 * gives its constructor its arguments: a bean ({@code @Component} and the annotations built on it, such
 * as {@code @Service}; {@code @Named}, {@code @Singleton}, CDI scopes), or a class with an
 * {@code @Autowired} or {@code @Inject} constructor. Annotations are matched by name, so the processor
 * needs none of them on its path.
 */
final class ContainerManaged {

    private static final Set<String> BEAN_ANNOTATIONS = Set.of("org.springframework.stereotype.Component",
            "jakarta.inject.Named", "javax.inject.Named", "jakarta.inject.Singleton", "javax.inject.Singleton",
            "jakarta.enterprise.context.ApplicationScoped", "jakarta.enterprise.context.Dependent",
            "jakarta.enterprise.context.RequestScoped");
    private static final Set<String> INJECTING_CONSTRUCTOR = Set.of(
            "org.springframework.beans.factory.annotation.Autowired", "jakarta.inject.Inject", "javax.inject.Inject");

    private ContainerManaged() {
    }

    static boolean is(TypeElement type) {
        return isBean(type, new HashSet<>()) || ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(ContainerManaged::injects);
    }

    private static boolean injects(ExecutableElement constructor) {
        return annotationsOf(constructor).stream().anyMatch(a -> INJECTING_CONSTRUCTOR.contains(nameOf(a)));
    }

    /** Annotated with a bean annotation, or with an annotation that is itself one (meta-annotation, as Spring reads them). */
    private static boolean isBean(Element element, Set<String> seen) {
        for (AnnotationMirror annotation : annotationsOf(element)) {
            String name = nameOf(annotation);
            if (BEAN_ANNOTATIONS.contains(name)) {
                return true;
            }
            if (!name.startsWith("java.") && seen.add(name)
                    && isBean(annotation.getAnnotationType().asElement(), seen)) {
                return true;
            }
        }
        return false;
    }

    private static List<? extends AnnotationMirror> annotationsOf(Element element) {
        return element.getAnnotationMirrors();
    }

    private static String nameOf(AnnotationMirror annotation) {
        return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
    }
}
