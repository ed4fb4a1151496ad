package dev.scripttracker.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import javax.tools.StandardLocation;

/**
 * Checks every {@code @TrackedScript} class at compile time and generates the registry the runtime
 * loads. Each round's new scripts get a registry written in that same round, so javac still
 * compiles it; the rules that involve several scripts, and the service entry, wait for the last round.
 */
@AutoService(Processor.class)
public final class TrackedScriptProcessor extends AbstractProcessor {

    /** Valid scripts by class name, across rounds (a TypeElement is not stable across rounds; its name is). */
    private final Map<String, ScriptModel> valid = new TreeMap<>();
    /** As found in the round each was checked in: only the originating elements of the written files. */
    private final Map<String, TypeElement> validElements = new HashMap<>();
    private final Set<String> waiting = new LinkedHashSet<>();
    private final List<String> registries = new ArrayList<>();
    private boolean previousBuildRead;
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

    private void collect(RoundEnvironment round) throws IOException {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(TrackedScriptAnnotation.NAME);
        if (annotation == null) {
            return;
        }
        Map<String, TypeElement> annotated = new HashMap<>();
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            TypeElement type = (TypeElement) element;
            annotated.put(type.getQualifiedName().toString(), type);
            waiting.add(type.getQualifiedName().toString());
        }
        localClasses.check(round);
        if (!previousBuildRead && !waiting.isEmpty()) {
            previousBuildRead = true;
            new BuildOutputs(processingEnv.getFiler()).previousScriptClasses().stream()
                    .filter(name -> !valid.containsKey(name)).forEach(waiting::add);
        }
        Map<TypeElement, ScriptModel> ready = checkWaiting(annotated, false);
        if (!ready.isEmpty()) {
            writeRegistry(ready);
        }
    }

    /**
     * Checks the waiting classes; one whose supertypes are not generated yet waits for a later round.
     *
     * @param annotated this round's annotated classes by name, to spare looking those up by name
     * @return the classes found valid
     */
    private Map<TypeElement, ScriptModel> checkWaiting(Map<String, TypeElement> annotated, boolean lastRound) {
        Elements elements = processingEnv.getElementUtils();
        ScriptChecks checks = new ScriptChecks(reporter, new EntryPoints(processingEnv.getTypeUtils()), elements);
        TrackedScriptAnnotation.Defaults defaults = new TrackedScriptAnnotation.Defaults();
        Supertypes.Finder hierarchy = new Supertypes.Finder(processingEnv.getTypeUtils());
        Map<TypeElement, ScriptModel> ready = new LinkedHashMap<>();
        for (String name : List.copyOf(waiting)) {
            TypeElement type = annotated.containsKey(name) ? annotated.get(name) : elements.getTypeElement(name);
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
                    ready.put(type, model);
                });
            }
        }
        return ready;
    }

    private void writeRegistry(Map<TypeElement, ScriptModel> scripts) throws IOException {
        List<ScriptModel> sorted = new ArrayList<>(scripts.values());
        sorted.sort(Comparator.comparing(ScriptModel::id).thenComparing(ScriptModel::className));
        ScriptModel first = sorted.stream().min(Comparator.comparing(ScriptModel::className)).orElseThrow();
        String packageName = first.packageName();
        String qualifiedName = RegistryNames.forFirstScript(first.className(), packageName);
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        boolean generatedAnnotation = processingEnv.getElementUtils()
                .getTypeElement("javax.annotation.processing.Generated") != null;
        Element[] origins = scripts.keySet().toArray(Element[]::new);
        try (Writer writer = processingEnv.getFiler().createSourceFile(qualifiedName, origins).openWriter()) {
            writer.write(RegistrySource.of(packageName, simpleName, generatedAnnotation));
        }
        try (Writer writer = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, packageName,
                RegistrySource.dataFileName(simpleName), origins).openWriter()) {
            writer.write(RegistrySource.data(sorted));
        }
        registries.add(qualifiedName);
    }

    private void finish() throws IOException {
        checkWaiting(Map.of(), true);
        TrackedScriptAnnotation.Defaults defaults = new TrackedScriptAnnotation.Defaults();
        List<FoundScript> found = new ArrayList<>();
        valid.forEach((name, model) -> found.add(new FoundScript(name, model, processingEnv.getElementUtils(), defaults)));
        new CompilationChecks(reporter).check(found);
        if (reporter.errorCount() == 0 && !registries.isEmpty()) {
            new BuildOutputs(processingEnv.getFiler()).write(registries, valid.keySet(),
                    validElements.values().toArray(Element[]::new));
        }
    }
}
