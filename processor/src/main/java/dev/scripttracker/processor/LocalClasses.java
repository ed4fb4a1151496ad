package dev.scripttracker.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Set;
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
    private final Set<CompilationUnitTree> scanned = new HashSet<>();

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

    void check(RoundEnvironment round) {
        if (trees == null) {
            return;
        }
        for (Element root : round.getRootElements()) {
            TreePath path = trees.getPath(root);
            if (path != null && scanned.add(path.getCompilationUnit())) {
                new Scanner(path.getCompilationUnit()).scan(path.getCompilationUnit(), null);
            }
        }
    }

    private final class Scanner extends TreePathScanner<Void, Void> {

        private final CompilationUnitTree unit;

        Scanner(CompilationUnitTree unit) {
            this.unit = unit;
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            boolean local = !(parent instanceof ClassTree || parent instanceof CompilationUnitTree);
            for (AnnotationTree annotation : node.getModifiers().getAnnotations()) {
                String name = annotation.getAnnotationType().toString();
                if (local && (name.equals("TrackedScript") || name.equals(TrackedScriptAnnotation.NAME))) {
                    reporter.countError();
                    trees.printMessage(Diagnostic.Kind.ERROR, "[TrackedScript.localClass] script " + node.getSimpleName()
                            + " is a local class (declared inside a method), which the runtime cannot create and"
                            + " the processor cannot register; make it a top-level public class", annotation, unit);
                }
            }
            return super.visitClass(node, unused);
        }
    }
}
