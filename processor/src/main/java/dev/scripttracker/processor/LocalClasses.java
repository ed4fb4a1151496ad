package dev.scripttracker.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Finds {@code @TrackedScript} on classes declared inside methods. The processing API never shows
 * those to a processor, so they would silently never run; javac's tree API can see them. Under
 * other compilers (ECJ) this check is skipped.
 */
final class LocalClasses {

    private final Trees trees;
    private final Reporter reporter;

    private LocalClasses(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    static LocalClasses of(ProcessingEnvironment env, Reporter reporter) {
        try {
            return new LocalClasses(Trees.instance(env), reporter);
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return new LocalClasses(null, reporter);
        }
    }

    /** Scans the classes new in this round, each top-level class once. */
    void check(RoundEnvironment round) {
        if (trees == null) {
            return;
        }
        for (Element root : round.getRootElements()) {
            if (trees.getTree(root) instanceof ClassTree tree) {
                new Scanner(root).scan(tree, false);
            }
        }
    }

    /**
     * Visits every class declaration in the code of a class: method bodies, initializers and field
     * values, but not the declarations' modifiers and types, where no class can be declared. The
     * argument says whether the tree is inside code rather than directly in a class body.
     */
    private final class Scanner extends TreeScanner<Void, Boolean> {

        private final Element root;

        Scanner(Element root) {
            this.root = root;
        }

        @Override
        public Void visitClass(ClassTree node, Boolean insideCode) {
            if (insideCode) {
                node.getModifiers().getAnnotations().stream().filter(LocalClasses::isTrackedScript)
                        .forEach(annotation -> report(node, annotation));
            }
            for (Tree member : node.getMembers()) {
                scan(member, !(member instanceof ClassTree));
            }
            return null;
        }

        @Override
        public Void visitMethod(MethodTree node, Boolean insideCode) {
            return scan(node.getBody(), true);
        }

        @Override
        public Void visitVariable(VariableTree node, Boolean insideCode) {
            return scan(node.getInitializer(), true);
        }

        private void report(ClassTree local, AnnotationTree annotation) {
            reporter.countError();
            trees.printMessage(Diagnostic.Kind.ERROR, "[TrackedScript.localClass] script " + local.getSimpleName()
                    + " is a local class (declared inside a method), which the runtime cannot create and the"
                    + " processor cannot register; make it a top-level public class", annotation,
                    trees.getPath(root).getCompilationUnit());
        }
    }

    private static boolean isTrackedScript(AnnotationTree annotation) {
        String name = annotation.getAnnotationType().toString();
        return name.equals("TrackedScript") || name.equals(TrackedScriptAnnotation.NAME);
    }
}
