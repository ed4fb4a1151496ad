package dev.scripttracker.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Checks every {@code @TrackedScript} class at compile time and writes the registry the runtime
 * reads: resources only (see {@link BuildOutputs}), written once after the last round, so javac
 * needs no extra round for them. Scripts are collected across rounds; the previous build's scripts
 * that this compilation was not given are read again from their class files.
 */
@AutoService(Processor.class)
public final class TrackedScriptProcessor extends AbstractProcessor {

    /** Valid scripts by class name, across rounds (a TypeElement is not stable across rounds; its name is). */
    private final Map<String, ScriptModel> valid = new TreeMap<>();
    /** As found in the round each was checked in: only the originating elements of the written files. */
    private final Map<String, TypeElement> validElements = new HashMap<>();
    private final Set<String> waiting = new LinkedHashSet<>();
    /** The previous build's scripts that no round of this compilation has shown (yet). */
    private final Set<String> onlyInPreviousBuild = new HashSet<>();
    private BuildOutputs.Previous previous;
    private SourcePath sourcePath;
    private Reporter reporter;
    private LocalClasses localClasses;

    /**
     * Every annotation, not only {@code @TrackedScript}: javac calls a processor only for annotations
     * on classes it can show, and an annotated local class is not one, so a compilation whose only
     * script is local would otherwise compile silently. Nothing is claimed.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            if (reporter == null) {
                reporter = new Reporter(processingEnv.getMessager());
                localClasses = LocalClasses.of(processingEnv, reporter);
                sourcePath = new SourcePath(processingEnv.getFiler(), processingEnv.getElementUtils());
            }
            if (round.processingOver()) {
                finish();
            } else {
                collect(round);
            }
        } catch (Exception | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "[TrackedScript.internalError] the"
                    + " script-tracker processor failed; please report this with the trace below.\n" + trace);
        }
        return false;
    }

    private void collect(RoundEnvironment round) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(TrackedScriptAnnotation.NAME);
        if (annotation == null) {
            return;
        }
        Map<String, TypeElement> annotated = new HashMap<>();
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            TypeElement type = (TypeElement) element;
            String name = type.getQualifiedName().toString();
            annotated.put(name, type);
            waiting.add(name);
            onlyInPreviousBuild.remove(name);
        }
        round.getRootElements().stream().filter(TypeElement.class::isInstance).findFirst()
                .ifPresent(root -> sourcePath.sawCompiled((TypeElement) root));
        localClasses.check(round);
        if (previous == null) {
            previous = new BuildOutputs(processingEnv.getFiler()).previous();
            previous.scriptClasses().stream().filter(name -> !annotated.containsKey(name)).forEach(name -> {
                waiting.add(name);
                onlyInPreviousBuild.add(name);
            });
        }
        checkWaiting(annotated, false);
    }

    /**
     * Checks the waiting classes; one whose supertypes are not generated yet waits for a later round.
     *
     * @param annotated this round's annotated classes by name, to spare looking those up by name
     */
    private void checkWaiting(Map<String, TypeElement> annotated, boolean lastRound) {
        Elements elements = processingEnv.getElementUtils();
        ScriptChecks checks = new ScriptChecks(reporter, new EntryPoints(processingEnv.getTypeUtils()), elements);
        TrackedScriptAnnotation.Defaults defaults = new TrackedScriptAnnotation.Defaults();
        Supertypes.Finder hierarchy = new Supertypes.Finder(processingEnv.getTypeUtils());
        for (String name : List.copyOf(waiting)) {
            TypeElement found = annotated.containsKey(name) ? annotated.get(name) : elements.getTypeElement(name);
            TypeElement type = found != null && onlyInPreviousBuild.contains(name) && sourcePath.sourceDeleted(found)
                    ? null : found;
            TrackedScriptAnnotation annotation = type == null ? null : TrackedScriptAnnotation.on(type, defaults);
            Supertypes supertypes = annotation == null ? null : hierarchy.of(type);
            if (annotation != null && !lastRound && supertypes.hasUnresolved()) {
                continue;
            }
            waiting.remove(name);
            if (annotation != null) {
                checks.check(type, annotation, supertypes).ifPresent(model -> {
                    valid.put(name, model);
                    validElements.put(name, type);
                });
            }
        }
    }

    private void finish() throws IOException {
        checkWaiting(Map.of(), true);
        TrackedScriptAnnotation.Defaults defaults = new TrackedScriptAnnotation.Defaults();
        List<FoundScript> found = new ArrayList<>();
        valid.forEach((name, model) -> found.add(new FoundScript(name, model, processingEnv.getElementUtils(), defaults)));
        new CompilationChecks(reporter).check(found);
        boolean replacesPrevious = previous != null && previous.exists();
        if (reporter.errorCount() == 0 && (!valid.isEmpty() || replacesPrevious)) {
            List<ScriptModel> sorted = new ArrayList<>(valid.values());
            sorted.sort(Comparator.comparing(ScriptModel::id).thenComparing(ScriptModel::className));
            new BuildOutputs(processingEnv.getFiler()).write(dataFileName(), RegistryData.of(sorted), valid.keySet(),
                    validElements.values().toArray(Element[]::new));
        }
    }

    private String dataFileName() {
        return previous.dataFile().orElseGet(() -> valid.values().stream()
                .min(Comparator.comparing(ScriptModel::className))
                .map(first -> RegistryNames.forFirstScript(first.className(), first.packageName()))
                .orElse(""));
    }
}
