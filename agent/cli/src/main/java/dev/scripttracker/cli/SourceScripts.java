package dev.scripttracker.cli;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import dev.scripttracker.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The {@code @TrackedScript} classes in source directories, read with JavaParser (no compilation). */
final class SourceScripts {

    /**
     * @param id empty when the id is not a plain string literal (a constant, a concatenation)
     */
    record Found(Path file, int line, String className, String packageName, Optional<String> id) {
    }

    record Unparsable(Path file, String problem) {
    }

    private final List<Found> scripts = new ArrayList<>();
    private final List<Unparsable> unparsable = new ArrayList<>();
    private final List<String> classNames = new ArrayList<>();
    private final JavaParser parser = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));

    static SourceScripts scan(List<Path> directories) {
        SourceScripts found = new SourceScripts();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                throw new ConfigurationException("source directory '" + directory + "' does not exist or is not a"
                        + " directory; give the source roots of the modules, e.g. billing/src/main/java");
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(found::read);
            } catch (IOException e) {
                throw new ConfigurationException("could not read '" + directory + "': " + e.getMessage());
            }
        }
        return found;
    }

    private void read(Path file) {
        ParseResult<CompilationUnit> result;
        try {
            result = parser.parse(file);
        } catch (IOException e) {
            unparsable.add(new Unparsable(file, e.getMessage()));
            return;
        }
        if (result.getResult().isEmpty() || !result.isSuccessful()) {
            unparsable.add(new Unparsable(file, result.getProblems().isEmpty() ? "not Java"
                    : result.getProblems().get(0).getVerboseMessage()));
            return;
        }
        CompilationUnit unit = result.getResult().get();
        String packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            String className = type.getFullyQualifiedName().orElse(type.getNameAsString());
            classNames.add(className);
            type.getAnnotations().stream().filter(SourceScripts::isTrackedScript).findFirst().ifPresent(annotation ->
                    scripts.add(new Found(file, annotation.getBegin().map(p -> p.line).orElse(0), className, packageName,
                            idOf(annotation))));
        }
    }

    private static boolean isTrackedScript(AnnotationExpr annotation) {
        String name = annotation.getNameAsString();
        return name.equals("TrackedScript") || name.equals("dev.scripttracker.TrackedScript");
    }

    private static Optional<String> idOf(AnnotationExpr annotation) {
        if (annotation instanceof NormalAnnotationExpr normal) {
            return normal.getPairs().stream().filter(p -> p.getNameAsString().equals("id")).findFirst()
                    .map(p -> p.getValue()).filter(Expression::isStringLiteralExpr)
                    .map(e -> ((StringLiteralExpr) e).asString());
        }
        return Optional.empty();
    }

    List<Found> scripts() {
        return scripts;
    }

    List<Unparsable> unparsable() {
        return unparsable;
    }

    boolean hasClass(String qualifiedName) {
        return classNames.contains(qualifiedName);
    }
}
