package dev.scripttracker.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern ANNOTATION = Pattern.compile("@\\s*(dev\\.scripttracker\\.)?TrackedScript\\b");

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

    /** @param visible the annotated classes the processing API shows this round */
    void check(RoundEnvironment round, Set<? extends Element> visible) {
        if (trees == null) {
            return;
        }
        Map<CompilationUnitTree, Integer> shown = new HashMap<>();
        for (Element element : visible) {
            TreePath path = trees.getPath(element);
            if (path != null) {
                shown.merge(path.getCompilationUnit(), 1, Integer::sum);
            }
        }
        for (Element root : round.getRootElements()) {
            TreePath path = trees.getPath(root);
            if (path != null && scanned.add(path.getCompilationUnit())
                    && mentions(path.getCompilationUnit()) > shown.getOrDefault(path.getCompilationUnit(), 0)) {
                new Scanner(path.getCompilationUnit()).scan(path.getCompilationUnit(), null);
            }
        }
    }

    /**
     * How often the source writes the annotation. Only a file that writes it more often than the
     * processing API shows annotated classes can hold a local one, so only such files are scanned.
     */
    private static int mentions(CompilationUnitTree unit) {
        try {
            Matcher matcher = ANNOTATION.matcher(unit.getSourceFile().getCharContent(true));
            int count = 0;
            while (matcher.find()) {
                count++;
            }
            return count;
        } catch (IOException unreadable) {
            return Integer.MAX_VALUE;
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
