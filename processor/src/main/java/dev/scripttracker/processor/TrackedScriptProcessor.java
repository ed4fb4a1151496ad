package dev.scripttracker.processor;

import com.google.auto.service.AutoService;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
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
        Set<? extends Element> annotated = round.getElementsAnnotatedWith(annotation);
        for (Element element : annotated) {
            waiting.add(((TypeElement) element).getQualifiedName().toString());
        }
        localClasses.check(round, annotated);
        if (!previousBuildRead && !waiting.isEmpty()) {
            previousBuildRead = true;
            new BuildOutputs(processingEnv.getFiler()).previousScriptClasses().stream()
                    .filter(name -> !valid.containsKey(name)).forEach(waiting::add);
        }
        List<ScriptModel> ready = checkWaiting(false);
        if (!ready.isEmpty()) {
            writeRegistry(ready);
        }
    }

    /** Checks the waiting classes; one whose supertypes are not generated yet waits for a later round. */
    private List<ScriptModel> checkWaiting(boolean lastRound) {
        EntryPoints entryPoints = new EntryPoints(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
        ScriptChecks checks = new ScriptChecks(reporter, entryPoints, processingEnv.getElementUtils());
        List<ScriptModel> ready = new ArrayList<>();
        for (String name : List.copyOf(waiting)) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            TrackedScriptAnnotation annotation = type == null ? null
                    : TrackedScriptAnnotation.on(type, processingEnv.getElementUtils());
            if (annotation != null && !lastRound && entryPoints.hasUnresolvedSupertypes(type)) {
                continue;
            }
            waiting.remove(name);
            if (annotation != null) {
                checks.check(type, annotation).ifPresent(model -> {
                    valid.put(name, model);
                    ready.add(model);
                });
            }
        }
        return ready;
    }

    private void writeRegistry(List<ScriptModel> scripts) throws IOException {
        List<ScriptModel> sorted = new ArrayList<>(scripts);
        sorted.sort(Comparator.comparing(ScriptModel::id).thenComparing(ScriptModel::className));
        ScriptModel first = scripts.stream().min(Comparator.comparing(ScriptModel::className)).orElseThrow();
        String packageName = first.packageName();
        String qualifiedName = RegistryNames.forFirstScript(first.className(), packageName);
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        boolean generatedAnnotation = processingEnv.getElementUtils()
                .getTypeElement("javax.annotation.processing.Generated") != null;
        Element[] origins = origins(scripts);
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
        checkWaiting(true);
        List<FoundScript> found = new ArrayList<>();
        for (Map.Entry<String, ScriptModel> entry : valid.entrySet()) {
            ScriptModel model = entry.getValue();
            TypeElement type = processingEnv.getElementUtils().getTypeElement(entry.getKey());
            found.add(new FoundScript(type, TrackedScriptAnnotation.on(type, processingEnv.getElementUtils()), model));
        }
        new CompilationChecks(reporter).check(found);
        if (reporter.errorCount() == 0 && !registries.isEmpty()) {
            new BuildOutputs(processingEnv.getFiler()).write(registries, valid.keySet(),
                    found.stream().map(FoundScript::element).toArray(Element[]::new));
        }
    }

    private Element[] origins(List<ScriptModel> scripts) {
        Set<ScriptModel> wanted = new java.util.HashSet<>(scripts);
        return valid.entrySet().stream().filter(e -> wanted.contains(e.getValue()))
                .map(e -> processingEnv.getElementUtils().getTypeElement(e.getKey())).toArray(Element[]::new);
    }
}
